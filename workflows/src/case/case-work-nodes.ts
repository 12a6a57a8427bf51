import type { FlatNode } from '@onewindow/flow-model';
import { dueOf, startClock } from './case-clock';
import type { CaseEngine } from './case-engine';
import type { StepState } from './case-state';

/** Opens a department step: its state and clock first (synchronously), then the task row. */
export async function openDepartmentStep(engine: CaseEngine, node: Extract<FlatNode, { type: 'department' }>): Promise<void> {
  const clock = startClock(engine.today(), { value: node.limitWorkingDays, unit: 'working_day' }, engine.input.countStartDay);
  const step: StepState = {
    stepId: node.id,
    name: node.name ?? node.id,
    departmentCode: node.departmentCode,
    role: node.role,
    ...(node.itemCode ? { itemCode: node.itemCode } : {}),
    status: 'open',
    countersign: node.countersign,
    actions: node.actions,
    assignees: node.assignees.map((userId) => ({ userId, status: 'pending', source: 'plan' })),
    cc: [],
    generation: 1,
    openedAt: engine.nowIso(),
    clock,
    extensions: [],
    remindersSent: [],
  };
  engine.state.steps[node.id] = step;
  engine.log('system', 'step_opened', node.id, { assignees: node.assignees });
  const due = dueOf(clock, engine.calendar);
  await engine.acts.openTask({
    ...engine.base(),
    stepId: step.stepId,
    name: step.name,
    departmentCode: step.departmentCode,
    role: step.role,
    ...(step.itemCode ? { itemCode: step.itemCode } : {}),
    assignees: node.assignees,
    dueDate: due.date!, // a running clock always has a due date
    provisional: due.provisional,
    generation: step.generation,
  });
}

/** Runs an automatic step (e.g. a certificate check) in the background; `failed` counts as a refusal. */
export async function runAutomaticStep(engine: CaseEngine, node: Extract<FlatNode, { type: 'automatic' }>): Promise<void> {
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
    engine.log('system', `automatic_${result.outcome}`, node.id, { task: node.task, reasons: result.reasons ?? [] });
    if (result.outcome === 'passed') engine.completeNode(node.id, 'completed');
    else await engine.refuse(node.id, result.reasons?.length ? result.reasons : [`${node.task} failed`]);
  } finally {
    engine.automaticInFlight -= 1;
    engine.version += 1;
  }
}
