import type { CaseActionRequest } from '@onewindow/contracts';
import type { ActionContext } from '../cases/case-actions';
import { isMemberOf, peopleProblem, stepDepartment, transferAuthority } from '../cases/case-people';
import type { ApiDeps } from '../api-deps';
import type { AuthUser } from '../auth/auth-context';
import { departmentsOf, memberFor, rolesIn } from '../auth/grants';
import { toAuthUser } from '../auth/session.service';

/**
 * What the API adds to a verb besides its body (the workflow decides everything that depends on the step):
 * the signed-in user's department and roles (签收 of a role group: the workflow compares them with the
 * step's department and role; any verb: another department's task is refused) — for a step of a department
 * the user holds a role in, that department and their roles there (grants.ts memberFor); 转办's and 指派's lead
 * authority (a dept_lead of the step's department); and for 指派 the assignee's department and roles, read
 * here — an assignee who is not an active member of the step's department is a 422 before anything is sent.
 */
export async function actionContext(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  caseNo: string,
  action: CaseActionRequest,
  actor: AuthUser,
): Promise<ActionContext> {
  // A user who holds roles in other departments acts, on a step of one of them, as its member with their roles there.
  const elsewhere = departmentsOf(actor).some((code) => code !== actor.departmentCode);
  const stepDepartmentCode =
    elsewhere && 'stepId' in action ? await stepDepartment(deps, caseNo, action.stepId) : undefined;
  const member = memberFor(actor, stepDepartmentCode);
  switch (action.verb) {
    case 'transfer':
      return {
        member,
        authority: await transferAuthority(deps, caseNo, action.stepId, actor, action.from),
      };
    case 'assign':
      return { member, ...(await assignContext(deps, caseNo, action.stepId, action.to, actor)) };
    default:
      return { member };
  }
}

async function assignContext(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  caseNo: string,
  stepId: string,
  to: string,
  actor: AuthUser,
): Promise<ActionContext> {
  const departmentCode = await stepDepartment(deps, caseNo, stepId);
  // Unknown step: the workflow's validator names the open ones.
  if (departmentCode === undefined) return {};
  const row = await deps.db.user.findUnique({
    where: { id: to },
    select: {
      id: true,
      username: true,
      displayName: true,
      disabled: true,
      departmentCode: true,
      roles: { select: { role: true, departmentCode: true } },
    },
  });
  const user = row ? toAuthUser(row) : undefined;
  const problem = !row
    ? `no user has the id "${to}"`
    : row.disabled
      ? `user "${to}" is disabled and cannot take part`
      : !isMemberOf(row, departmentCode)
        ? `user "${to}" belongs to ${[row.departmentCode ?? 'no department', ...departmentsOf(user!).filter((c) => c !== row.departmentCode)].join(', ')}, not ${departmentCode}: 指派 stays inside the department of step "${stepId}"`
        : undefined;
  if (problem) throw peopleProblem(`Nothing was done — to: ${problem}`, [{ path: 'to', message: problem }]);
  const lead = rolesIn(actor, departmentCode).includes('dept_lead');
  return { authority: lead ? 'lead' : 'assignee', assignee: memberFor(user!, departmentCode) };
}
