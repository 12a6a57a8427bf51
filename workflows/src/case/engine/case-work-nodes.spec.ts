import { createOfficialCalendar } from '@onewindow/calendar';
import type { FlatNode } from '@onewindow/flow-model';
import { dueOf } from '../clock/case-clock';
import { CASE_PATCHES } from './case-patches';
import type { StepState } from './case-state';
import { applyVote } from './step-reducer';
import {
  automaticOutcome,
  cancellation,
  closedAs,
  openedStep,
  openTaskCall,
  reissuedTask,
  taskHoldersCall,
} from './case-work-nodes';

const calendar = createOfficialCalendar();
/** Monday 2026-03-02, 10:00 in Shanghai (a working day of the shipped 2026 calendar). */
const MON = Date.parse('2026-03-02T02:00:00Z');

const node: Extract<FlatNode, { type: 'department' }> = {
  id: 'planning',
  type: 'department',
  name: 'Planning review',
  departmentCode: 'PLAN',
  role: 'reviewer',
  itemCode: 'ITEM-1',
  limitWorkingDays: 5,
  countersign: { mode: 'all' },
  assignees: ['li', 'wang'],
  actions: ['approve', 'refuse'],
};

const step = (over: Partial<StepState> = {}): StepState => ({
  ...openedStep(undefined, node, MON).step,
  ...over,
});

describe('openedStep', () => {
  it('opens a new step: first generation, plan signers pending, a fresh step clock from today', () => {
    const t = openedStep(undefined, node, MON);
    expect(t.step).toMatchObject({
      stepId: 'planning',
      name: 'Planning review',
      itemCode: 'ITEM-1',
      status: 'open',
      generation: 1,
      openedAt: '2026-03-02T02:00:00.000Z',
      cc: [],
      assignees: [
        { userId: 'li', status: 'pending', source: 'plan' },
        { userId: 'wang', status: 'pending', source: 'plan' },
      ],
    });
    expect(dueOf(t.step.clock, calendar).date).toBe('2026-03-09');
    expect(t.steps).toEqual([t.step]);
    expect(t.history).toEqual([
      { actor: 'system', action: 'step_opened', stepId: 'planning', details: { assignees: ['li', 'wang'] } },
    ]);
  });

  it('reopens a step reached again as its next generation: same signers undecided, 抄送 kept, fresh clock', () => {
    const decided = applyVote(step({ cc: [{ userId: 'zhao', by: 'li', at: '2026-03-02T03:00:00.000Z' }] }), {
      actor: 'li',
      decision: 'approved',
      at: '2026-03-02T03:00:00.000Z',
      comment: 'fine',
    });
    const returned = closedAs(decided, 'returned', MON);
    const later = Date.parse('2026-03-05T02:00:00Z');
    const t = openedStep(returned, node, later);
    expect(t.step.generation).toBe(2);
    expect(t.step.status).toBe('open');
    expect(t.step.closedAt).toBeUndefined();
    expect(t.step.cc).toEqual(returned.cc);
    expect(t.step.assignees.map((a) => [a.userId, a.status, a.comment])).toEqual([
      ['li', 'pending', undefined],
      ['wang', 'pending', undefined],
    ]);
    expect(dueOf(t.step.clock, calendar).date).toBe('2026-03-12');
    expect(t.history).toEqual([
      { actor: 'system', action: 'step_reopened', stepId: 'planning', details: { generation: 2 } },
    ]);
  });
});

