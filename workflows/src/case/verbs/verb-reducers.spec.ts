import type { StepState } from '../engine/case-state';
import { signersAdded } from './add-signers.verb';
import { copied } from './copy-to.verb';
import { decision } from './define-case-verb';
import { delegated } from './delegate.verb';
import { signersRemoved } from './remove-signers.verb';
import { extensionRequested } from './request-extension.verb';
import { recalled, recalledClosed } from './recall.verb';
import { delegationResolved } from './resolve-delegation.verb';
import { resubmitted } from './resubmit-from-window.verb';
import { transferred } from './transfer.verb';

const AT = '2026-03-02T02:00:00.000Z';

/** An open step whose signers are `people` (one seat each) under `mode`. */
function step(people: string[], mode: 'all' | 'any' = 'all'): StepState {
  return {
    stepId: 'review',
    name: 'review',
    departmentCode: 'PLAN',
    role: 'reviewer',
    status: 'open',
    countersign: { mode },
    actions: ['approve', 'refuse', 'transfer', 'delegate', 'add_signer', 'remove_signer', 'cc'],
    assignees: people.map((userId) => ({ userId, status: 'pending', source: 'plan' })),
    cc: [],
    generation: 1,
    openedAt: AT,
    clock: {} as StepState['clock'],
    extensions: [],
    remindersSent: [],
  };
}

describe('the verb reducers return the next step and leave the old one as it was', () => {
  it('decision: the step, one history entry and one recordDecision call with the same details', () => {
    const next = step(['li']);
    expect(decision('review', 'cc', 'li', { to: ['wang'] }, next)).toEqual({
      steps: [next],
      history: [{ actor: 'li', action: 'cc', stepId: 'review', details: { to: ['wang'] } }],
      calls: [
        {
          name: 'recordDecision',
          input: { stepId: 'review', action: 'cc', actor: 'li', details: { to: ['wang'] } },
        },
      ],
    });
    expect(decision('review', 'extension_approved', 'lead', {})).not.toHaveProperty('steps');
  });

  it('transferred: the slot is removed and the successor (a group of two) takes its seat', () => {
    const before = step(['li', 'zhao']);
    const p = {
      stepId: 'review',
      actor: 'li',
      to: ['wang', 'chen'],
      reason: 'away',
      authority: 'assignee',
    } as const;
    const next = transferred(before, before.assignees[0], { ...p, to: [...p.to] });
    expect(next.assignees).toEqual([
      { userId: 'li', status: 'removed', source: 'plan', seat: 0, order: 0, removedBy: 'li' },
      { userId: 'zhao', status: 'pending', source: 'plan', seat: 1, order: 0 },
      {
        userId: 'group:wang、chen',
        status: 'pending',
        source: 'transferred',
        seat: 0,
        order: 0,
        candidates: ['wang', 'chen'],
        addedBy: 'li',
      },
    ]);
    expect(before.assignees.map((a) => a.status)).toEqual(['pending', 'pending']);
  });

  it('delegated, then delegationResolved: the opinion stays on the owner’s place, the delegation goes', () => {
    const before = step(['li']);
    const away = delegated(before, before.assignees[0], { to: 'wang', since: AT, reason: 'expert' });
    expect(away.assignees[0].delegation).toEqual({ to: 'wang', since: AT, reason: 'expert' });
    const back = delegationResolved(away, away.assignees[0], {
      by: 'wang',
      opinion: 'agree',
      comment: 'fine',
      at: AT,
    });
    expect(back.assignees[0]).toEqual({
      userId: 'li',
      status: 'pending',
      source: 'plan',
      opinions: [{ by: 'wang', opinion: 'agree', comment: 'fine', at: AT }],
    });
    expect(before.assignees[0]).not.toHaveProperty('delegation');
  });

  it('signersAdded: before joins the actor’s seat first; parallel adds seats after the last', () => {
    const before = step(['li', 'zhao']);
    const first = signersAdded(before, { actor: 'li', signers: ['wang'], position: 'before' });
    expect(first.assignees.map((a) => [a.userId, a.seat, a.order])).toEqual([
      ['li', 0, 1],
      ['zhao', 1, 0],
      ['wang', 0, 0],
    ]);
    const wide = signersAdded(before, { actor: 'li', signers: ['wang', 'chen'], position: 'parallel' });
    expect(wide.assignees.map((a) => [a.userId, a.seat])).toEqual([
      ['li', 0],
      ['zhao', 1],
      ['wang', 2],
      ['chen', 3],
    ]);
  });

  it('signersRemoved: removing the last undecided signer under `all` approves the step', () => {
    const before = step(['li', 'zhao']);
    const voted: StepState = {
      ...before,
      assignees: [{ ...before.assignees[0], status: 'approved' }, before.assignees[1]],
    };
    const next = signersRemoved(voted, [voted.assignees[1]], 'li', AT);
    expect(next.status).toBe('approved');
    expect(next.closedAt).toBe(AT);
    expect(next.assignees[1]).toMatchObject({ status: 'removed', removedBy: 'li' });
    const open = signersRemoved(before, [before.assignees[1]], 'li', AT);
    expect(open.status).toBe('open');
  });

  it('copied: only people not copied yet', () => {
    const once = copied(step(['li']), { actor: 'li', to: ['wang'] }, AT);
    const twice = copied(once, { actor: 'li', to: ['wang', 'chen'], note: 'fyi' }, AT);
    expect(twice.cc).toEqual([
      { userId: 'wang', by: 'li', at: AT },
      { userId: 'chen', by: 'li', at: AT, note: 'fyi' },
    ]);
  });

  it('extensionRequested and resubmitted', () => {
    const request = { days: 5, reason: 'site visit', requestedBy: 'li', at: AT };
    expect(extensionRequested(step(['li']), request).pendingExtension).toEqual(request);
    const decided: StepState = {
      ...step(['li']),
      assignees: [{ userId: 'li', status: 'approved', source: 'plan', decidedAt: AT, comment: 'ok' }],
    };
    const again = resubmitted(decided);
    expect(again.generation).toBe(2);
    expect(again.assignees).toEqual([{ userId: 'li', status: 'pending', source: 'plan', seat: 0, order: 0 }]);
  });
});

