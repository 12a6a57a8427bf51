import type { Db } from '@onewindow/db';
import type { Role } from '@onewindow/contracts';
import { loadSeedCatalogue } from '@onewindow/standards';
import { hashPassword } from './password';

export interface DemoUser {
  username: string;
  displayName: string;
  departmentCode: string;
  roles: Role[];
}

/**
 * Demo users live in the seed catalogue's departments (fictional 示范市), so cases accepted for seed items reach
 * real inboxes: the centre's window, and one approver for every approving department.
 */
const seedDepartments = loadSeedCatalogue().departments;
export const demoDepartments = seedDepartments.map((d) => ({
  code: d.code,
  name: d.name,
  region: d.regionCode,
}));
const WINDOW = 'SFS-ZWFW';

/** One demo password for every demo user; demo databases only. */
export const demoPassword = 'OneWindow-demo-2026';

const namedUsers: DemoUser[] = [
  { username: 'clerk', displayName: '综合窗口 王敏', departmentCode: WINDOW, roles: ['window_clerk'] },
  {
    username: 'approver.scjg',
    displayName: '市场监管 李强',
    departmentCode: 'SFS-SCJG',
    roles: ['dept_approver'],
  },
  {
    username: 'approver.wsjk',
    displayName: '卫健 赵丽',
    departmentCode: 'SFS-WJW',
    roles: ['dept_approver'],
  },
  {
    username: 'approver.xfjy',
    displayName: '消防 孙涛',
    departmentCode: 'SFS-XFJY',
    roles: ['dept_approver'],
  },
  {
    username: 'lead.scjg',
    displayName: '市场监管科长 周文',
    departmentCode: 'SFS-SCJG',
    roles: ['dept_lead'],
  },
  { username: 'supervisor', displayName: '督办 陈静', departmentCode: WINDOW, roles: ['supervisor'] },
  { username: 'designer', displayName: '流程设计 吴昊', departmentCode: WINDOW, roles: ['process_designer'] },
  { username: 'admin', displayName: '系统管理员', departmentCode: WINDOW, roles: ['admin'] },
];
const staffed = new Set(
  namedUsers.filter((u) => u.roles.includes('dept_approver')).map((u) => u.departmentCode),
);

/** The named demo users plus `approver.<dept>` for every other approving department of the seed catalogue. */
export const demoUsers: readonly DemoUser[] = [
  ...namedUsers,
  ...seedDepartments
    .filter((d) => d.code !== WINDOW && !staffed.has(d.code))
    .map((d): DemoUser => ({
      username: `approver.${d.code.replace(/^SFS-/, '').toLowerCase()}`,
      displayName: `${d.name} 审批员`,
      departmentCode: d.code,
      roles: ['dept_approver'],
    })),
];

/**
 * Creates the demo departments and users if missing. Idempotent: existing users keep their password,
 * lock state and sessions; their roles are brought back to the demo set.
 */
export async function seedDemoUsers(db: Db): Promise<{ created: string[] }> {
  for (const department of demoDepartments) {
    await db.department.upsert({ where: { code: department.code }, create: department, update: {} });
  }
  const created: string[] = [];
  for (const demo of demoUsers) {
    const existing = await db.user.findUnique({ where: { username: demo.username } });
    if (existing) {
      await db.$transaction([
        db.userRole.deleteMany({
          where: { userId: existing.id, departmentCode: '', role: { notIn: demo.roles } },
        }),
        ...demo.roles.map((role) =>
          db.userRole.upsert({
            where: { userId_role_departmentCode: { userId: existing.id, role, departmentCode: '' } },
            create: { userId: existing.id, role },
            update: {},
          }),
        ),
      ]);
      continue;
    }
    const passwordHash = await hashPassword(demoPassword);
    await db.user.create({
      data: {
        id: `demo-${demo.username}`,
        username: demo.username,
        displayName: demo.displayName,
        departmentCode: demo.departmentCode,
        passwordHash,
        roles: { create: demo.roles.map((role) => ({ role })) },
      },
    });
    created.push(demo.username);
  }
  return { created };
}
