import { condition, setHandler } from '@temporalio/workflow';
import { bareDecide, bareDepartments, type BareCaseResult } from './bare-case.messages';

/**
 * The bare baseline for the load test: the same shape as a case (start → 5 Updates, one per department →
 * complete) with no activities, no database, no plan interpretation. Measures what Temporal alone costs.
 */
export async function bareCaseWorkflow(): Promise<BareCaseResult> {
  const decided: string[] = [];
  setHandler(
    bareDecide,
    (input) => {
      decided.push(input.department);
      return { department: input.department, decided: decided.length };
    },
    {
      validator: (input) => {
        if (!(bareDepartments as readonly string[]).includes(input?.department))
          throw new Error(`unknown department ${String(input?.department)}`);
        if (decided.includes(input.department))
          throw new Error(`department ${input.department} already decided`);
      },
    },
  );
  await condition(() => decided.length === bareDepartments.length);
  return { decided };
}
