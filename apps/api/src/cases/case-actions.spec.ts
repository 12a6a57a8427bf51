import { caseActionRequestSchema, type CaseActionRequest, type CaseVerb } from '@onewindow/contracts';
import type { WorkflowHandle } from '@temporalio/client';
import { accessForAction, sendCaseAction } from './case-actions';

/** A stand-in for Temporal's client handle: records what would be sent to the workflow. */
function recordingHandle() {
  const calls: { update: string; args: unknown[]; updateId?: string }[] = [];
  const handle = {
    executeUpdate: async (def: string | { name: string }, opts: { args: unknown[]; updateId?: string }) => {
      calls.push({ update: typeof def === 'string' ? def : def.name, ...opts });
      return { stepId: 'echo' };
    },
  } as unknown as WorkflowHandle;
  return { handle, calls };
}

/**
 * Every verb: a request, and the Update (by the name recorded in workflow histories, which must never
 * change) and payload the workflow receives when `u1` sends it. A Record, so a new verb must add its row.
 */
const expected: {
  [V in CaseVerb]: [Extract<CaseActionRequest, { verb: V }>, string, Record<string, unknown>];
} = {
  approve: [
    { verb: 'approve', stepId: 's', comment: '同意' },
    'approveStep',
    { stepId: 's', comment: '同意', actor: 'u1' },
  ],
  refuse: [
    { verb: 'refuse', stepId: 's', reasons: ['r'] },
    'refuseStep',
    { stepId: 's', reasons: ['r'], actor: 'u1' },
  ],
  return_for_supplement: [
    { verb: 'return_for_supplement', stepId: 's', materials: ['m'], note: 'n' },
    'returnForSupplement',
    { stepId: 's', materials: ['m'], note: 'n', actor: 'u1' },
  ],
  submit_supplement: [
    { verb: 'submit_supplement', stepId: 's', materials: ['m'] },
    'submitSupplement',
    { stepId: 's', materials: ['m'], actor: 'u1' },
  ],
  start_special_procedure: [
    { verb: 'start_special_procedure', stepId: 's', kind: 'hearing', reason: 'r' },
    'startSpecialProcedure',
    { stepId: 's', kind: 'hearing', reason: 'r', actor: 'u1' },
  ],
  end_special_procedure: [
    { verb: 'end_special_procedure', stepId: 's', result: 'ok' },
    'endSpecialProcedure',
    { stepId: 's', result: 'ok', actor: 'u1' },
  ],
  request_extension: [
    { verb: 'request_extension', stepId: 's', days: 5, reason: 'r' },
    'requestExtension',
    { stepId: 's', days: 5, reason: 'r', actor: 'u1' },
  ],
  approve_extension: [
    { verb: 'approve_extension', stepId: 's', reason: 'r' },
    'approveExtension',
    { stepId: 's', reason: 'r', approvedBy: 'u1' },
  ],
  withdraw: [
    { verb: 'withdraw', by: 'applicant', reason: 'r' },
    'withdrawCase',
    { by: 'applicant', reason: 'r', actor: 'u1' },
  ],
  send_back: [
    { verb: 'send_back', stepId: 's', to: { kind: 'window' }, reason: 'r' },
    'sendBack',
    { stepId: 's', to: { kind: 'window' }, reason: 'r', actor: 'u1' },
  ],
  resubmit_from_window: [
    { verb: 'resubmit_from_window', stepId: 's', note: 'n' },
    'resubmitFromWindow',
    { stepId: 's', note: 'n', actor: 'u1' },
  ],
  transfer: [
    { verb: 'transfer', stepId: 's', to: ['u2'], reason: 'r' },
    'transferTask',
    { stepId: 's', to: ['u2'], reason: 'r', actor: 'u1', authority: 'assignee' },
  ],
  delegate: [
    { verb: 'delegate', stepId: 's', to: 'u2', reason: 'r' },
    'delegateTask',
    { stepId: 's', to: 'u2', reason: 'r', actor: 'u1' },
  ],
  resolve_delegation: [
    { verb: 'resolve_delegation', stepId: 's', opinion: 'agree', comment: 'c' },
    'resolveDelegation',
    { stepId: 's', opinion: 'agree', comment: 'c', actor: 'u1' },
  ],
  add_signers: [
    { verb: 'add_signers', stepId: 's', signers: ['u2'], position: 'after', reason: 'r' },
    'addSigners',
    { stepId: 's', signers: ['u2'], position: 'after', reason: 'r', actor: 'u1' },
  ],
  remove_signers: [
    { verb: 'remove_signers', stepId: 's', signers: ['u2'], reason: 'r' },
    'removeSigners',
    { stepId: 's', signers: ['u2'], reason: 'r', actor: 'u1' },
  ],
  copy_to: [
    { verb: 'copy_to', stepId: 's', to: ['u9'], note: 'n' },
    'copyTo',
    { stepId: 's', to: ['u9'], note: 'n', actor: 'u1' },
  ],
  recall: [
    { verb: 'recall', stepId: 's', reason: '意见写错' },
    'recallDecision',
    { stepId: 's', reason: '意见写错', actor: 'u1' },
  ],
  claim: [
    { verb: 'claim', stepId: 's', expectedRevision: 2 },
    'claimTask',
    { stepId: 's', actor: 'u1', expectedRevision: 2 },
  ],
  unclaim: [
    { verb: 'unclaim', stepId: 's', reason: 'r' },
    'unclaimTask',
    { stepId: 's', reason: 'r', actor: 'u1' },
  ],
  assign: [
    { verb: 'assign', stepId: 's', to: 'u2', reason: 'r' },
    'assignTask',
    { stepId: 's', to: 'u2', reason: 'r', actor: 'u1', authority: 'assignee' },
  ],
};

