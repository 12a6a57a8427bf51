import type { StepView } from '../engine/case-state';
import { stepView } from '../handlers/case-view';
import { refreshTaskHolders } from '../engine/case-work-nodes';
import { applyVote, type Vote } from '../engine/step-reducer';
import type { CaseUpdateContext } from './define-case-verb';

/** One approver's vote: record it, close the step if the countersign rule now decides, else hand the task row on. */
export async function vote(
  { engine, record }: CaseUpdateContext,
  p: { stepId: string; actor: string },
  ballot: Omit<Vote, 'actor' | 'at'>,
  action: string,
  details: Record<string, unknown>,
): Promise<StepView> {
  const s = engine.state;
  const before = s.steps[p.stepId];
  const step = applyVote(before, { ...ballot, actor: p.actor, at: engine.nowIso() });
  const recorded = record(p.stepId, action, p.actor, details, step);
  await Promise.all([recorded, engine.closeStep(step), refreshTaskHolders(engine, before, step)]);
  return stepView(engine, s.steps[p.stepId]);
}
