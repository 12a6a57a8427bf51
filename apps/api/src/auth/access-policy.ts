import { caseStatusLabel, type AccessAction, type PublicCaseStatus, type Role } from '@onewindow/contracts';
import type { AuthUser } from './auth-context';

/**
 * The one access policy. A grant is either for any resource or only for resources of the user's own
 * department — for a role held in several departments (AuthUser.grants), any of them. A resource names the
 * departments it belongs to: a task its department, a case the window that accepted it and every department
 * that works on it.
 *
 * Case files (the applicant's uploaded documents): the window clerk of the case uploads them
 * (case.file.upload); exactly those whose case view includes materials (caseViewFor(...).materials) may
 * download them (case.file.read) — the handling window and departments, never a supervisor or a 抄送 reader.
 */
export type Scope = 'any' | 'own_department' | 'copied';

export interface AccessResource {
  departmentCodes: readonly string[];
  /** 抄送: people a case was copied to (per step); they may read it (case.read only), masked and read-only. */
  copiedTo?: readonly { userId: string; stepId: string; departmentCode: string | null }[];
}

export type Decision = { allowed: true; scope: Scope } | { allowed: false; reason: string };

const grants: Record<Role, Partial<Record<AccessAction, Scope>>> = {
  window_clerk: {
    'catalogue.read': 'any',
    'case.accept': 'any',
    'case.read': 'own_department',
    'case.issue': 'own_department',
    'case.file.upload': 'own_department',
    'case.file.read': 'own_department',
    'public.lookup': 'any',
  },
  dept_approver: {
    'catalogue.read': 'any',
    'case.read': 'own_department',
    'case.decide': 'own_department',
    'case.file.read': 'own_department',
    'task.list': 'own_department',
    'public.lookup': 'any',
  },
  dept_lead: {
    'catalogue.read': 'any',
    'case.read': 'own_department',
    'case.decide': 'own_department',
    'case.file.read': 'own_department',
    'task.list': 'own_department',
    'task.reassign': 'own_department',
    'supervision.read': 'own_department',
    'case.extension.approve': 'own_department',
    'phrase.manage': 'own_department',
    'public.lookup': 'any',
  },
  supervisor: {
    'catalogue.read': 'any',
    'case.read': 'any',
    'task.list': 'any',
    'task.reassign': 'any',
    'supervision.read': 'any',
    'case.extension.approve': 'any',
    'audit.read': 'any',
    'public.lookup': 'any',
  },
  process_designer: {
    'catalogue.read': 'any',
    'catalogue.write': 'any',
    'flow.design': 'any',
    'flow.publish': 'any',
    'public.lookup': 'any',
  },
  admin: {
    'catalogue.read': 'any',
    'catalogue.write': 'any',
    'calendar.write': 'any',
    'audit.read': 'any',
    'user.manage': 'any',
    'department.manage': 'any',
    'audit.export': 'any',
    'phrase.manage': 'any',
    'public.lookup': 'any',
  },
};

/** Actions anyone may do, signed in or not. */
const publicActions: ReadonlySet<AccessAction> = new Set(['public.lookup']);

export const isPublicAction = (action: AccessAction): boolean => publicActions.has(action);

/** The widest scope any of the user's roles grants for the action. */
export function scopeOf(user: AuthUser, action: AccessAction): Scope | undefined {
  const scopes = user.roles.map((role) => grants[role]?.[action]).filter((s): s is Scope => s !== undefined);
  if (scopes.includes('any')) return 'any';
  return scopes[0];
}

/**
 * Decides whether the user may do the action on the resource; a refusal says why, for the 403 answer.
 * A case copied to the user (抄送) may be read by them whatever their role (scope `copied`); nothing else.
 */
export function decide(
  user: AuthUser | undefined,
  action: AccessAction,
  resource?: AccessResource,
): Decision {
  const byRole = decideByRole(user, action, resource);
  if (byRole.allowed || action !== 'case.read' || !user) return byRole;
  return resource?.copiedTo?.some((c) => c.userId === user.id) ? { allowed: true, scope: 'copied' } : byRole;
}

