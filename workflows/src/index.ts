// Public API for apps: workflow functions (for typed starts), messages (updates/queries) and types.
export { demoCaseWorkflow, type DemoCaseResult } from './demo/demo-case.workflow';
export { completeDemoCase, demoCaseStatus, type DemoCompletion } from './demo/demo-case.messages';
/** Absolute path of the bundle entry, for Worker.create({ workflowsPath }). */
export const workflowsPath: string = require.resolve('./workflows');
