import type { FlatNode } from '@onewindow/flow-model';
import { dueOf, shanghaiDate, startClock } from '../clock/case-clock';
import type { CaseEngine } from './case-engine';
import type { AutomaticStepResult, CloseTaskInput } from '../activities/case-activities';
import { CASE_PATCHES } from './case-patches';
import type { ActivityCall, CaseState, HistoryDraft, StepState, StepStatus, Transition } from './case-state';
import { reopenedAssignees, taskHolders } from './step-reducer';
import { claimStateOf, roleGroupSeat } from './step-claims';

type DepartmentNode = Extract<FlatNode, { type: 'department' }>;
type AutomaticNode = Extract<FlatNode, { type: 'automatic' }>;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The step closed with `status` at `now` (cancelled, returned). */
export const closedAs = (step: StepState, status: StepStatus, now: number): StepState => ({
  ...step,
  status,
  closedAt: iso(now),
});

/**
 * Reducer: a department step opens at `now`. A step reached again after 退回 (`previous`) opens as its
 * next generation, with the same signers undecided and a fresh step clock (a new round of review); its
 * 抄送 list stays.
 */
export function openedStep(
  previous: StepState | undefined,
  node: DepartmentNode,
  now: number,
  countStartDay?: boolean,
): Transition & { step: StepState } {
  const step: StepState = {
    stepId: node.id,
    name: node.name ?? node.id,
    departmentCode: node.departmentCode,
    role: node.role,
    ...(node.itemCode ? { itemCode: node.itemCode } : {}),
    status: 'open',
    countersign: node.countersign,
    actions: node.actions,
    assignees: previous
      ? reopenedAssignees(previous.assignees)
      : node.assignees.length === 0
        ? [roleGroupSeat(node.departmentCode, node.role)]
        : node.assignees.map((userId) => ({ userId, status: 'pending', source: 'plan' })),
    cc: previous?.cc ?? [],
    generation: (previous?.generation ?? 0) + 1,
    openedAt: iso(now),
    clock: startClock(
      shanghaiDate(now),
      { value: node.limitWorkingDays, unit: 'working_day' },
      countStartDay,
    ),
    extensions: [],
    remindersSent: [],
  };
  const opened: HistoryDraft = previous
    ? { actor: 'system', action: 'step_reopened', stepId: node.id, details: { generation: step.generation } }
    : {
        actor: 'system',
        action: 'step_opened',
        stepId: node.id,
        details: {
          assignees: node.assignees,
          // No named assignees: offered to the role group, to be claimed (签收).
          ...(node.assignees.length === 0
            ? { group: { departmentCode: node.departmentCode, role: node.role } }
            : {}),
        },
      };
  return { step, steps: [step], history: [opened] };
}

/** The `openTask` call for the step's current generation, for whoever holds it now (due date as of `calendar`). */
export function openTaskCall(step: StepState, calendar: CaseEngine['calendar']): ActivityCall {
  const due = dueOf(step.clock, calendar);
  const claim = claimStateOf(step);
  return {
    name: 'openTask',
    input: {
      stepId: step.stepId,
      name: step.name,
      departmentCode: step.departmentCode,
      role: step.role,
      ...(step.itemCode ? { itemCode: step.itemCode } : {}),
      assignees: taskHolders(step),
      dueDate: due.date, // null only while the step clock is stopped
      provisional: due.provisional,
      generation: step.generation,
      ...(claim ? { claim } : {}),
    },
  };
}

/**
 * The `setTaskHolders` call after a vote that leaves the step open, when whose turn it is changed (the
 * voter leaves the inbox; a seat-mate after them enters); none when the step closed or the holders stay.
 */
export function taskHoldersCall(before: StepState, after: StepState): ActivityCall | undefined {
  if (after.status !== 'open') return undefined;
  const holders = taskHolders(after);
  const was = taskHolders(before);
  if (holders.length === was.length && holders.every((h) => was.includes(h))) return undefined;
  return {
    name: 'setTaskHolders',
    input: { stepId: after.stepId, generation: after.generation, holders },
    patch: CASE_PATCHES.holdersAfterVote,
  };
}

/**
 * Reducer: the people on a step changed (转办, 委派, 加签/减签, resubmission): the task row of this
 * generation closes with `status` and the next generation opens for the new holders. The step clock is untouched.
 */
