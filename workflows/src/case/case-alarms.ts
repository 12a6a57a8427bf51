import { CASE_PATCHES } from './case-patches';
import { dueOf, escalationAt, isSuspended, reminderAt, shanghaiDate } from './case-clock';
import type { CaseEngine } from './case-engine';
import type { StepState } from './case-state';
import { taskHolders } from './step-reducer';

interface Alarm {
  at: number;
  fire: (engine: CaseEngine) => Promise<void>;
}

/** Reminders, escalations and timer nodes that are due at some instant, for running steps only. */
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
  for (const [nodeId, at] of Object.entries(engine.state.timers)) {
    list.push({
      at,
      fire: async (e) => {
        delete e.state.timers[nodeId];
        e.log('system', 'timer_fired', nodeId);
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

async function sendReminder(engine: CaseEngine, stepId: string, k: number): Promise<void> {
  const step = current(engine, stepId);
  if (!step) return;
  engine.state.steps[stepId] = { ...step, remindersSent: [...step.remindersSent, k] };
  const on = shanghaiDate(Date.now());
  const dueDate = dueOf(step.clock, engine.calendar).date!;
  engine.log('system', 'reminder_sent', stepId, { remainingWorkingDays: k, on, dueDate });
  await engine.acts.sendReminder({
    ...engine.base(),
    stepId,
    departmentCode: step.departmentCode,
    assignees: taskHolders(step),
    dueDate,
    remainingWorkingDays: k,
    on,
  });
}

async function escalate(engine: CaseEngine, stepId: string): Promise<void> {
  const step = current(engine, stepId);
  if (!step) return;
  const at = engine.nowIso();
  engine.state.steps[stepId] = { ...step, escalatedAt: at };
  const on = shanghaiDate(Date.now());
  const dueDate = dueOf(step.clock, engine.calendar).date!;
  engine.log('system', 'escalated_overdue', stepId, { on, dueDate });
  await engine.acts.escalateOverdue({
    ...engine.base(),
    stepId,
    departmentCode: step.departmentCode,
    role: 'department_lead',
    dueDate,
    on,
  });
}

/** Art. 44: results not issued within the issuance limit go to the window's lead. */
async function escalateIssuance(engine: CaseEngine, dueDate: string): Promise<void> {
  if (engine.state.phase !== 'awaiting_issuance') return;
  engine.state.clocks.issuanceEscalatedAt = engine.nowIso();
  const on = shanghaiDate(Date.now());
  const issueNode = engine.run.plan.nodes.find((n) => n.type === 'issue' && !n.scope)!;
  engine.log('system', 'issuance_overdue', issueNode.id, { on, dueDate });
  await engine.acts.escalateOverdue({
    ...engine.base(),
    stepId: issueNode.id,
    departmentCode: 'WINDOW',
    role: 'department_lead',
    dueDate,
    on,
  });
}
