import type { StepState } from '../engine/case-state';
import { signersOf } from '../engine/step-reducer';

/** Refuses people who already sign the step, or a list that names someone twice. */
export function assertNewSigners(step: StepState, people: string[]): void {
  const already = people.filter((u) => signersOf(step).includes(u));
  if (already.length > 0) throw new Error(`${already.join(', ')} already sign step "${step.stepId}"`);
  if (new Set(people).size !== people.length) throw new Error('a person is named twice');
}