describe('撤回 reducers', () => {
  const voted = (): StepState => ({
    ...step(['li', 'wang']),
    assignees: [
      { userId: 'li', status: 'approved', source: 'plan', decidedAt: AT, comment: '同意' },
      { userId: 'wang', status: 'refused', source: 'plan', decidedAt: AT, reasons: ['不符'] },
    ],
  });

  it('recalled: the place is undecided again, without its vote, opinion or reasons; the other signers keep theirs', () => {
    const before = voted();
    const next = recalled(before, before.assignees[1]);
    expect(next.assignees).toEqual([
      before.assignees[0],
      { userId: 'wang', status: 'pending', source: 'plan' },
    ]);
    expect(before.assignees[1].status).toBe('refused');
  });

  it('recalledClosed: the step opens as its next generation with its clock; withdrawn steps cancel, timers go, the refusal is struck', () => {
    const closed: StepState = { ...voted(), status: 'refused', closedAt: AT };
    const after: StepState = { ...step(['zhao']), stepId: 'after', generation: 3 };
    const t = recalledClosed(
      {
        timers: { wait: 1, other: 2 },
        refusals: [
          { stepId: 'review', reasons: ['不符'] },
          { stepId: 'x', reasons: ['r'] },
        ],
      },
      { kind: 'closed', step: closed, slot: closed.assignees[1], withdrawn: [after], timers: ['wait'] },
      'wang',
      Date.parse(AT),
    );
    expect(t.step).toMatchObject({ status: 'open', generation: 2, clock: closed.clock });
    expect(t.step.closedAt).toBeUndefined();
    expect(t.step.assignees[1]).toEqual({ userId: 'wang', status: 'pending', source: 'plan' });
    expect(t.steps).toEqual([{ ...after, status: 'cancelled', closedAt: AT }]);
    expect(t.timers).toEqual({ other: 2 });
    expect(t.fields).toEqual({ refusals: [{ stepId: 'x', reasons: ['r'] }] });
    expect(t.history).toEqual([
      {
        actor: 'system',
        action: 'step_cancelled',
        stepId: 'after',
        details: { reason: 'recalled at review by wang' },
      },
      {
        actor: 'system',
        action: 'step_cancelled',
        stepId: 'wait',
        details: { reason: 'recalled at review by wang' },
      },
    ]);
  });
});
