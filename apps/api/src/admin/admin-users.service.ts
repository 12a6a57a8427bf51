// Accounts as the administration workspace changes them: create, edit, disable, reset a password, unlock,
// end sessions, map an OIDC subject. Each change and its audit entry commit together (one transaction).
import crypto from 'node:crypto';
import {
  roleSchema,
  type AdminUser,
  type CreateUserRequest,
  type Role,
  type UpdateUserRequest,
} from '@onewindow/contracts';
import { inOneTransaction, isUniqueViolation, kindOfClient, type Db } from '@onewindow/db';
import { recordAudit } from '@onewindow/audit';
import { hashPassword } from '../auth/password';
import { revokeAllSessions } from '../auth/session.service';
import { mapOidcSubject } from '../auth/user-accounts';
import { adminConflict, adminInvalid, adminNotFound, type ChangeAuthor } from './admin-problems';

/** Roles whose grants are limited to the user's own department: they need one. */
const departmentRoles: ReadonlySet<Role> = new Set(['window_clerk', 'dept_approver', 'dept_lead']);

const roleNames: Record<Role, string> = {
  window_clerk: '窗口受理人员',
  dept_approver: '部门审批人员',
  dept_lead: '部门负责人',
  supervisor: '督办人员',
  process_designer: '流程设计人员',
  admin: '系统管理员',
};

type UserRow = {
  id: string;
  username: string;
  displayName: string;
  departmentCode: string | null;
  department: { name: string } | null;
  roles: { role: string; departmentCode: string }[];
  disabled: boolean;
  lockedUntil: Date | null;
  oidcSubject: string | null;
  mustChangePassword: boolean;
  createdAt: Date;
};

const userInclude = { roles: true, department: { select: { name: true } } } as const;

/** Known roles of the rows; a role granted in another department keeps that department (unknown names grant nothing). */
function grantRows(user: UserRow): { role: Role; departmentCode: string }[] {
  return user.roles.flatMap((r) => {
    const parsed = roleSchema.safeParse(r.role);
    return parsed.success ? [{ role: parsed.data, departmentCode: r.departmentCode }] : [];
  });
}

const byRoleThenDepartment = (a: { role: string; departmentCode: string }, b: typeof a) =>
  a.departmentCode.localeCompare(b.departmentCode) || a.role.localeCompare(b.role);

/** Department names by code, for the roles granted in other departments. */
async function departmentNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.department.findMany({ select: { code: true, name: true } });
  return new Map(rows.map((d) => [d.code, d.name]));
}