describe('sendCaseAction: each verb reaches the workflow as its Update', () => {
  it.each(Object.entries(expected))('%s', async (_verb, [request, update, payload]) => {
    const { handle, calls } = recordingHandle();
    const action = caseActionRequestSchema.parse(request);
    await expect(sendCaseAction(handle, action, 'u1', 'req-0001')).resolves.toEqual({ stepId: 'echo' });
    expect(calls).toEqual([{ update, args: [payload], updateId: 'req-0001' }]);
  });

  it("sends the API's transfer authority, and no updateId when the request has no key", async () => {
    const { handle, calls } = recordingHandle();
    const action = caseActionRequestSchema.parse({
      verb: 'transfer',
      stepId: 's',
      from: 'u3',
      to: ['u2'],
      reason: 'r',
    });
    await sendCaseAction(handle, action, 'lead1', undefined, { authority: 'lead' });
    expect(calls).toEqual([
      {
        update: 'transferTask',
        args: [{ stepId: 's', from: 'u3', to: ['u2'], reason: 'r', actor: 'lead1', authority: 'lead' }],
      },
    ]);
  });
});

describe('sendCaseAction: the step guard', () => {
  it("adds the page's revision and the actor's department to a department's verb, with the claimer's facts", async () => {
    const { handle, calls } = recordingHandle();
    const member = { departmentCode: 'D1', roles: ['dept_approver' as const] };
    await sendCaseAction(
      handle,
      caseActionRequestSchema.parse({ verb: 'claim', stepId: 's', expectedRevision: 4 }),
      'u1',
      undefined,
      { member },
    );
    await sendCaseAction(
      handle,
      caseActionRequestSchema.parse({ verb: 'approve', stepId: 's' }),
      'u1',
      undefined,
      { member },
    );
    await sendCaseAction(
      handle,
      caseActionRequestSchema.parse({ verb: 'submit_supplement', stepId: 's', expectedRevision: 1 }),
      'w1',
      undefined,
      {
        member: { departmentCode: 'WINDOW', roles: ['window_clerk'] },
      },
    );
    const approveExtension = caseActionRequestSchema.parse({ verb: 'approve_extension', stepId: 's' });
    await sendCaseAction(handle, approveExtension, 'lead1', undefined, {
      member: { departmentCode: 'D1', roles: ['dept_lead'] },
    });
    await sendCaseAction(handle, approveExtension, 'sup1', undefined, {
      member: { departmentCode: 'WINDOW', roles: ['supervisor'] },
    });
    expect(calls.map((c) => c.args[0])).toEqual([
      { stepId: 's', actor: 'u1', member, expectedRevision: 4, actorDepartment: 'D1' },
      { stepId: 's', actor: 'u1', actorDepartment: 'D1' },
      // The window acts on every department's step: no department check.
      { stepId: 's', actor: 'w1', expectedRevision: 1 },
      // A lead approves extensions of their own department's steps; the centre supervisor of every department's.
      { stepId: 's', approvedBy: 'lead1', actorDepartment: 'D1' },
      { stepId: 's', approvedBy: 'sup1' },
    ]);
  });

  it("sends the lead's authority and the assignee's facts with 指派", async () => {
    const { handle, calls } = recordingHandle();
    const assignee = { departmentCode: 'D1', roles: ['dept_approver' as const] };
    await sendCaseAction(
      handle,
      caseActionRequestSchema.parse({ verb: 'assign', stepId: 's', to: 'u2' }),
      'lead1',
      undefined,
      {
        authority: 'lead',
        assignee,
      },
    );
    expect(calls[0].args[0]).toEqual({
      stepId: 's',
      to: 'u2',
      actor: 'lead1',
      authority: 'lead',
      toMember: assignee,
    });
  });
});

describe('accessForAction', () => {
  it.each([
    [{ verb: 'approve' }, 'case.decide'],
    [{ verb: 'copy_to' }, 'case.decide'],
    [{ verb: 'recall' }, 'case.decide'],
    [{ verb: 'submit_supplement' }, 'case.issue'],
    [{ verb: 'resubmit_from_window' }, 'case.issue'],
    [{ verb: 'withdraw' }, 'case.issue'],
    [{ verb: 'claim' }, 'case.decide'],
    [{ verb: 'unclaim' }, 'case.decide'],
    [{ verb: 'assign' }, 'task.reassign'],
    [{ verb: 'approve_extension' }, 'case.extension.approve'],
    [{ verb: 'teleport' }, 'case.decide'],
    [{ verb: 'toString' }, 'case.decide'],
    [undefined, 'case.decide'],
  ])('%j needs %s', (body, access) => {
    expect(accessForAction(body)).toBe(access);
  });
});
