import type { CaseVerb } from '@onewindow/contracts';
import type { z } from 'zod';
import { addSignersVerb } from './add-signers.verb';
import { approveExtensionVerb } from './approve-extension.verb';
import { approveVerb } from './approve.verb';
import { assignVerb } from './assign.verb';
import { claimVerb } from './claim.verb';
import { copyToVerb } from './copy-to.verb';
import type { CaseVerbDefinition } from './define-case-verb';
import { delegateVerb } from './delegate.verb';
import { endSpecialProcedureVerb } from './end-special-procedure.verb';
import { recallVerb } from './recall.verb';
import { refuseVerb } from './refuse.verb';
import { removeSignersVerb } from './remove-signers.verb';
import { requestExtensionVerb } from './request-extension.verb';
import { resolveDelegationVerb } from './resolve-delegation.verb';
import { resubmitFromWindowVerb } from './resubmit-from-window.verb';
import { returnForSupplementVerb } from './return-for-supplement.verb';
import { sendBackVerb } from './send-back.verb';
import { startSpecialProcedureVerb } from './start-special-procedure.verb';
import { submitSupplementVerb } from './submit-supplement.verb';
import { transferVerb } from './transfer.verb';
import { unclaimVerb } from './unclaim.verb';
import { withdrawVerb } from './withdraw.verb';

export * from './define-case-verb';
export * from './add-signers.verb';
export * from './approve-extension.verb';
export * from './approve.verb';
export * from './copy-to.verb';
export * from './delegate.verb';
export * from './end-special-procedure.verb';
export * from './recall.verb';
export * from './refuse.verb';
export * from './remove-signers.verb';
export * from './request-extension.verb';
export * from './resolve-delegation.verb';
export * from './resubmit-from-window.verb';
export * from './return-for-supplement.verb';
export * from './send-back.verb';
export * from './start-special-procedure.verb';
export * from './submit-supplement.verb';
export * from './transfer.verb';
export * from './claim.verb';
export * from './unclaim.verb';
export * from './assign.verb';
export * from './withdraw.verb';

/**
 * What the registry must hold: one definition per verb of `caseVerbDefinitions` (`@onewindow/contracts`),
 * under its own name. A verb missing here, one the contract does not know, or a definition filed under
 * another verb's key fails the type check.
 */
export type CompleteCaseVerbTable = {
  readonly [V in CaseVerb]: CaseVerbDefinition<V, unknown, unknown, unknown>;
};

const definitions = {
  approve: approveVerb,
  refuse: refuseVerb,
  return_for_supplement: returnForSupplementVerb,
  submit_supplement: submitSupplementVerb,
  start_special_procedure: startSpecialProcedureVerb,
  end_special_procedure: endSpecialProcedureVerb,
  request_extension: requestExtensionVerb,
  approve_extension: approveExtensionVerb,
  withdraw: withdrawVerb,
  send_back: sendBackVerb,
  resubmit_from_window: resubmitFromWindowVerb,
  transfer: transferVerb,
  delegate: delegateVerb,
  resolve_delegation: resolveDelegationVerb,
  add_signers: addSignersVerb,
  remove_signers: removeSignersVerb,
  copy_to: copyToVerb,
  recall: recallVerb,
  claim: claimVerb,
  unclaim: unclaimVerb,
  assign: assignVerb,
} as const satisfies CompleteCaseVerbTable;

type Definitions = typeof definitions;
/** The Update payload of a verb (what `toUpdateArgs` builds). */
export type CaseVerbPayload<V extends CaseVerb> = ReturnType<Definitions[V]['toUpdateArgs']>;
/** The payload after parsing (defaults filled in), as validators and handlers see it. */
export type CaseVerbParsedPayload<V extends CaseVerb> = z.output<Definitions[V]['payload']>;
/** What the verb's Update answers. */
export type CaseVerbResult<V extends CaseVerb> = Awaited<ReturnType<Definitions[V]['handle']>>;
export type CaseVerbRegistry = {
  readonly [V in CaseVerb]: CaseVerbDefinition<
    V,
    CaseVerbPayload<V>,
    CaseVerbParsedPayload<V>,
    CaseVerbResult<V>
  >;
};

/**
 * Every approver verb: its Update, payload schema, validator, handler and request → payload mapping. The
 * workflow registers its handlers from it (`handlers/case-handlers.ts`) and the API dispatches through it
 * (`caseVerbRegistry[verb].toUpdateArgs`, then `executeUpdate(caseVerbRegistry[verb].update, …)`).
 */
export const caseVerbRegistry: CaseVerbRegistry = definitions;
