import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { completeDemoCase, demoCaseStatus, type DemoCompletion } from './demo-case.messages';

export interface DemoCaseResult {
  caseNo: string;
  completedBy: string;
}

/** The thinnest real case: waits for one Update, then completes. Proves the API → Temporal → worker wiring. */
export async function demoCaseWorkflow(): Promise<DemoCaseResult> {
  let completion: DemoCompletion | undefined;
  setHandler(demoCaseStatus, () => (completion ? 'completed' : 'waiting'));
  setHandler(
    completeDemoCase,
    (input) => {
      completion = input;
      return { completedAt: new Date().toISOString() };
    },
    {
      validator: (input) => {
        if (!input?.completedBy?.trim())
          throw new Error('completedBy is required: name who completes the case');
        if (completion) throw new Error('the demo case is already completed');
      },
    },
  );
  await condition(() => completion !== undefined);
  return { caseNo: workflowInfo().workflowId, completedBy: completion!.completedBy };
}
