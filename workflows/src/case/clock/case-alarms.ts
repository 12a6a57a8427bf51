import type { FlatNode } from '@onewindow/flow-model';
import { CASE_PATCHES } from '../engine/case-patches';
import {
  dueOf,
  escalationAt,
  isSuspended,
  reminderAt,
  shanghaiDate,
  type WorkingCalendar,
} from './case-clock';
import type { CaseEngine } from '../engine/case-engine';
import type { ActivityCall, CaseState, StepState, Transition } from '../engine/case-state';
import { taskHolders } from '../engine/step-reducer';
import { fireGapOverdue, gapOverdueAt, gapsAwaitingAlarm } from './tolerated-gaps';

interface Alarm {
  at: number;
  fire: (engine: CaseEngine) => Promise<void>;
}

/** Reminders, escalations, overdue tolerated gaps and timer nodes that are due at some instant, for running steps only. */
function alarms(engine: CaseEngine): Alarm[] {
  const list: Alarm[] = [];
  const { remainingWorkingDays, escalateOverdue } = engine.input.reminders;
  for (const step of Object.values(engine.state.steps)) {
    if (step.status !== 'open' || isSuspended(step.clock)) continue;
    const due = dueOf(step.clock, engine.calendar).date;
    if (!due) continue;
    const opened = Date.parse(step.openedAt);
    for (const k of remainingWorkingDays) {
      if (step.remindersSent.includes(k)) continue;
      const at = reminderAt(engine.calendar, due, k);
      // A threshold already behind us when the step opened is never sent.
      if (at >= opened) list.push({ at, fire: (e) => sendReminder(e, step.stepId, k) });
    }
    if (escalateOverdue && !step.escalatedAt)
      list.push({ at: escalationAt(engine.calendar, due), fire: (e) => escalate(e, step.stepId) });
  }
  const issuance = engine.state.clocks.issuance;
  const issuanceDue = issuance && dueOf(issuance, engine.calendar).date;
  const issuancePending =
    escalateOverdue &&
    engine.state.phase === 'awaiting_issuance' &&
    issuanceDue &&
    !engine.state.clocks.issuanceEscalatedAt;
  if (issuancePending && engine.patched(CASE_PATCHES.issuanceEscalation)) {
    list.push({
      at: escalationAt(engine.calendar, issuanceDue),
      fire: (e) => escalateIssuance(e, issuanceDue),
    });
  }
  // 容缺受理: a tolerated material not handed in by its due day (only cases that track gaps have any).
  for (const gap of gapsAwaitingAlarm(engine.state))
    list.push({ at: gapOverdueAt(engine.calendar, gap), fire: (e) => fireGapOverdue(e, gap.materialCode) });
  for (const [nodeId, at] of Object.entries(engine.state.timers)) {
    list.push({
      at,
      fire: async (e) => {
        e.apply(timerFired(e.state.timers, nodeId));
        e.completeNode(nodeId, 'completed');
      },
    });
  }
  return list;
}

/** The next instant something is due, or undefined when nothing waits on time. */
export function nextAlarmAt(engine: CaseEngine): number | undefined {
  const times = alarms(engine).map((a) => a.at);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** Fires everything due by now (workflow time). */
export async function fireDueAlarms(engine: CaseEngine): Promise<void> {
  const now = Date.now();
  for (const alarm of alarms(engine)
    .filter((a) => a.at <= now)
    .sort((a, b) => a.at - b.at))
    await alarm.fire(engine);
}

const current = (engine: CaseEngine, stepId: string): StepState | undefined => {
  const step = engine.state.steps[stepId];
  return step?.status === 'open' ? step : undefined;
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** Reducer: a timer node's time came; its timer goes and `timer_fired` is recorded (the node then completes). */
export function timerFired(timers: CaseState['timers'], nodeId: string): Transition {
  const { [nodeId]: _fired, ...left } = timers;
  return { timers: left, history: [{ actor: 'system', action: 'timer_fired', stepId: nodeId }] };
}

/** Reducer: reminder `k` (working days left) goes out for the open step at `now`. */
export function reminder(
  step: StepState,
  k: number,
  now: number,
  calendar: WorkingCalendar,
): Transition & { calls: [ActivityCall] } {
  const on = shanghaiDate(now);
  const dueDate = dueOf(step.clock, calendar).date!;
  return {
    steps: [{ ...step, remindersSent: [...step.remindersSent, k] }],
    history: [
      {
        actor: 'system',
        action: 'reminder_sent',
        stepId: step.stepId,
        details: { remainingWorkingDays: k, on, dueDate },
      },
    ],
    calls: [
      {
        name: 'sendReminder',
        input: {
          stepId: step.stepId,
          departmentCode: step.departmentCode,
          assignees: taskHolders(step),
          dueDate,
          remainingWorkingDays: k,
          on,
        },
      },
    ],
  };
}

/** Reducer: the open step is overdue at `now`: its department's lead is told, once. */
export function escalation(
  step: StepState,
  now: number,
  calendar: WorkingCalendar,
): Transition & { calls: [ActivityCall] } {
  const on = shanghaiDate(now);
  const dueDate = dueOf(step.clock, calendar).date!;
  return {
    steps: [{ ...step, escalatedAt: iso(now) }],
    history: [
      { actor: 'system', action: 'escalated_overdue', stepId: step.stepId, details: { on, dueDate } },
    ],
    calls: [
      {
        name: 'escalateOverdue',
        input: {
          stepId: step.stepId,
          departmentCode: step.departmentCode,
          role: 'dept_lead',
          dueDate,
          on,
        },
      },
    ],
  };
}

/**
 * Reducer: Art. 44 — results not issued by `dueDate` go to the lead of the window that accepted the case (as the
 * plan's issue node), once. The workflow does not know the window's department: the activity resolves it.
 */
export function issuanceEscalation(
  nodes: readonly FlatNode[],
  dueDate: string,
  now: number,
): Transition & { calls: [ActivityCall] } {
  const on = shanghaiDate(now);
  const issueNode = nodes.find((n) => n.type === 'issue' && !n.scope)!;
  return {
    clocks: { issuanceEscalatedAt: iso(now) },
    history: [
      { actor: 'system', action: 'issuance_overdue', stepId: issueNode.id, details: { on, dueDate } },
    ],
    calls: [
      {
        name: 'escalateOverdue',
        input: { stepId: issueNode.id, to: 'window', role: 'dept_lead', dueDate, on },
      },
    ],
  };
}

async function sendReminder(engine: CaseEngine, stepId: string, k: number): Promise<void> {
  const step = current(engine, stepId);
  if (!step) return;
  const t = reminder(step, k, Date.now(), engine.calendar);
  engine.apply(t);
  await engine.call(t.calls[0]);
}

async function escalate(engine: CaseEngine, stepId: string): Promise<void> {
  const step = current(engine, stepId);
  if (!step) return;
  const t = escalation(step, Date.now(), engine.calendar);
  engine.apply(t);
  await engine.call(t.calls[0]);
}

/** Art. 44: results not issued within the issuance limit go to the window's lead. */
async function escalateIssuance(engine: CaseEngine, dueDate: string): Promise<void> {
  if (engine.state.phase !== 'awaiting_issuance') return;
  const t = issuanceEscalation(engine.run.plan.nodes, dueDate, Date.now());
  engine.apply(t);
  await engine.call(t.calls[0]);
}
