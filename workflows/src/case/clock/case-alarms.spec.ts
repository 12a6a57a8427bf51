import { createOfficialCalendar } from '@onewindow/calendar';
import type { FlatNode } from '@onewindow/flow-model';
import { isSuspended, startClock } from './case-clock';
import { escalation, issuanceEscalation, reminder, timerFired } from './case-alarms';
import type { StepState } from '../engine/case-state';

const calendar = createOfficialCalendar();
/** Friday 2026-03-06 and Tuesday 2026-03-10, 00:00 in Shanghai (working days of the shipped 2026 calendar). */
const FRI = Date.parse('2026-03-05T16:00:00Z');
const TUE = Date.parse('2026-03-09T16:00:00Z');

const step = (over: Partial<StepState> = {}): StepState => ({
  stepId: 'planning',
  name: 'Planning',
  departmentCode: 'PLAN',
  role: 'reviewer',
  status: 'open',
  countersign: { mode: 'any' },
  actions: ['approve', 'refuse'],
  assignees: [
    { userId: 'li', status: 'pending', source: 'plan' },
    { userId: 'group:desk', status: 'pending', source: 'plan', candidates: ['wang', 'zhao'] },
  ],
  cc: [],
  generation: 1,
  openedAt: '2026-03-02T01:00:00.000Z',
  clock: startClock('2026-03-02', { value: 5, unit: 'working_day' }), // due Monday 2026-03-09
  extensions: [],
  remindersSent: [],
  ...over,
});

describe('reminder', () => {
  it('marks threshold k as sent and sends it to whoever holds the task, with the due date and the Shanghai day', () => {
    const before = step({ remindersSent: [5] });
    const t = reminder(before, 2, FRI, calendar);
    expect(t.steps?.[0].remindersSent).toEqual([5, 2]);
    expect(t.history).toEqual([
      {
        actor: 'system',
        action: 'reminder_sent',
        stepId: 'planning',
        details: { remainingWorkingDays: 2, on: '2026-03-06', dueDate: '2026-03-09' },
      },
    ]);
    expect(t.calls).toEqual([
      {
        name: 'sendReminder',
        input: {
          stepId: 'planning',
          departmentCode: 'PLAN',
          assignees: ['li', 'wang', 'zhao'],
          dueDate: '2026-03-09',
          remainingWorkingDays: 2,
          on: '2026-03-06',
        },
      },
    ]);
    expect(before.remindersSent).toEqual([5]);
  });
});

describe('escalation', () => {
  it('stamps the step escalated and tells its department’s lead', () => {
    const t = escalation(step(), TUE, calendar);
    expect(t.steps?.[0].escalatedAt).toBe('2026-03-09T16:00:00.000Z');
    expect(t.history).toEqual([
      {
        actor: 'system',
        action: 'escalated_overdue',
        stepId: 'planning',
        details: { on: '2026-03-10', dueDate: '2026-03-09' },
      },
    ]);
    expect(t.calls).toEqual([
      {
        name: 'escalateOverdue',
        input: {
          stepId: 'planning',
          departmentCode: 'PLAN',
          role: 'dept_lead',
          dueDate: '2026-03-09',
          on: '2026-03-10',
        },
      },
    ]);
    expect(isSuspended(t.steps![0].clock)).toBe(false);
  });
});

describe('issuanceEscalation (Art. 44)', () => {
  it('goes to the window’s lead as the top-level issue node, once', () => {
    const nodes: FlatNode[] = [
      { id: 'sub_issue', type: 'issue', limitWorkingDays: 10, scope: 'bundle' },
      { id: 'issue', type: 'issue', limitWorkingDays: 10 },
    ];
    const t = issuanceEscalation(nodes, '2026-03-09', TUE);
    expect(t.clocks).toEqual({ issuanceEscalatedAt: '2026-03-09T16:00:00.000Z' });
    expect(t.history).toEqual([
      {
        actor: 'system',
        action: 'issuance_overdue',
        stepId: 'issue',
        details: { on: '2026-03-10', dueDate: '2026-03-09' },
      },
    ]);
    expect(t.calls).toEqual([
      {
        name: 'escalateOverdue',
        input: {
          stepId: 'issue',
          to: 'window',
          role: 'dept_lead',
          dueDate: '2026-03-09',
          on: '2026-03-10',
        },
      },
    ]);
  });
});

describe('timerFired', () => {
  it('drops the node’s timer, keeps the others, records it', () => {
    const timers = { wait: 1, other: 2 };
    expect(timerFired(timers, 'wait')).toEqual({
      timers: { other: 2 },
      history: [{ actor: 'system', action: 'timer_fired', stepId: 'wait' }],
    });
    expect(timers).toEqual({ wait: 1, other: 2 });
  });
});
