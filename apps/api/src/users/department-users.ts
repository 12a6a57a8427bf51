import type { UserDirectory } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';

/** The department's active users by display name: id, name and roles, nothing else. */
export async function departmentUsers(db: Db, departmentCode: string): Promise<UserDirectory['items']> {
  const users = await db.user.findMany({
    where: { departmentCode, disabled: false },
    select: { id: true, displayName: true, roles: { select: { role: true } } },
    orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
  });
  return users.map((u) => ({
    id: u.id,
    displayName: u.displayName,
    roles: u.roles.map((r) => r.role).sort(),
  }));
}