describe('task rows', () => {
  it('openTaskCall: the generation’s row for whoever holds it now, with the step’s due date', () => {
    expect(openTaskCall(step(), calendar)).toEqual({
      name: 'openTask',
      input: {
        stepId: 'planning',
        name: 'Planning review',
        departmentCode: 'PLAN',
        role: 'reviewer',
        itemCode: 'ITEM-1',
        assignees: ['li', 'wang'],
        dueDate: '2026-03-09',
        provisional: false,
        generation: 1,
      },
    });
  });

  it('reissuedTask: closes this generation’s row with the reason and opens the next one', () => {
    const t = reissuedTask(step(), 'transferred', calendar);
    expect(t.step.generation).toBe(2);
    expect(t.steps).toEqual([t.step]);
    expect(t.calls[0]).toEqual({
      name: 'closeTask',
      input: { stepId: 'planning', generation: 1, status: 'transferred' },
    });
    expect(t.calls[1]).toEqual(openTaskCall(t.step, calendar));
  });

  it('taskHoldersCall: only when a vote leaves the step open and whose turn it is changed', () => {
    const seatMates = step({
      countersign: { mode: 'single' },
      assignees: [
        { userId: 'li', status: 'pending', source: 'plan', seat: 0, order: 0 },
        { userId: 'wang', status: 'pending', source: 'added', seat: 0, order: 1 },
      ],
    });
    const afterLi = applyVote(seatMates, {
      actor: 'li',
      decision: 'approved',
      at: '2026-03-02T03:00:00.000Z',
    });
    expect(taskHoldersCall(seatMates, afterLi)).toEqual({
      name: 'setTaskHolders',
      input: { stepId: 'planning', generation: 1, holders: ['wang'] },
      patch: CASE_PATCHES.holdersAfterVote,
    });
    // all: both hold the row; li's vote takes li out of it.
    const parallel = step();
    const afterVote = applyVote(parallel, {
      actor: 'li',
      decision: 'approved',
      at: '2026-03-02T03:00:00.000Z',
    });
    expect(afterVote.status).toBe('open');
    expect(taskHoldersCall(parallel, afterVote)).toEqual({
      name: 'setTaskHolders',
      input: { stepId: 'planning', generation: 1, holders: ['wang'] },
      patch: CASE_PATCHES.holdersAfterVote,
    });
    const unchanged = { ...parallel, remindersSent: [2] };
    expect(taskHoldersCall(parallel, unchanged)).toBeUndefined();
    const refused = applyVote(parallel, {
      actor: 'li',
      decision: 'refused',
      at: '2026-03-02T03:00:00.000Z',
      reasons: ['no'],
    });
    expect(refused.status).toBe('refused');
    expect(taskHoldersCall(parallel, refused)).toBeUndefined();
  });
});

describe('cancellation', () => {
  it('closes the open steps, drops the nodes’ timers, records every node, and names the steps holding the case clocks', () => {
    const suspended = step({
      stepId: 'fire',
      suspension: {
        kind: 'supplement',
        clockReason: { kind: 'supplement', note: 'x' },
        since: '2026-03-02T02:00:00.000Z',
        by: 'li',
        reason: '补正: x',
      },
    });
    const approved = step({ stepId: 'env', status: 'approved' });
    const state = {
      steps: { planning: step(), fire: suspended, env: approved },
      timers: { wait: 1, other: 2 },
    };
    const t = cancellation(
      state,
      [{ id: 'planning' }, { id: 'fire' }, { id: 'env' }, { id: 'wait' }],
      'withdrawn',
      MON,
    );
    expect(t.steps.map((s) => [s.stepId, s.status, s.closedAt])).toEqual([
      ['planning', 'cancelled', '2026-03-02T02:00:00.000Z'],
      ['fire', 'cancelled', '2026-03-02T02:00:00.000Z'],
    ]);
    expect(t.closing).toEqual(t.steps);
    expect(t.releasing).toEqual(['fire']);
    expect(t.timers).toEqual({ other: 2 });
    expect(t.history?.map((h) => [h.action, h.stepId, h.details])).toEqual([
      ['step_cancelled', 'planning', { reason: 'withdrawn' }],
      ['step_cancelled', 'fire', { reason: 'withdrawn' }],
      ['step_cancelled', 'env', { reason: 'withdrawn' }],
      ['step_cancelled', 'wait', { reason: 'withdrawn' }],
    ]);
    expect(state.timers).toEqual({ wait: 1, other: 2 });
    expect(state.steps.planning.status).toBe('open');
  });
});

describe('automaticOutcome', () => {
  const check: Extract<FlatNode, { type: 'automatic' }> = {
    id: 'licence',
    type: 'automatic',
    task: 'licence_check',
  };

  it('passed: the node completes', () => {
    expect(automaticOutcome(check, { outcome: 'passed' })).toEqual({
      history: {
        actor: 'system',
        action: 'automatic_passed',
        stepId: 'licence',
        details: { task: 'licence_check', reasons: [] },
      },
    });
  });

  it('failed: a refusal with the reasons given, or a default one', () => {
    expect(automaticOutcome(check, { outcome: 'failed', reasons: ['expired'] }).refusal).toEqual(['expired']);
    expect(automaticOutcome(check, { outcome: 'failed' })).toMatchObject({
      history: { action: 'automatic_failed' },
      refusal: ['licence_check failed'],
    });
  });
});
