import type { CaseActionRequest } from '@onewindow/contracts';
import type { ActionContext } from '../cases/case-actions';
import { peopleProblem, stepDepartment, transferAuthority } from '../cases/case-people';
import type { ApiDeps } from '../api-deps';
import type { AuthUser } from '../auth/auth-context';

/**
 * What the API adds to a verb besides its body (the workflow decides everything that depends on the step):
 * the signed-in user's department and roles (签收 of a role group: the workflow compares them with the
 * step's department and role; any verb: another department's task is refused); 转办's and 指派's lead
 * authority (a dept_lead of the step's department); and for 指派 the assignee's department and roles, read
 * here — an assignee who is not an active user of the step's department is a 422 before anything is sent.
 */
export async function actionContext(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  caseNo: string,
  action: CaseActionRequest,
  actor: AuthUser,
): Promise<ActionContext> {
  const member = { departmentCode: actor.departmentCode, roles: [...actor.roles] };
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
  const user = await deps.db.user.findUnique({
    where: { id: to },
    select: { disabled: true, departmentCode: true, roles: { select: { role: true } } },
  });
  const problem = !user
    ? `no user has the id "${to}"`
    : user.disabled
      ? `user "${to}" is disabled and cannot take part`
      : user.departmentCode !== departmentCode
        ? `user "${to}" belongs to ${user.departmentCode ?? 'no department'}, not ${departmentCode}: 指派 stays inside the department of step "${stepId}"`
        : undefined;
  if (problem) throw peopleProblem(`Nothing was done — to: ${problem}`, [{ path: 'to', message: problem }]);
  const lead = actor.roles.includes('dept_lead') && actor.departmentCode === departmentCode;
  return {
    authority: lead ? 'lead' : 'assignee',
    assignee: { departmentCode: user!.departmentCode, roles: user!.roles.map((r) => r.role) },
  };
}