function decideByRole(user: AuthUser | undefined, action: AccessAction, resource?: AccessResource): Decision {
  if (isPublicAction(action)) return { allowed: true, scope: 'any' };
  if (!user) return { allowed: false, reason: `${action} needs a signed-in user` };
  const scope = scopeOf(user, action);
  const roles = user.roles.join(', ') || 'no role';
  if (!scope) return { allowed: false, reason: `Your roles (${roles}) do not allow ${action}` };
  if (scope === 'any') return { allowed: true, scope };
  // own_department: some grant whose role gives the action must be for one of the resource's departments.
  const departments = [
    ...new Set(
      user.grants
        .filter((g) => grants[g.role]?.[action] !== undefined && g.departmentCode !== null)
        .map((g) => g.departmentCode as string),
    ),
  ];
  if (departments.length === 0)
    return { allowed: false, reason: `${action} is limited to your own department, and you belong to none` };
  if (!resource)
    return {
      allowed: false,
      reason: `${action} is limited to your own department, and the request names no department`,
    };
  if (!departments.some((code) => resource.departmentCodes.includes(code))) {
    return {
      allowed: false,
      reason: `${action} is limited to your own department (${departments.join(', ')}); this belongs to ${resource.departmentCodes.join(', ') || 'no department'}`,
    };
  }
  return { allowed: true, scope };
}

export function can(user: AuthUser | undefined, action: AccessAction, resource?: AccessResource): boolean {
  return decide(user, action, resource).allowed;
}

/** Every action the user may do in some scope (for the UI; each request is still decided on its own). */
export function actionsOf(user: AuthUser): AccessAction[] {
  const actions = new Set<AccessAction>(publicActions);
  for (const role of user.roles)
    for (const action of Object.keys(grants[role] ?? {}) as AccessAction[]) actions.add(action);
  return [...actions].sort();
}

/** What a viewer allowed to read a case may see of it. Tasks and decisions are listed per department. */
export interface CaseView {
  applicantIdentity: 'full' | 'masked';
  materials: boolean;
  departments: 'all' | readonly string[];
}

/**
 * The parts of a case a user may see, or undefined when case.read is refused. Approvers see the
 * applicant and materials they judge, but only the tasks and decisions of the departments they hold their role in; a
 * supervisor watches every deadline but sees the applicant masked and no documents; someone the case
 * was copied to (抄送) sees the copied steps' departments with the applicant masked and no documents.
 */
export function caseViewFor(user: AuthUser, resource: AccessResource): CaseView | undefined {
  const decision = decide(user, 'case.read', resource);
  if (!decision.allowed) return undefined;
  if (decision.scope === 'copied') {
    // 抄送: the applicant masked, no documents, only the steps' departments it was copied from.
    const departments =
      resource.copiedTo
        ?.filter((c) => c.userId === user.id)
        .flatMap((c) => (c.departmentCode ? [c.departmentCode] : [])) ?? [];
    return { applicantIdentity: 'masked', materials: false, departments: [...new Set(departments)] };
  }
  // The grants for one of the case's departments: a clerk's sees it all, an approver's or lead's their departments'.
  const handling = user.grants.filter(
    (g) => g.departmentCode !== null && resource.departmentCodes.includes(g.departmentCode),
  );
  const handlingRoles: Role[] = ['window_clerk', 'dept_approver', 'dept_lead'];
  if (handling.some((g) => g.role === 'window_clerk'))
    return { applicantIdentity: 'full', materials: true, departments: 'all' };
  const deciding = handling.filter((g) => handlingRoles.includes(g.role));
  if (deciding.length > 0) {
    const departments = [...new Set(deciding.map((g) => g.departmentCode as string))];
    return { applicantIdentity: 'full', materials: true, departments };
  }
  return { applicantIdentity: 'masked', materials: false, departments: 'all' };
}

/** The public lookup answers with the status (and its label) only — never the applicant, materials or decisions. */
export function publicCaseStatus(record: {
  caseNo: string;
  status: string;
  updatedAt: Date;
}): PublicCaseStatus {
  return {
    caseNo: record.caseNo,
    status: record.status,
    label: caseStatusLabel(record.status),
    updatedAt: record.updatedAt.toISOString(),
  };
}
