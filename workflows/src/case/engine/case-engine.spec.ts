import { OFFICIAL_CALENDAR_DATA, WorkingCalendar } from '@onewindow/calendar';
import { PlanRun, flattenPlan, hashPlan, planBuilder } from '@onewindow/flow-model';
import type { CaseActivities } from '../activities/case-activities';
import { startClock } from '../clock/case-clock';
import { CaseEngine } from './case-engine';
import { caseWorkflowInputSchema } from './case-input';
import type { CaseState, StepState } from './case-state';
import { openedStep } from './case-work-nodes';

/** Monday 2026-03-02, 10:00 in Shanghai: the workflow time the engine reads (Date.now) in these tests. */
const NOW = new Date('2026-03-02T02:00:00Z');

const plan = planBuilder('demo')
  .accept()
  .department({ id: 'planning', departmentCode: 'PLAN', assignees: ['li'], limitWorkingDays: 5 })
  .issue()
  .build();

function engine(): CaseEngine {
  const input = caseWorkflowInputSchema.parse({
    caseNo: 'C-1',
    plan,
    planHash: hashPlan(plan),
    acceptedOn: '2026-03-02',
    limits: { statutory: { value: 20, unit: 'working_day' } },
  });
  const run = new PlanRun(flattenPlan(input.plan), {});
  const state: CaseState = {
    caseNo: 'C-1',
    planKey: 'demo',
    planHash: input.planHash,
    phase: 'in_review',
    run: { nodes: {}, edges: {}, finished: false },
    steps: {},
    timers: {},
    clocks: { statutory: startClock('2026-03-02', { value: 20, unit: 'working_day' }), suspendedBy: [] },
    refusals: [],
    certificates: [],
    history: [],
    seq: 0,
  };
  return new CaseEngine(
    input,
    state,
    run,
    OFFICIAL_CALENDAR_DATA,
    WorkingCalendar.fromData(OFFICIAL_CALENDAR_DATA),
  );
}

const department = flattenPlan(plan).nodes.find((n) => n.type === 'department')!;
const opened = (): StepState =>
  openedStep(undefined, department as Extract<typeof department, { type: 'department' }>, NOW.getTime()).step;

beforeEach(() => jest.useFakeTimers({ now: NOW }));
afterEach(() => jest.useRealTimers());

describe('CaseEngine.apply', () => {
  it('writes the steps, clock fields, pauses, timers and case fields, numbers the history, bumps version once', () => {
    const e = engine();
    const clocks = e.state.clocks;
    const step = opened();
    const entries = e.apply({
      steps: [step],
      clocks: { suspendedBy: ['planning'] },
      pauses: [{ cause: 'planning', until: 'supplement', steps: [] }],
      timers: { wait: 1 },
      fields: { phase: 'awaiting_issuance' },
      history: [
        { actor: 'system', action: 'step_opened', stepId: 'planning', details: { assignees: ['li'] } },
        { actor: 'li', action: 'noted' },
      ],
    });
    expect(e.version).toBe(1);
    // The step as written, with its first revision.
    expect(e.state.steps.planning).toEqual({ ...step, revision: 1 });
    expect(e.state.clocks).toBe(clocks); // the same object, its fields replaced
    expect(e.state.clocks.suspendedBy).toEqual(['planning']);
    expect(e.state.pauses).toEqual([{ cause: 'planning', until: 'supplement', steps: [] }]);
    expect(e.state.timers).toEqual({ wait: 1 });
    expect(e.state.phase).toBe('awaiting_issuance');
    expect(entries).toEqual([
      {
        seq: 1,
        at: '2026-03-02T02:00:00.000Z',
        actor: 'system',
        action: 'step_opened',
        stepId: 'planning',
        details: { assignees: ['li'] },
      },
      { seq: 2, at: '2026-03-02T02:00:00.000Z', actor: 'li', action: 'noted' },
    ]);
    expect(e.state.history).toEqual(entries);
  });

  it('bumps a step revision when what an approver decides on changes, not for a reminder', () => {
    const e = engine();
    e.apply({ steps: [opened()] });
    const first = e.state.steps.planning;
    e.apply({ steps: [{ ...first, remindersSent: [2] }] });
    expect(e.state.steps.planning.revision).toBe(1);
    expect(e.state.steps.planning.remindersSent).toEqual([2]);
    e.apply({
      steps: [
        { ...e.state.steps.planning, assignees: [{ userId: 'li', status: 'approved', source: 'plan' }] },
      ],
    });
    expect(e.state.steps.planning.revision).toBe(2);
    // A step written back without its revision (a reducer's copy from before) keeps the count.
    e.apply({ steps: [{ ...first, revision: undefined, status: 'approved' }] });
    expect(e.state.steps.planning.revision).toBe(3);
  });

  it('bumps version for every transition, even one that only records', () => {
    const e = engine();
    e.apply({});
    e.apply({ history: [{ actor: 'li', action: 'noted' }] });
    expect(e.version).toBe(2);
    expect(e.state.history.map((h) => h.seq)).toEqual([1]);
  });
});

describe('CaseEngine.call', () => {
  it('adds a fresh idempotency key and the time, and the case clock’s due date when asked, at call time', async () => {
    const e = engine();
    const made: { name: string; input: unknown }[] = [];
    const record =
      (name: string) =>
      async (input: unknown): Promise<void> => {
        made.push({ name, input });
      };
    Object.assign(e, {
      acts: {
        recordClockEvent: record('recordClockEvent'),
        closeTask: record('closeTask'),
      } as Partial<CaseActivities>,
    });
    await e.call({ name: 'closeTask', input: { stepId: 'planning', generation: 1, status: 'cancelled' } });
    await e.call({
      name: 'recordClockEvent',
      input: { clock: 'statutory', event: 'resumed' },
      dueOf: 'statutory',
    });
    expect(made).toEqual([
      {
        name: 'closeTask',
        input: {
          idempotencyKey: 'C-1:1',
          caseNo: 'C-1',
          at: '2026-03-02T02:00:00.000Z',
          stepId: 'planning',
          generation: 1,
          status: 'cancelled',
        },
      },
      {
        name: 'recordClockEvent',
        input: {
          idempotencyKey: 'C-1:2',
          caseNo: 'C-1',
          at: '2026-03-02T02:00:00.000Z',
          clock: 'statutory',
          event: 'resumed',
          dueDate: '2026-03-30',
        },
      },
    ]);
    expect(e.version).toBe(0); // a call changes no state but the event sequence
    expect(e.state.seq).toBe(2);
  });

  it('reads the case clock when the call is made, not when the call was asked for', async () => {
    const e = engine();
    const inputs: unknown[] = [];
    Object.assign(e, {
      acts: {
        recordClockEvent: async (input: unknown) => {
          inputs.push(input);
        },
      } as Partial<CaseActivities>,
    });
    const resumed = {
      name: 'recordClockEvent',
      input: { clock: 'statutory', event: 'resumed' },
      dueOf: 'statutory',
    } as const;
    await e.call(resumed);
    e.apply({ clocks: { statutory: startClock('2026-03-09', { value: 20, unit: 'working_day' }) } });
    await e.call(resumed);
    expect(inputs).toMatchObject([{ dueDate: '2026-03-30' }, { dueDate: '2026-04-07' }]);
  });
});
