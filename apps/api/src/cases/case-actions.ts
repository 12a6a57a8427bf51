import {
  accessForVerb,
  isCaseVerb,
  type CaseActionRequest,
  type CaseVerb,
  type CaseVerbAccess,
  type CaseVerbRequest,
} from '@onewindow/contracts';
import {
  caseVerbRegistry,
  type CaseActionContext,
  type CaseVerbPayload,
  type CaseVerbResult,
} from '@onewindow/workflows';
import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

export type { CaseActionContext as ActionContext };

/**
 * The access action `POST /api/cases/:caseNo/actions` needs, read before the body is parsed: the verb's
 * (`caseVerbDefinitions`: the window's verbs are `case.issue`), `case.decide` for anything else (the body
 * is then refused by the contract).
 */
export const accessForAction = (body: unknown): CaseVerbAccess => {
  const verb = (body as { verb?: unknown } | undefined)?.verb;
  return isCaseVerb(verb) ? accessForVerb(verb) : 'case.decide';
};

/**
 * A verb's Update and its payload: the registry's `toUpdateArgs` (the signed-in user acts), plus what the
 * workflow's validator checks for every step action (`StepGuard`): the step revision the page showed
 * (`expectedRevision`, when the request carries it) and, for a department's verbs (not the window's, nor a
 * supervisor's approval of an extension), the actor's department, so another department's task is refused by name.
 */
export function caseActionUpdate<V extends CaseVerb>(
  verb: V,
  request: CaseVerbRequest<V>,
  actor: string,
  context: CaseActionContext = {},
): { update: UpdateDefinition<CaseVerbResult<V>, [CaseVerbPayload<V>]>; payload: CaseVerbPayload<V> } {
  const definition = caseVerbRegistry[verb];
  const expected = (request as { expectedRevision?: number }).expectedRevision;
  const access = accessForVerb(verb);
  // The centre supervisor approves extensions of every department (case.extension.approve, any): no department guard.
  const centreWide = access === 'case.extension.approve' && !!context.member?.roles.includes('supervisor');
  const guard = {
    ...(expected !== undefined ? { expectedRevision: expected } : {}),
    ...(context.member && access !== 'case.issue' && !centreWide
      ? { actorDepartment: context.member.departmentCode }
      : {}),
  };
  return {
    update: definition.update,
    payload: { ...definition.toUpdateArgs(request, actor, context), ...guard },
  };
}

/**
 * One verb → the workflow Update the registry names for it; the signed-in user is the actor (approver of
 * an extension). The workflow's validator refuses a verb the step's state does not allow.
 */
export function sendCaseAction(
  handle: WorkflowHandle,
  action: CaseActionRequest,
  actor: string,
  updateId?: string,
  context: CaseActionContext = {},
): Promise<CaseVerbResult<CaseVerb>> {
  const { update, payload } = caseActionUpdate(action.verb, action, actor, context);
  return handle.executeUpdate(update, { args: [payload], ...(updateId ? { updateId } : {}) });
}
