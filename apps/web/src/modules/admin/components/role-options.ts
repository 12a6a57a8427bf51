import { departmentScopedRoles, roles, type Role } from '@onewindow/contracts';
import type { TFunction } from 'i18next';

/** The roles limited to a department: the form asks for the user's department with them. */
export const departmentRoles: readonly Role[] = departmentScopedRoles;

export const roleOptions = (t: TFunction) =>
  roles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }));

/** The roles that may be granted in another department than the user's own (其他部门的角色). */
export const departmentRoleOptions = (t: TFunction) =>
  departmentScopedRoles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }));
