import fc from 'fast-check';
import type { Countersign } from '@onewindow/flow-model';
import type { AssigneeState } from './case-state';
import { actionableSlots, applyVote, sequentialTurn, tally, taskHolders } from './step-reducer';

const people = (statuses: AssigneeState['status'][]): AssigneeState[] =>
  statuses.map((status, i) => ({ userId: `u${i}`, status, source: 'plan' }));

describe('countersign tally', () => {
  it.each<[Countersign, AssigneeState['status'][], ReturnType<typeof tally>]>([
    [{ mode: 'single' }, ['pending'], undefined],
    [{ mode: 'single' }, ['refused'], 'refused'],
    [{ mode: 'any' }, ['pending', 'approved', 'pending'], 'approved'],
    [{ mode: 'any' }, ['refused', 'pending'], 'refused'],
    [{ mode: 'all' }, ['approved', 'approved', 'pending'], undefined],
    [{ mode: 'all' }, ['approved', 'approved', 'approved'], 'approved'],
    [{ mode: 'all' }, ['approved', 'refused', 'pending'], 'refused'],
    [{ mode: 'all' }, ['approved', 'removed'], 'approved'],
    [{ mode: 'at_least', n: 2 }, ['approved', 'refused', 'pending'], undefined],
    [{ mode: 'at_least', n: 2 }, ['approved', 'refused', 'approved'], 'approved'],
    [{ mode: 'at_least', n: 2 }, ['refused', 'refused', 'pending'], 'refused'],
    [{ mode: 'sequential' }, ['approved', 'pending', 'pending'], undefined],
    [{ mode: 'sequential' }, ['approved', 'approved', 'approved'], 'approved'],
    [{ mode: 'sequential' }, ['approved', 'refused', 'pending'], 'refused'],
    [{ mode: 'sequential' }, ['approved', 'removed', 'approved'], 'approved'],
  ])('%j over %j → %s', (cs, statuses, expected) => {
    expect(tally(cs, people(statuses))).toBe(expected);
  });

  it('at_least N never approves with fewer than N approvals, never refuses while N is reachable', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<AssigneeState['status']>('pending', 'approved', 'refused'), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 8 }),
        (statuses, n) => {
          const a = people(statuses);
          const approvals = statuses.filter((s) => s === 'approved').length;
          const pending = statuses.filter((s) => s === 'pending').length;
          const result = tally({ mode: 'at_least', n }, a);
          if (result === 'approved') expect(approvals).toBeGreaterThanOrEqual(n);
          if (result === 'refused') expect(approvals + pending).toBeLessThan(n);
          if (result === undefined) expect(approvals < n && approvals + pending >= n).toBe(true);
        },
      ),
    );
  });
});

describe("依次审批 (sequential): one signer at a time, in the plan's assignee order", () => {
  const AT = '2026-03-02T02:00:00.000Z';
  const sequential = (statuses: AssigneeState['status'][]) => ({
    stepId: 'st',
    status: 'open' as const,
    countersign: { mode: 'sequential' as const },
    assignees: people(statuses),
  });

  it('only the first signer not yet approved may act; the others wait', () => {
    expect(actionableSlots(sequential(['pending', 'pending', 'pending'])).map((a) => a.userId)).toEqual([
      'u0',
    ]);
    expect(actionableSlots(sequential(['approved', 'pending', 'pending'])).map((a) => a.userId)).toEqual([
      'u1',
    ]);
    expect(actionableSlots(sequential(['approved', 'removed', 'pending'])).map((a) => a.userId)).toEqual([
      'u2',
    ]);
    // the same signers under 会签 all act at once
    expect(
      actionableSlots({ ...sequential(['pending', 'pending']), countersign: { mode: 'all' } }),
    ).toHaveLength(2);
  });

  it('a delegated turn (委派) holds the line: nobody else may act, the delegate holds the task', () => {
    const step = sequential(['approved', 'pending', 'pending']);
    step.assignees[1] = { ...step.assignees[1], delegation: { to: 'd1', since: AT, reason: '外出' } };
    expect(actionableSlots(step)).toEqual([]);
    expect(sequentialTurn(step)?.userId).toBe('u1');
    expect(taskHolders(step)).toEqual(['d1']);
  });

  it('a before/after 加签 signs inside the seat it joined, so the line runs through it', () => {
    const step = sequential(['approved', 'pending']);
    step.assignees = [
      { ...step.assignees[0], seat: 0, order: 0 },
      { userId: 'added', status: 'pending', source: 'added', seat: 0, order: 1 },
      { ...step.assignees[1], seat: 1, order: 0 },
    ];
    expect(actionableSlots(step).map((a) => a.userId)).toEqual(['added']);
  });

  it('each vote hands the turn on; the last approval closes the step, one refusal refuses it', () => {
    const full = { ...sequential(['pending', 'pending']), name: 'st', departmentCode: 'D', role: 'r' };
    const base = full as unknown as Parameters<typeof applyVote>[0];
    const first = applyVote(base, { actor: 'u0', decision: 'approved', at: AT, comment: '同意' });
    expect(first.status).toBe('open');
    expect(taskHolders(first)).toEqual(['u1']);
    expect(applyVote(first, { actor: 'u1', decision: 'approved', at: AT }).status).toBe('approved');
    expect(applyVote(first, { actor: 'u1', decision: 'refused', at: AT, reasons: ['不符'] }).status).toBe(
      'refused',
    );
  });
});
