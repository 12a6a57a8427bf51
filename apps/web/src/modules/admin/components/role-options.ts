import { roles, type Role } from '@onewindow/contracts';
import type { TFunction } from 'i18next';

/** The roles limited to the user's own department: the form asks for a department with them. */
export const departmentRoles: readonly Role[] = ['window_clerk', 'dept_approver', 'dept_lead'];

export const roleOptions = (t: TFunction) =>
  roles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }));
