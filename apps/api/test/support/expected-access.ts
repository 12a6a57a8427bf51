import type { AccessAction, Role } from '@onewindow/contracts';

// The expected policy, written out by hand: [own department, other department] per role and action.
type Row = Record<Role, [boolean, boolean]>;
const Y: [boolean, boolean] = [true, true];
const O: [boolean, boolean] = [true, false];
const N: [boolean, boolean] = [false, false];
export const expectedAccess: Record<AccessAction, Row> = {
  'catalogue.read': { window_clerk: Y, dept_approver: Y, dept_lead: Y, supervisor: Y, process_designer: Y, admin: Y },
  'catalogue.write': { window_clerk: N, dept_approver: N, dept_lead: N, supervisor: N, process_designer: Y, admin: Y },
  'case.accept': { window_clerk: Y, dept_approver: N, dept_lead: N, supervisor: N, process_designer: N, admin: N },
  'case.read': { window_clerk: O, dept_approver: O, dept_lead: O, supervisor: Y, process_designer: N, admin: N },
  'case.decide': { window_clerk: N, dept_approver: O, dept_lead: O, supervisor: N, process_designer: N, admin: N },
  'case.issue': { window_clerk: O, dept_approver: N, dept_lead: N, supervisor: N, process_designer: N, admin: N },
  'case.file.upload': { window_clerk: O, dept_approver: N, dept_lead: N, supervisor: N, process_designer: N, admin: N },
  'case.file.read': { window_clerk: O, dept_approver: O, dept_lead: O, supervisor: N, process_designer: N, admin: N },
  'task.list': { window_clerk: N, dept_approver: O, dept_lead: O, supervisor: Y, process_designer: N, admin: N },
  'task.reassign': { window_clerk: N, dept_approver: N, dept_lead: O, supervisor: Y, process_designer: N, admin: N },
  'flow.design': { window_clerk: N, dept_approver: N, dept_lead: N, supervisor: N, process_designer: Y, admin: N },
  'flow.publish': { window_clerk: N, dept_approver: N, dept_lead: N, supervisor: N, process_designer: Y, admin: N },
  'calendar.write': { window_clerk: N, dept_approver: N, dept_lead: N, supervisor: N, process_designer: N, admin: Y },
  'audit.read': { window_clerk: N, dept_approver: N, dept_lead: N, supervisor: Y, process_designer: N, admin: Y },
  'user.manage': { window_clerk: N, dept_approver: N, dept_lead: N, supervisor: N, process_designer: N, admin: Y },
  'public.lookup': { window_clerk: Y, dept_approver: Y, dept_lead: Y, supervisor: Y, process_designer: Y, admin: Y },
};

