import { windowCaseVerbs, type CaseActionRequest } from '@onewindow/contracts';
import {
  addSigners,
  approveExtension,
  approveStep,
  copyTo,
  delegateTask,
  endSpecialProcedure,
  refuseStep,
  removeSigners,
  requestExtension,
  resolveDelegation,
  resubmitFromWindow,
  returnForSupplement,
  sendBack,
  startSpecialProcedure,
  submitSupplement,
  transferTask,
  withdrawCase,
} from '@onewindow/workflows';
import type { WorkflowHandle } from '@temporalio/client';

/** Verbs of the window (补正 materials received, a step resubmitted after 退回窗口, 撤回); every other verb is a department decision. */
export const windowVerbs: ReadonlySet<string> = new Set(windowCaseVerbs);

export interface ActionContext {
  /** 转办 only: 'lead' when a department lead hands on someone else's place (checked by the API). */
  authority?: 'assignee' | 'lead';
}

/**
 * One verb → the workflow Update of the same meaning; the signed-in user is the actor (approver of an
 * extension). The workflow's validator refuses a verb the step's state does not allow.
 */
export async function sendCaseAction(
  handle: WorkflowHandle,
  action: CaseActionRequest,
  actor: string,
  updateId?: string,
  context: ActionContext = {},
): Promise<unknown> {
  const opts = <T>(args: T) => ({ args: [args] as [T], ...(updateId ? { updateId } : {}) });
  switch (action.verb) {
    case 'approve':
      return handle.executeUpdate(approveStep, opts({ ...payload(action), actor }));
    case 'refuse':
      return handle.executeUpdate(refuseStep, opts({ ...payload(action), actor }));
    case 'return_for_supplement':
      return handle.executeUpdate(returnForSupplement, opts({ ...payload(action), actor }));
    case 'submit_supplement':
      return handle.executeUpdate(submitSupplement, opts({ ...payload(action), actor }));
    case 'start_special_procedure':
      return handle.executeUpdate(startSpecialProcedure, opts({ ...payload(action), actor }));
    case 'end_special_procedure':
      return handle.executeUpdate(endSpecialProcedure, opts({ ...payload(action), actor }));
    case 'request_extension':
      return handle.executeUpdate(requestExtension, opts({ ...payload(action), actor }));
    case 'approve_extension':
      return handle.executeUpdate(approveExtension, opts({ ...payload(action), approvedBy: actor }));
    case 'withdraw':
      return handle.executeUpdate(withdrawCase, opts({ ...payload(action), actor }));
    case 'send_back':
      return handle.executeUpdate(sendBack, opts({ ...payload(action), actor }));
    case 'resubmit_from_window':
      return handle.executeUpdate(resubmitFromWindow, opts({ ...payload(action), actor }));
    case 'transfer':
      return handle.executeUpdate(
        transferTask,
        opts({ ...payload(action), actor, authority: context.authority ?? 'assignee' }),
      );
    case 'delegate':
      return handle.executeUpdate(delegateTask, opts({ ...payload(action), actor }));
    case 'resolve_delegation':
      return handle.executeUpdate(resolveDelegation, opts({ ...payload(action), actor }));
    case 'add_signers':
      return handle.executeUpdate(addSigners, opts({ ...payload(action), actor }));
    case 'remove_signers':
      return handle.executeUpdate(removeSigners, opts({ ...payload(action), actor }));
    case 'copy_to':
      return handle.executeUpdate(copyTo, opts({ ...payload(action), actor }));
  }
}

/** The request without its `verb`: the Update's own fields. */
function payload<T extends { verb: string }>(action: T): Omit<T, 'verb'> {
  const { verb: _verb, ...rest } = action;
  return rest;
}
