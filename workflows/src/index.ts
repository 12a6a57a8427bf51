// Public API for apps: workflow functions (for typed starts), messages (updates/queries) and types.
export { demoCaseWorkflow, type DemoCaseResult } from './demo/demo-case.workflow';
export { completeDemoCase, demoCaseStatus, type DemoCompletion } from './demo/demo-case.messages';
export { caseWorkflow } from './case/engine/case.workflow';
export * from './case/handlers/case-messages';
// Approver verbs: each one's Update, payload schema and definition, and `caseVerbRegistry` (API dispatch).
export * from './case/verbs/index';
export {
  caseWorkflowInputSchema,
  type CaseWorkflowInput,
  type ContinuedCase,
} from './case/engine/case-input';
export type * from './case/engine/case-state';
export type * from './case/activities/case-activities';
export {
  PROJECTION_WRITES,
  runProjectionWrites,
  type ProjectionBatch,
  type ProjectionName,
  type ProjectionWrite,
} from './case/activities/projection-writes';
export { tally, taskHolders } from './case/engine/step-reducer';
export * from './baseline/index';
// 网上申报: an online submission's Art. 32 notice period and deemed acceptance.
export * from './submission/index';
export { sharedWorkflowModules } from './shared-modules';
/** Absolute path of the bundle entry, for Worker.create({ workflowsPath }). */
export const workflowsPath: string = require.resolve('./workflows');
