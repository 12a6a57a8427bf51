import { addNaturalDays, addWorkingDays, createOfficialCalendar, WorkingCalendar } from '@onewindow/calendar';
import { planBuilder, simulatePlan, type DayCounter } from '../src';

// The shipped 2026 notice: 国庆节 1–7 Oct, 10 Oct (a Saturday) a working day (调休).
const calendar = createOfficialCalendar();
const days: DayCounter = {
  addWorkingDays: (date, n) => addWorkingDays(calendar, date, n),
  addNaturalDays: (date, n) => addNaturalDays(calendar, date, n),
};

const dept = (id: string, limitWorkingDays: number) => ({
  id,
  departmentCode: id.toUpperCase(),
  limitWorkingDays,
  assignees: [`${id}-user`],
});

describe('simulatePlan: expected due dates on the working calendar', () => {
  const plan = planBuilder('sim')
    .accept()
    .parallel(
      [
        (b) => b.department(dept('a', 3)),
        (b) => b.department(dept('b', 5)).timer('wait', { value: 2, unit: 'natural_day' }),
      ],
      { fork: 'fork', join: 'join' },
    )
    .department(dept('c', 2))
    .issue()
    .build();

  it('counts each step from the day its predecessors are due, over 国庆 and its 调休 Saturday', () => {
    const sim = simulatePlan(plan, {
      acceptedOn: '2026-09-28',
      days,
      limits: { statutory: { value: 20, unit: 'working_day' }, promised: { value: 10, unit: 'working_day' } },
    });
    const due = Object.fromEntries(sim.steps.map((s) => [s.id, [s.opensOn, s.dueOn]]));
    expect(due).toEqual({
      // 29, 30 Sep, then 8 Oct (1–7 Oct are the holiday).
      a: ['2026-09-28', '2026-10-08'],
      // … 8, 9 Oct and Saturday 10 Oct, a working day by 调休.
      b: ['2026-09-28', '2026-10-10'],
      // Two natural days after the 10th.
      wait: ['2026-10-10', '2026-10-12'],
      // The join waits for the longer branch (b and its timer), not for a.
      c: ['2026-10-12', '2026-10-14'],
      // Issuance opens at the decision and has its own 10 working days (Art. 44).
      issue: ['2026-10-14', '2026-10-28'],
    });
    expect(sim.decisionOn).toBe('2026-10-14');
    expect(sim.issuance).toEqual({ opensOn: '2026-10-14', dueOn: '2026-10-28', limitWorkingDays: 10 });
    expect(sim.criticalPath).toEqual(['accept', 'fork', 'b', 'wait', 'join', 'c', 'issue']);
    expect(sim.steps.filter((s) => s.critical).map((s) => s.id)).toEqual(['b', 'wait', 'c', 'issue']);
    expect(sim.caseDue).toEqual({ statutory: '2026-10-30', promised: '2026-10-16' });
  });

  it('takes the calendar it is given: without the 2026 notice the same plan is due on other days', () => {
    const weekendsOnly = WorkingCalendar.fromData({ years: [], regionalRules: [] });
    const sim = simulatePlan(plan, {
      acceptedOn: '2026-09-28',
      days: {
        addWorkingDays: (date, n) => addWorkingDays(weekendsOnly, date, n),
        addNaturalDays: (date, n) => addNaturalDays(weekendsOnly, date, n),
      },
    });
    expect(sim.steps.find((s) => s.id === 'a')!.dueOn).toBe('2026-10-01');
    expect(sim.steps.find((s) => s.id === 'b')!.dueOn).toBe('2026-10-05');
    expect(sim.caseDue).toEqual({});
  });

  it('inlines sub-flows, counts exclusive branches as their longest, and a 0-day step as due the day it opens', () => {
    const bundle = planBuilder('bundle')
      .accept()
      .department(dept('seal', 0))
      .parallel([
        (b) => b.subflow({ id: 'food', itemCode: 'FOOD' }, (s) => s.department(dept('scjg', 4))),
        (b) =>
          b.subflow({ id: 'fire', itemCode: 'FIRE' }, (s) =>
            s.exclusive([
              { when: 'area > 300', then: (x) => x.department(dept('xf', 6)) },
              { then: (x) => x.department(dept('xf_simple', 1)) },
            ]),
          ),
      ])
      .issue(5)
      .build();
    const sim = simulatePlan(bundle, { acceptedOn: '2026-03-02', days });
    const byId = new Map(sim.steps.map((s) => [s.id, s]));
    expect(byId.get('seal')).toMatchObject({ opensOn: '2026-03-02', dueOn: '2026-03-02', critical: true });
    expect(byId.get('food/scjg')).toMatchObject({ itemCode: 'FOOD', dueOn: '2026-03-06', critical: false });
    expect(byId.get('fire/xf')).toMatchObject({ itemCode: 'FIRE', dueOn: '2026-03-10', critical: true });
    expect(byId.get('fire/xf_simple')).toMatchObject({ dueOn: '2026-03-03', critical: false });
    expect(sim.decisionOn).toBe('2026-03-10');
    expect(sim.issuance).toEqual({ opensOn: '2026-03-10', dueOn: '2026-03-17', limitWorkingDays: 5 });
  });
});
