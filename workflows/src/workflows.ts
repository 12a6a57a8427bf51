// The worker's workflow bundle entry: re-export every workflow here.
export { demoCaseWorkflow } from './demo/demo-case.workflow';
export { caseWorkflow } from './case/engine/case.workflow';
export { bareCaseWorkflow, timerProbeWorkflow } from './baseline/index';
export { submissionWorkflow } from './submission/submission.workflow';
