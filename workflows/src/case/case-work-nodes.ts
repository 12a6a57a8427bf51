import type { FlatNode } from '@onewindow/flow-model';
import { dueOf, startClock } from './case-clock';
import type { CaseEngine } from './case-engine';
import type { CloseTaskInput } from './case-activities';
import { CASE_PATCHES } from './case-patches';
import type { StepState } from './case-state';
import { reopenedAssignees, taskHolders } from './step-reducer';

/**
 * Opens a department step: its state and clock first (synchronously), then the task row. A step
 * reached again after 退回 opens as its next generation, with the same signers undecided and a fresh
 * step clock (a new round of review); its 抄送 list stays.
 */
export async function openDepartmentStep(
  engine: CaseEngine,
  node: Extract<FlatNode, { type: 'department' }>,
): Promise<void> {
  const previous = engine.state.steps[node.id];
  const clock = startClock(
    engine.today(),
    { value: node.limitWorkingDays, unit: 'working_day' },
    engine.input.countStartDay,
  );
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
      : node.assignees.map((userId) => ({ userId, status: 'pending', source: 'plan' })),
    cc: previous?.cc ?? [],
    generation: (previous?.generation ?? 0) + 1,
    openedAt: engine.nowIso(),
    clock,
    extensions: [],
    remindersSent: [],
  };
  engine.state.steps[node.id] = step;
  engine.log(
    'system',
    previous ? 'step_reopened' : 'step_opened',
    node.id,
    previous ? { generation: step.generation } : { assignees: node.assignees },
  );
  await openTaskRow(engine, step);
}

/** Writes the task row of the step's current generation for whoever holds it now. */
export function openTaskRow(engine: CaseEngine, step: StepState): Promise<void> {
  const due = dueOf(step.clock, engine.calendar);
  return engine.acts.openTask({
    ...engine.base(),
    stepId: step.stepId,
    name: step.name,
    departmentCode: step.departmentCode,
    role: step.role,
    ...(step.itemCode ? { itemCode: step.itemCode } : {}),
    assignees: taskHolders(step),
    dueDate: due.date, // null only while the step clock is stopped
    provisional: due.provisional,
    generation: step.generation,
  });
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
  if (after.status !== 'open') return;
  const holders = taskHolders(after);
  const was = taskHolders(before);
  if (holders.length === was.length && holders.every((h) => was.includes(h))) return;
  if (!engine.patched(CASE_PATCHES.holdersAfterVote)) return;
  await engine.acts.setTaskHolders({
    ...engine.base(),
    stepId: after.stepId,
    generation: after.generation,
    holders,
  });
}

/**
 * The people on a step changed (转办, 委派, 加签/减签, resubmission): the task row of this generation
 * closes with `status` and the next generation opens for the new holders. The step clock is untouched.
 */
export async function reissueTaskRow(
  engine: CaseEngine,
  stepId: string,
  status: CloseTaskInput['status'],
): Promise<void> {
  const step = engine.state.steps[stepId];
  const next: StepState = { ...step, generation: step.generation + 1 };
  engine.state.steps[stepId] = next;
  await Promise.all([
    engine.acts.closeTask({ ...engine.base(), stepId, generation: step.generation, status }),
    openTaskRow(engine, next),
  ]);
}

/** Runs an automatic step (e.g. a certificate check) in the background; `failed` counts as a refusal. */
export async function runAutomaticStep(
  engine: CaseEngine,
  node: Extract<FlatNode, { type: 'automatic' }>,
): Promise<void> {
  engine.automaticInFlight += 1;
  try {
    const result = await engine.acts.runAutomaticStep({
      ...engine.base(),
      stepId: node.id,
      task: node.task,
      input: node.input ?? {},
      applicationData: engine.input.applicationData,
    });
    if (engine.state.run.nodes[node.id] !== 'active' || engine.state.phase !== 'in_review') return;
    engine.log('system', `automatic_${result.outcome}`, node.id, {
      task: node.task,
      reasons: result.reasons ?? [],
    });
    if (result.outcome === 'passed') engine.completeNode(node.id, 'completed');
    else await engine.refuse(node.id, result.reasons?.length ? result.reasons : [`${node.task} failed`]);
  } finally {
    engine.automaticInFlight -= 1;
    engine.version += 1;
  }
}
