import type { Db } from '@onewindow/db';
import type { Role } from '@onewindow/contracts';
import { hashPassword } from './password';

export interface DemoUser {
  username: string;
  displayName: string;
  departmentCode: string;
  roles: Role[];
}

/** Demo departments: the service centre's comprehensive window and three approving bureaus. */
export const demoDepartments = [
  { code: 'ZWFW', name: '政务服务中心综合窗口', region: '370800' },
  { code: 'SCJG', name: '市场监督管理局', region: '370800' },
  { code: 'WSJK', name: '卫生健康委员会', region: '370800' },
  { code: 'XFJY', name: '消防救援支队', region: '370800' },
] as const;

/** One demo password for every demo user; demo databases only. */
export const demoPassword = 'OneWindow-demo-2026';

export const demoUsers: readonly DemoUser[] = [
  { username: 'clerk', displayName: '综合窗口 王敏', departmentCode: 'ZWFW', roles: ['window_clerk'] },
  { username: 'approver.scjg', displayName: '市场监管 李强', departmentCode: 'SCJG', roles: ['dept_approver'] },
  { username: 'approver.wsjk', displayName: '卫健 赵丽', departmentCode: 'WSJK', roles: ['dept_approver'] },
  { username: 'approver.xfjy', displayName: '消防 孙涛', departmentCode: 'XFJY', roles: ['dept_approver'] },
  { username: 'lead.scjg', displayName: '市场监管科长 周文', departmentCode: 'SCJG', roles: ['dept_lead'] },
  { username: 'supervisor', displayName: '督办 陈静', departmentCode: 'ZWFW', roles: ['supervisor'] },
  { username: 'designer', displayName: '流程设计 吴昊', departmentCode: 'ZWFW', roles: ['process_designer'] },
  { username: 'admin', displayName: '系统管理员', departmentCode: 'ZWFW', roles: ['admin'] },
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
        db.userRole.deleteMany({ where: { userId: existing.id, role: { notIn: demo.roles } } }),
        ...demo.roles.map((role) => db.userRole.upsert({ where: { userId_role: { userId: existing.id, role } }, create: { userId: existing.id, role }, update: {} })),
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
