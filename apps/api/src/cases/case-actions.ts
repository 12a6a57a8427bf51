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

/** One verb → the workflow Update of the same meaning, with its payload (the verb field dropped). */
export async function sendCaseAction(handle: WorkflowHandle, action: CaseActionRequest, updateId?: string): Promise<unknown> {
  const opts = <T>(payload: T) => ({ args: [payload] as [T], ...(updateId ? { updateId } : {}) });
  switch (action.verb) {
    case 'approve': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(approveStep, opts(p));
    }
    case 'refuse': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(refuseStep, opts(p));
    }
    case 'return_for_supplement': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(returnForSupplement, opts(p));
    }
    case 'submit_supplement': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(submitSupplement, opts(p));
    }
    case 'start_special_procedure': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(startSpecialProcedure, opts(p));
    }
    case 'end_special_procedure': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(endSpecialProcedure, opts(p));
    }
    case 'request_extension': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(requestExtension, opts(p));
    }
    case 'approve_extension': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(approveExtension, opts(p));
    }
    case 'withdraw': {
      const { verb: _v, ...p } = action;
      return handle.executeUpdate(withdrawCase, opts(p));
    }
  }
}
