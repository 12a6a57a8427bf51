import type { CaseActionRequest } from '@onewindow/contracts';
import { caseStateQuery } from '@onewindow/workflows';
import type { ApiDeps } from '../api-deps';
import type { AuthUser } from '../auth/auth-context';
import { rolesIn } from '../auth/grants';
import { ProblemError, ProblemType } from '../http/problem';
import { isTemporalUnreachable, temporalDown } from './temporal-errors';

type Problems = { path: string; message: string }[];

/** 422 naming every person that cannot take part, and why; nothing was sent to the workflow. */
export const peopleProblem = (detail: string, errors: Problems) =>
  new ProblemError(422, ProblemType.validation, 'Cannot involve these people', detail, errors);

/**
 * The department of a step: from its task rows (a step keeps its department across generations), else
 * from the workflow itself (its first task row may not be projected yet). Undefined when the case has
 * no such step: the workflow's validator then refuses with the steps that are open.
 */
export async function stepDepartment(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  caseNo: string,
  stepId: string,
): Promise<string | undefined> {
  const row = await deps.db.task.findFirst({ where: { caseNo, stepId }, select: { departmentCode: true } });
  if (row) return row.departmentCode;
  try {
    const view = await deps.temporal.connection.withDeadline(Date.now() + 5_000, () =>
      deps.temporal.client.workflow.getHandle(caseNo).query(caseStateQuery),
    );
    return view.steps.find((s) => s.stepId === stepId)?.departmentCode;
  } catch (error) {
    if (isTemporalUnreachable(error)) throw temporalDown(deps.temporal.address);
    // e.g. "case … is still starting": the Update then gets the same answer from the workflow.
    return undefined;
  }
}

export interface PeopleRule {
  /** Body path of the list, for the errors ("to", "signers"). */
  path: string;
  /** When set, everyone must belong to it (转办, 委派 and 加签 stay inside the step's department). */
  departmentCode?: string;
  /** How the rule is explained, e.g. "转办 stays inside the department". */
  why: string;
  /** The body field is one user, not a list. */
  single?: boolean;
}

/** A member of the department: their own (home) department, or one they hold a role in. */
export const isMemberOf = (
  user: { departmentCode: string | null; roles: { departmentCode: string }[] },
  departmentCode: string,
): boolean =>
  user.departmentCode === departmentCode || user.roles.some((r) => r.departmentCode === departmentCode);

/** Checks that every named user exists, is active and (when asked) belongs to the department; the problems found. */
export async function checkPeople(
  deps: Pick<ApiDeps, 'db'>,
  ids: readonly string[],
  rule: PeopleRule,
): Promise<Problems> {
  const users = await deps.db.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, disabled: true, departmentCode: true, roles: { select: { departmentCode: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const problems: Problems = [];
  for (const [i, id] of ids.entries()) {
    const path = rule.single ? rule.path : `${rule.path}.${i}`;
    const user = byId.get(id);
    if (!user) {
      const byName = await deps.db.user.findUnique({ where: { username: id }, select: { id: true } });
      problems.push({
        path,
        message: `no user has the id "${id}"${byName ? ` (the user named ${id} has the id "${byName.id}": name users by id)` : ''}`,
      });
    } else if (user.disabled) {
      problems.push({ path, message: `user "${id}" is disabled and cannot take part` });
    } else if (rule.departmentCode !== undefined && !isMemberOf(user, rule.departmentCode)) {
      const others = user.roles.map((r) => r.departmentCode).filter((c) => c && c !== user.departmentCode);
      problems.push({
        path,
        message: `user "${id}" belongs to ${[user.departmentCode ?? 'no department', ...new Set(others)].join(', ')}, not ${rule.departmentCode}: ${rule.why}`,
      });
    }
  }
  return problems;
}

/**
 * The API's checks before a verb that involves other people: 转办/委派/加签 only to active users of the
 * step's department, 抄送 to any active user. Throws 422 naming every bad person. The workflow then
 * checks everything that depends on the step's state (who holds it, who signs already, …).
 */
export async function assertPeopleMayTakePart(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  caseNo: string,
  action: CaseActionRequest,
): Promise<void> {
  const inDepartment = async (ids: string[], path: string, verb: string, single = false) => {
    const stepId = (action as { stepId: string }).stepId;
    const departmentCode = await stepDepartment(deps, caseNo, stepId);
    if (departmentCode === undefined) return [];
    return checkPeople(deps, ids, {
      path,
      departmentCode,
      single,
      why: `${verb} stays inside the department of step "${stepId}"`,
    });
  };
  let problems: Problems = [];
  switch (action.verb) {
    case 'transfer':
      problems = await inDepartment(action.to, 'to', '转办 (transfer)');
      break;
    case 'delegate':
      problems = await inDepartment([action.to], 'to', '委派 (delegation)', true);
      break;
    case 'add_signers':
      problems = await inDepartment(action.signers, 'signers', '加签 (adding signers)');
      break;
    case 'copy_to':
      problems = await checkPeople(deps, action.to, { path: 'to', why: '' });
      break;
    default:
      return;
  }
  if (problems.length > 0) {
    throw peopleProblem(
      `Nothing was done — ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
}

/**
 * 转办 with a lead's authority: a department lead (dept_lead) of the step's department (their own, or one
 * they were granted the role in) hands on someone
 * else's place. Everybody else transfers only their own place (the workflow refuses otherwise).
 */
export async function transferAuthority(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  caseNo: string,
  stepId: string,
  actor: AuthUser,
  from: string | undefined,
): Promise<'assignee' | 'lead'> {
  if (from === undefined || from === actor.id || !actor.roles.includes('dept_lead')) return 'assignee';
  const departmentCode = await stepDepartment(deps, caseNo, stepId);
  return departmentCode !== undefined && rolesIn(actor, departmentCode).includes('dept_lead')
    ? 'lead'
    : 'assignee';
}
