import type { CaseActionRequest } from '@onewindow/contracts';
import {
  approveExtension,
  approveStep,
  endSpecialProcedure,
  refuseStep,
  requestExtension,
  returnForSupplement,
  startSpecialProcedure,
  submitSupplement,
  withdrawCase,
} from '@onewindow/workflows';
import type { WorkflowHandle } from '@temporalio/client';

/** Verbs of the window (补正 materials received, 撤回); every other verb is a department decision. */
export const windowVerbs: ReadonlySet<string> = new Set(['submit_supplement', 'withdraw']);

/** One verb → the workflow Update of the same meaning; the signed-in user is the actor (approver of an extension). */
export async function sendCaseAction(handle: WorkflowHandle, action: CaseActionRequest, actor: string, updateId?: string): Promise<unknown> {
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
  }
}
