import { hashPassword } from '@onewindow/api';
import { applyCatalogue, createPrismaClient, type Db } from '@onewindow/db';
import { loadSeedCatalogue } from '@onewindow/standards';
import { ApiSession } from './http-session';

/** Three departments of a 开办餐饮店 bundle, each with one approver; two items issue a certificate. */
export const departments = [
  { code: 'SFS-SCJG', name: '市场监督管理局', approver: 'approver-scjg' },
  { code: 'SFS-XFJY', name: '消防救援支队', approver: 'approver-xfjy' },
  { code: 'CGJ', name: '城市管理局', approver: 'approver-cgj' },
];

export const items = [
  {
    implementationCode: '11370800MB28559184337011700201Y',
    name: '食品经营许可',
    departmentCode: 'SFS-SCJG',
    statutory: 20,
    promised: 10,
    certificate: { certificateTypeCode: '11100000000013338W001', name: '食品经营许可证' },
  },
  {
    implementationCode: '11370800MB28559185337011700301Y',
    name: '公众聚集场所投入使用、营业前消防安全检查',
    departmentCode: 'SFS-XFJY',
    statutory: 10,
    promised: 7,
    certificate: { certificateTypeCode: '11100000000013338W002', name: '消防安全检查合格证' },
  },
  {
    implementationCode: '11370800MB28559186337011700401Y',
    name: '户外招牌设施设置',
    departmentCode: 'CGJ',
    statutory: 20,
    promised: 5,
  },
];

export const approverOf = (departmentCode: string): string =>
  departments.find((d) => d.code === departmentCode)!.approver;

/** The window clerk of the service centre (综合窗口). */
export const clerk = { id: 'clerk-1', departmentCode: 'SFS-ZWFW' };
export const password = 'e2e-Password-2026';

/** A valid resident ID (GB 11643 check digit X) and the same number with a wrong check digit. */
export const goodPersonId = '11010519491231002X';
export const badPersonId = '110105194912310021';

/** Seeds departments, approvers and catalogue items straight into the stack's database. */
export async function seedCatalogue(databaseUrl: string): Promise<Db> {
  const db = createPrismaClient(databaseUrl);
  const passwordHash = await hashPassword(password);
  const users = [
    { id: clerk.id, departmentCode: clerk.departmentCode, role: 'window_clerk', name: '综合窗口' },
    ...departments.map((d) => ({
      id: d.approver,
      departmentCode: d.code,
      role: 'dept_approver',
      name: d.name,
    })),
  ];
  for (const u of users) {
    await db.department.upsert({
      where: { code: u.departmentCode },
      create: { code: u.departmentCode, name: u.name, region: '370800' },
      update: {},
    });
    await db.user.upsert({
      where: { id: u.id },
      create: {
        id: u.id,
        username: u.id,
        displayName: u.id,
        departmentCode: u.departmentCode,
        passwordHash,
        roles: { create: [{ role: u.role }] },
      },
      update: {},
    });
  }
  const version = await db.catalogueVersion.create({
    data: { label: 'e2e', source: 'seed', createdBy: 'e2e' },
  });
  for (const item of items) {
    await db.item.create({
      data: {
        id: `${item.implementationCode}@1`,
        itemKey: item.implementationCode,
        basicCode: item.implementationCode.slice(19),
        implementationCode: item.implementationCode,
        name: item.name,
        itemType: '01',
        departmentCode: item.departmentCode,
        version: 1,
        statutoryLimitValue: item.statutory,
        statutoryLimitUnit: 'working_day',
        promisedLimitValue: item.promised,
        promisedLimitUnit: 'working_day',
        data: JSON.stringify({
          results: [
            item.certificate
              ? { ...item.certificate, kind: 'certificate' }
              : { name: '批复', kind: 'approval_document' },
          ],
        }),
        catalogueVersionId: version.id,
      },
    });
  }
  return db;
}

export function application(codes: string[], overrides: Record<string, unknown> = {}) {
  return {
    items: codes.map((implementationCode) => ({ implementationCode })),
    applicant: { kind: 'person', idNumber: goodPersonId, name: '张三', phone: '13800138000' },
    materials: [
      { materialCode: 'M-ID', originals: 1, copies: 1 },
      { materialCode: 'M-LEASE', copies: 1 },
    ],
    ...overrides,
  };
}

/** The seed catalogue's 开办餐饮店 items (standards), by their most specific codes, and one approver per department. */
export const restaurant = {
  food: { code: '11379900MB1000101Y300011000500001', department: 'SFS-SCJG' },
  fire: { code: '11379900MB100012243000120001000', department: 'SFS-XFJY' },
  sign: { code: '11379900MB100014393000130001000', department: 'SFS-CGJ' },
  tobacco: { code: '11379900MB100020643000140001000', department: 'SFS-YCJ' },
};
export const foodImplementationCode = '11379900MB1000101Y3000110005000';

/** Loads the standards seed catalogue through the catalogue store and gives each restaurant department an approver. */
export async function seedStandardCatalogue(db: Db): Promise<void> {
  await applyCatalogue(db, loadSeedCatalogue(), {
    label: 'seed catalogue',
    source: 'seed',
    createdBy: 'e2e',
  });
  const passwordHash = await hashPassword(password);
  for (const { department } of Object.values(restaurant)) {
    const id = `approver-${department.toLowerCase()}`;
    await db.user.upsert({
      where: { id },
      create: {
        id,
        username: id,
        displayName: id,
        departmentCode: department,
        passwordHash,
        roles: { create: [{ role: 'dept_approver' }] },
      },
      update: {},
    });
  }
}

/** Signed-in sessions for the clerk and each department's approver. */
export async function signInAll(
  baseUrl: string,
): Promise<{ clerk: ApiSession; approver: (departmentCode: string) => ApiSession }> {
  const sessions = new Map<string, ApiSession>();
  for (const d of departments) sessions.set(d.code, await ApiSession.signIn(baseUrl, d.approver, password));
  return {
    clerk: await ApiSession.signIn(baseUrl, clerk.id, password),
    approver: (code) => sessions.get(code)!,
  };
}

/** Polls until `check` returns a value (projections are written by activities, a moment after the Update). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One more signed-in-able staff member (the e2e password) with one role in one department. */
export async function addStaffUser(
  db: Db,
  user: { id: string; username?: string; displayName?: string; departmentCode: string; role: string },
): Promise<void> {
  await db.user.create({
    data: {
      id: user.id,
      username: user.username ?? user.id,
      displayName: user.displayName ?? user.id,
      departmentCode: user.departmentCode,
      passwordHash: await hashPassword(password),
      roles: { create: [{ role: user.role }] },
    },
  });
}