function toAdminUser(user: UserRow, now: Date, names: Map<string, string>): AdminUser {
  const rows = grantRows(user);
  return {
    username: user.username,
    displayName: user.displayName,
    departmentCode: user.departmentCode,
    departmentName: user.department?.name ?? null,
    roles: rows
      .filter((r) => r.departmentCode === '')
      .map((r) => r.role)
      .sort(),
    otherGrants: rows
      .filter((r) => r.departmentCode !== '')
      .sort(byRoleThenDepartment)
      .map((r) => ({ ...r, departmentName: names.get(r.departmentCode) ?? null })),
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    oidcSubject: user.oidcSubject,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function listAdminUsers(db: Db, now = new Date()): Promise<AdminUser[]> {
  const users = await db.user.findMany({ orderBy: { username: 'asc' }, include: userInclude });
  const names = await departmentNames(db);
  return users.map((user) => toAdminUser(user, now, names));
}

async function userRow(db: Db, username: string): Promise<UserRow & { id: string }> {
  const user = await db.user.findUnique({ where: { username }, include: userInclude });
  if (!user) throw adminNotFound(`用户 ${username} 不存在，请刷新用户列表后再试`);
  return user;
}

/** The department must exist; roles limited to a department need one. */
async function checkDepartment(db: Db, departmentCode: string | null, roles: readonly Role[]): Promise<void> {
  if (departmentCode !== null) {
    const department = await db.department.findUnique({ where: { code: departmentCode } });
    if (!department)
      throw adminInvalid(
        'departmentCode',
        `部门 ${departmentCode} 不存在：请先在“部门”页新建该部门，或选择已有部门`,
      );
  }
  const needing = roles.filter((role) => departmentRoles.has(role));
  if (departmentCode === null && needing.length > 0)
    throw adminInvalid(
      'departmentCode',
      `角色“${needing.map((r) => roleNames[r]).join('、')}”只在本部门内办理，请为该用户选择部门`,
    );
}

/**
 * Roles in other departments: each department must exist and differ from the user's own (a role there is chosen
 * under 角色). The list's own rules (known, department-scoped roles; no duplicates) are the contract's.
 */
async function checkOtherGrants(
  db: Db,
  departmentCode: string | null,
  grants: readonly { role: Role; departmentCode: string }[],
): Promise<void> {
  const codes = [...new Set(grants.map((g) => g.departmentCode))];
  const known = new Set(
    (await db.department.findMany({ where: { code: { in: codes } }, select: { code: true } })).map(
      (d) => d.code,
    ),
  );
  for (const [i, grant] of grants.entries()) {
    if (!known.has(grant.departmentCode))
      throw adminInvalid(
        `otherGrants.${i}.departmentCode`,
        `部门 ${grant.departmentCode} 不存在：请先在“部门”页新建该部门，或选择已有部门`,
      );
    if (grant.departmentCode === departmentCode)
      throw adminInvalid(
        `otherGrants.${i}.departmentCode`,
        `${grant.departmentCode} 是该用户的所属部门：本部门的角色请在“角色”中选择，“其他部门的角色”只填其他部门`,
      );
  }
}

/**
 * The serialisation of changes that could remove the last active administrator: PostgreSQL takes a
 * transaction-scoped advisory lock (two admins disabling each other at once cannot both pass the check);
 * SQLite's transactions already hold the write lock from their start (BEGIN IMMEDIATE).
 */
const ADMIN_GUARD_LOCK = 2026_1217;
async function lockAdminGuard(tx: Db): Promise<void> {
  if (kindOfClient(tx) === 'postgresql')
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`;
}

/** 409 unless another enabled administrator remains when this user stops being one. */
async function assertAnotherActiveAdmin(tx: Db, userId: string, what: string): Promise<void> {
  const others = await tx.user.count({
    where: { id: { not: userId }, disabled: false, roles: { some: { role: 'admin' } } },
  });
  if (others === 0)
    throw adminConflict(
      `${what}：这是最后一个启用的系统管理员。请先为另一位用户授予“系统管理员”角色，再执行此操作`,
    );
}

const audit = (tx: Db, author: ChangeAuthor, action: string, username: string, payload: unknown) =>
  recordAudit(tx, { ...author, action, target: `user:${username}`, payload });

export async function createUser(
  db: Db,
  body: CreateUserRequest,
  author: ChangeAuthor,
  now = new Date(),
): Promise<AdminUser> {
  await checkDepartment(db, body.departmentCode, body.roles);
  const otherGrants = body.otherGrants ?? [];
  await checkOtherGrants(db, body.departmentCode, otherGrants);
  const taken = () => adminConflict(`用户名 ${body.username} 已被使用，请换一个用户名`);
  if (await db.user.findUnique({ where: { username: body.username } })) throw taken();
  const passwordHash = await hashPassword(body.password);
  try {
    const created = await inOneTransaction(db, async (tx) => {
      const user = await tx.user.create({
        data: {
          id: `user-${crypto.randomUUID()}`,
          username: body.username,
          displayName: body.displayName,
          departmentCode: body.departmentCode,
          passwordHash,
          mustChangePassword: true,
          roles: {
            create: [
              ...body.roles.map((role) => ({ role })),
              ...otherGrants.map((g) => ({ role: g.role, departmentCode: g.departmentCode })),
            ],
          },
        },
        include: userInclude,
      });
      await audit(tx, author, 'admin.user_created', body.username, {
        displayName: body.displayName,
        departmentCode: body.departmentCode,
        roles: body.roles,
        otherGrants: [...otherGrants].sort(byRoleThenDepartment),
      });
      return user;
    });
    return toAdminUser(created, now, await departmentNames(db));
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

export async function updateUser(
  db: Db,
  username: string,
  body: UpdateUserRequest,
  author: ChangeAuthor,
  now = new Date(),
): Promise<AdminUser> {
  const before = await userRow(db, username);
  const names = await departmentNames(db);
  const { roles: beforeRoles, otherGrants: beforeGrants } = toAdminUser(before, now, names);
  const roles = body.roles ?? beforeRoles;
  const departmentCode = body.departmentCode === undefined ? before.departmentCode : body.departmentCode;
  await checkDepartment(db, departmentCode, roles);
  const plain = (grants: readonly { role: Role; departmentCode: string }[]) =>
    grants
      .map(({ role, departmentCode: code }) => ({ role, departmentCode: code }))
      .sort(byRoleThenDepartment);
  const otherGrants = plain(body.otherGrants ?? beforeGrants);
  await checkOtherGrants(db, departmentCode, otherGrants);
  const wasActiveAdmin = !before.disabled && beforeRoles.includes('admin');
  const staysActiveAdmin = !(body.disabled ?? before.disabled) && roles.includes('admin');
  const updated = await inOneTransaction(db, async (tx) => {
    if (wasActiveAdmin && !staysActiveAdmin) {
      await lockAdminGuard(tx);
      await assertAnotherActiveAdmin(
        tx,
        before.id,
        body.disabled ? `不能停用 ${username}` : `不能取消 ${username} 的系统管理员角色`,
      );
    }
    if (body.roles) {
      await tx.userRole.deleteMany({ where: { userId: before.id, departmentCode: '' } });
      await tx.userRole.createMany({ data: body.roles.map((role) => ({ userId: before.id, role })) });
    }
    if (body.otherGrants) {
      await tx.userRole.deleteMany({ where: { userId: before.id, departmentCode: { not: '' } } });
      await tx.userRole.createMany({ data: otherGrants.map((g) => ({ userId: before.id, ...g })) });
    }
    const user = await tx.user.update({
      where: { id: before.id },
      data: {
        ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
        ...(body.departmentCode === undefined ? {} : { departmentCode: body.departmentCode }),
        ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
      },
      include: userInclude,
    });
    // A disabled account, or one whose roles or departments changed, signs in again with what it has now.
    if (body.disabled || body.roles || body.otherGrants || body.departmentCode !== undefined)
      await revokeAllSessions(tx, before.id, now);
    const changes = {
      ...(body.displayName === undefined ? {} : { displayName: [before.displayName, body.displayName] }),
      ...(body.departmentCode === undefined
        ? {}
        : { departmentCode: [before.departmentCode, departmentCode] }),
      ...(body.roles === undefined ? {} : { roles: [beforeRoles, [...roles].sort()] }),
      ...(body.otherGrants === undefined ? {} : { otherGrants: [plain(beforeGrants), otherGrants] }),
      ...(body.disabled === undefined ? {} : { disabled: [before.disabled, body.disabled] }),
    };
    await audit(tx, author, 'admin.user_updated', username, changes);
    return user;
  });
  return toAdminUser(updated, now, names);
}

/** A temporary password: the user must change it at the next sign-in; every session of theirs ends. */
export async function resetPassword(
  db: Db,
  username: string,
  password: string,
  author: ChangeAuthor,
): Promise<void> {
  const user = await userRow(db, username);
  const passwordHash = await hashPassword(password);
  await inOneTransaction(db, async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null },
    });
    await revokeAllSessions(tx, user.id);
    await audit(tx, author, 'admin.password_reset', username, { mustChangePassword: true });
  });
}

export async function unlock(db: Db, username: string, author: ChangeAuthor): Promise<void> {
  const user = await userRow(db, username);
  await inOneTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    await audit(tx, author, 'admin.user_unlocked', username, {});
  });
}

export async function revokeSessions(db: Db, username: string, author: ChangeAuthor): Promise<number> {
  const user = await userRow(db, username);
  return inOneTransaction(db, async (tx) => {
    const revoked = await revokeAllSessions(tx, user.id);
    await audit(tx, author, 'admin.sessions_revoked', username, { revokedSessions: revoked });
    return revoked;
  });
}

export async function setOidcSubject(
  db: Db,
  username: string,
  oidcSubject: string | null,
  author: ChangeAuthor,
): Promise<void> {
  const user = await userRow(db, username);
  if (oidcSubject) {
    const holder = await db.user.findUnique({ where: { oidcSubject } });
    if (holder && holder.id !== user.id)
      throw adminConflict(
        `该统一身份认证标识（sub）已映射给用户 ${holder.username}；一个标识只能对应一个用户`,
      );
  }
  await inOneTransaction(db, async (tx) => {
    await mapOidcSubject(tx, user, oidcSubject);
    await audit(tx, author, 'admin.oidc_subject_mapped', username, {
      from: user.oidcSubject,
      to: oidcSubject,
    });
  });
}

export async function adminUser(db: Db, username: string, now = new Date()): Promise<AdminUser> {
  return toAdminUser(await userRow(db, username), now, await departmentNames(db));
}
