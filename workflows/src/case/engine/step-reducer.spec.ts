import fc from 'fast-check';
import type { Countersign } from '@onewindow/flow-model';
import type { AssigneeState } from './case-state';
import { tally } from './step-reducer';

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
