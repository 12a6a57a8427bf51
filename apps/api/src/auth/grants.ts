// The departments a user works in, from their role grants (a role scoped to a department: docs/decisions/0023).
import type { Role } from '@onewindow/contracts';
import type { AuthUser } from './auth-context';

type Granted = Pick<AuthUser, 'departmentCode' | 'roles' | 'grants'>;

/** The departments the user holds a department-scoped role in: the home department first, then the others. */
export function departmentsOf(user: Granted): string[] {
  const codes = user.grants.flatMap((g) => (g.departmentCode === null ? [] : [g.departmentCode]));
  const home =
    user.departmentCode !== null && codes.includes(user.departmentCode) ? [user.departmentCode] : [];
  return [...new Set([...home, ...codes.sort()])];
}

/** The roles the user acts with in the department: those granted there, and those that act for any department. */
export function rolesIn(user: Granted, departmentCode: string): Role[] {
  return [
    ...new Set(
      user.grants
        .filter((g) => g.departmentCode === null || g.departmentCode === departmentCode)
        .map((g) => g.role),
    ),
  ];
}

/**
 * The member the workflow judges for a step of the department: the user as a member of that department, with
 * their roles there, when they hold a role in it; else as today — their home department and every role, so the
 * workflow refuses another department's step as it always has.
 */
export function memberFor(
  user: Granted,
  departmentCode: string | undefined,
): { departmentCode: string | null; roles: string[] } {
  if (
    departmentCode !== undefined &&
    departmentCode !== user.departmentCode &&
    departmentsOf(user).includes(departmentCode)
  )
    return { departmentCode, roles: rolesIn(user, departmentCode) };
  return { departmentCode: user.departmentCode, roles: [...user.roles] };
}
