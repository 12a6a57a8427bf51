import type { UserDirectory } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';

/**
 * The department's active users by display name: id, name and the roles they hold there, nothing else. A user
 * belongs to it by home department or by a role granted in it (docs/decisions/0023); a home user's roles scoped to
 * another department are not theirs here.
 */
export async function departmentUsers(db: Db, departmentCode: string): Promise<UserDirectory['items']> {
  const users = await db.user.findMany({
    where: { disabled: false, OR: [{ departmentCode }, { roles: { some: { departmentCode } } }] },
    select: {
      id: true,
      displayName: true,
      departmentCode: true,
      roles: { select: { role: true, departmentCode: true } },
    },
    orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
  });
  return users.map((u) => ({
    id: u.id,
    displayName: u.displayName,
    roles: [
      ...new Set(
        u.roles
          .filter((r) => (r.departmentCode === '' ? u.departmentCode : r.departmentCode) === departmentCode)
          .map((r) => r.role),
      ),
    ].sort(),
  }));
}