export function reissuedTask(
  step: StepState,
  status: CloseTaskInput['status'],
  calendar: CaseEngine['calendar'],
): Transition & { step: StepState; calls: [ActivityCall, ActivityCall] } {
  const next: StepState = { ...step, generation: step.generation + 1 };
  return {
    step: next,
    steps: [next],
    calls: [
      { name: 'closeTask', input: { stepId: step.stepId, generation: step.generation, status } },
      openTaskCall(next, calendar),
    ],
  };
}

/** What an automatic step's result does: its history entry, then the node completes or is refused with reasons. */
export function automaticOutcome(
  node: AutomaticNode,
  result: AutomaticStepResult,
): { history: HistoryDraft; refusal?: string[] } {
  const history: HistoryDraft = {
    actor: 'system',
    action: `automatic_${result.outcome}`,
    stepId: node.id,
    details: { task: node.task, reasons: result.reasons ?? [] },
  };
  if (result.outcome === 'passed') return { history };
  return { history, refusal: result.reasons?.length ? result.reasons : [`${node.task} failed`] };
}

/**
 * Reducer: cancels the work of `nodes` (fail_fast refusal, withdrawal): each open step closes
 * `cancelled`, each node's timer goes, and every node gets a `step_cancelled` entry. `closing` are the
 * steps whose task rows close; `releasing` the steps whose own suspension held the case clocks.
 */
export function cancellation(
  state: Pick<CaseState, 'steps' | 'timers'>,
  nodes: Pick<FlatNode, 'id'>[],
  reason: string,
  now: number,
): Transition & { steps: StepState[]; closing: StepState[]; releasing: string[] } {
  const timers = { ...state.timers };
  const closing: StepState[] = [];
  const releasing: string[] = [];
  for (const node of nodes) {
    const step = state.steps[node.id];
    if (step?.status === 'open') {
      closing.push(closedAs(step, 'cancelled', now));
      if (step.suspension) releasing.push(node.id);
    }
    delete timers[node.id];
  }
  const history = nodes.map((node) => ({
    actor: 'system',
    action: 'step_cancelled',
    stepId: node.id,
    details: { reason },
  }));
  return { steps: closing, timers, history, closing, releasing };
}

/**
 * Opens a department step: its state and clock first (synchronously), then the task row. A step
 * reached again after 退回 opens as its next generation (see `openedStep`).
 */
export async function openDepartmentStep(engine: CaseEngine, node: DepartmentNode): Promise<void> {
  const t = openedStep(engine.state.steps[node.id], node, Date.now(), engine.input.countStartDay);
  engine.apply(t);
  await openTaskRow(engine, t.step);
}

/** Writes the task row of the step's current generation for whoever holds it now. */
export function openTaskRow(engine: CaseEngine, step: StepState): Promise<void> {
  return engine.call(openTaskCall(step, engine.calendar)) as Promise<void>;
}

/**
 * A vote that leaves the step open: the task row's holders follow whose turn it is now (the voter
 * leaves the inbox; a seat-mate after them enters). Cases started before this keep their rows as they were.
 */
export async function refreshTaskHolders(
  engine: CaseEngine,
  before: StepState,
  after: StepState,
): Promise<void> {
  const call = taskHoldersCall(before, after);
  if (!call || !engine.patched(call.patch!)) return;
  await engine.call(call);
}

/** Closes the task row of this generation with `status` and opens the next one (see `reissuedTask`). */
export async function reissueTaskRow(
  engine: CaseEngine,
  stepId: string,
  status: CloseTaskInput['status'],
): Promise<void> {
  const t = reissuedTask(engine.state.steps[stepId], status, engine.calendar);
  engine.apply(t);
  const [close, open] = t.calls;
  await Promise.all([engine.call(close), engine.call(open)]);
}

/** Runs an automatic step (e.g. a certificate check) in the background; `failed` counts as a refusal. */
export async function runAutomaticStep(engine: CaseEngine, node: AutomaticNode): Promise<void> {
  engine.automaticStarted();
  try {
    const result = await engine.acts.runAutomaticStep({
      ...engine.base(),
      stepId: node.id,
      task: node.task,
      input: node.input ?? {},
      applicationData: engine.input.applicationData,
    });
    if (engine.state.run.nodes[node.id] !== 'active' || engine.state.phase !== 'in_review') return;
    const outcome = automaticOutcome(node, result);
    engine.apply({ history: [outcome.history] });
    if (!outcome.refusal) engine.completeNode(node.id, 'completed');
    else await engine.refuse(node.id, outcome.refusal);
  } finally {
    engine.automaticEnded();
  }
}
