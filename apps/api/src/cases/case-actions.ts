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
export async function sendCaseAction(handle: WorkflowHandle, action: CaseActionRequest, actor: string, updateId?: string, context: ActionContext = {}): Promise<unknown> {
  const opts = <T>(payload: T) => ({ args: [payload] as [T], ...(updateId ? { updateId } : {}) });
  switch (action.verb) {
    case 'approve': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(approveStep, opts({ ...p, actor }));
    }
    case 'refuse': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(refuseStep, opts({ ...p, actor }));
    }
    case 'return_for_supplement': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(returnForSupplement, opts({ ...p, actor }));
    }
    case 'submit_supplement': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(submitSupplement, opts({ ...p, actor }));
    }
    case 'start_special_procedure': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(startSpecialProcedure, opts({ ...p, actor }));
    }
    case 'end_special_procedure': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(endSpecialProcedure, opts({ ...p, actor }));
    }
    case 'request_extension': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(requestExtension, opts({ ...p, actor }));
    }
    case 'approve_extension': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(approveExtension, opts({ ...p, approvedBy: actor }));
    }
    case 'withdraw': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(withdrawCase, opts({ ...p, actor }));
    }
    case 'send_back': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(sendBack, opts({ ...p, actor }));
    }
    case 'resubmit_from_window': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(resubmitFromWindow, opts({ ...p, actor }));
    }
    case 'transfer': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(transferTask, opts({ ...p, actor, authority: context.authority ?? 'assignee' }));
    }
    case 'delegate': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(delegateTask, opts({ ...p, actor }));
    }
    case 'resolve_delegation': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(resolveDelegation, opts({ ...p, actor }));
    }
    case 'add_signers': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(addSigners, opts({ ...p, actor }));
    }
    case 'remove_signers': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(removeSigners, opts({ ...p, actor }));
    }
    case 'copy_to': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(copyTo, opts({ ...p, actor }));
    }
  }
}
