import {
  caseActionRequestSchema,
  type CaseActionRequest,
  type CaseVerb,
  type CaseVerbRequest,
} from '@onewindow/contracts';
import { approveExtensionVerb } from './approve-extension.verb';
import { approveVerb } from './approve.verb';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { caseVerbRegistry, type CompleteCaseVerbTable } from './index';
import { refuseVerb } from './refuse.verb';

// Type-level: these lines must FAIL the type check (`tsc -p workflows/tsconfig.json`); an unused
// expect-error directive is itself an error, so these guarantees cannot silently go away.
const { copy_to: _copyTo, ...withoutCopyTo } = caseVerbRegistry;
// @ts-expect-error: a verb of the contract without a definition
const _missing: CompleteCaseVerbTable = withoutCopyTo;
// @ts-expect-error: a verb the contract does not know
const _extra = { ...caseVerbRegistry, teleport: approveVerb } satisfies CompleteCaseVerbTable;
// @ts-expect-error: a definition filed under another verb
const _misfiled = { ...caseVerbRegistry, approve: refuseVerb } satisfies CompleteCaseVerbTable;
// @ts-expect-error: toUpdateArgs must build the Update's payload (approveExtension needs approvedBy)
const _wrongPayload = defineCaseVerb({ ...approveExtensionVerb, toUpdateArgs: requestWithActor });

/** One valid request of each verb (a Record, so a verb added to the contract must add its sample here). */
const samples: { [V in CaseVerb]: Extract<CaseActionRequest, { verb: V }> } = {
  approve: { verb: 'approve', stepId: 's', comment: '同意' },
  refuse: { verb: 'refuse', stepId: 's', reasons: ['材料不实'] },
  return_for_supplement: { verb: 'return_for_supplement', stepId: 's', materials: ['营业执照'], note: 'n' },
  submit_supplement: { verb: 'submit_supplement', stepId: 's', materials: ['营业执照'] },
  start_special_procedure: { verb: 'start_special_procedure', stepId: 's', kind: 'hearing', reason: 'r' },
  end_special_procedure: { verb: 'end_special_procedure', stepId: 's', result: '通过' },
  request_extension: { verb: 'request_extension', stepId: 's', days: 5, reason: 'r' },
  approve_extension: { verb: 'approve_extension', stepId: 's', reason: 'r' },
  withdraw: { verb: 'withdraw', by: 'applicant', reason: 'r' },
  send_back: { verb: 'send_back', stepId: 's', to: { kind: 'step', stepId: 'first' }, reason: 'r' },
  resubmit_from_window: { verb: 'resubmit_from_window', stepId: 's', note: 'n' },
  transfer: { verb: 'transfer', stepId: 's', from: 'u1', to: ['u2', 'u3'], groupName: 'g', reason: 'r' },
  delegate: { verb: 'delegate', stepId: 's', to: 'u2', reason: 'r' },
  resolve_delegation: { verb: 'resolve_delegation', stepId: 's', opinion: 'agree', comment: 'c' },
  add_signers: { verb: 'add_signers', stepId: 's', signers: ['u2'], position: 'before', reason: 'r' },
  remove_signers: { verb: 'remove_signers', stepId: 's', signers: ['u2'], reason: 'r' },
  copy_to: { verb: 'copy_to', stepId: 's', to: ['u9'], note: 'n' },
  recall: { verb: 'recall', stepId: 's', reason: '意见写错，重新签批' },
  claim: { verb: 'claim', stepId: 's', expectedRevision: 3 },
  unclaim: { verb: 'unclaim', stepId: 's', reason: '另有急件' },
  assign: { verb: 'assign', stepId: 's', to: 'u2', reason: 'r' },
};

/** What the API sends for a request (as `caseActionUpdate` in apps/api does). */
const updateArgsOf = <V extends CaseVerb>(verb: V, request: CaseVerbRequest<V>) =>
  caseVerbRegistry[verb].toUpdateArgs(request, 'u1', {});

describe('the verb registry', () => {
  it.each(Object.keys(caseVerbRegistry) as CaseVerb[])(
    '%s: the request the API accepts becomes a payload its Update accepts',
    (verb) => {
      const definition = caseVerbRegistry[verb];
      expect(definition.verb).toBe(verb);
      expect(caseActionRequestSchema.safeParse(samples[verb]).error?.issues ?? []).toEqual([]);
      const payload = updateArgsOf(verb, samples[verb]);
      const parsed = definition.payload.safeParse(payload);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(payload).not.toHaveProperty('verb');
    },
  );

  it('names a distinct Update for every verb', () => {
    const names = Object.values(caseVerbRegistry).map((d) => d.update.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
