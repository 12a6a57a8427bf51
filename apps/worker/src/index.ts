export { createCaseWorker, type CaseWorkerOptions } from './create-case-worker';
export { createActivities, type ActivityDeps } from './activities/create-activities';
export { openTask, closeTask, closedTaskState } from './activities/task-projection';
export { refreshCaseFromClocks, TERMINAL_CASE_STATUSES } from './activities/clock-projection';
export { taskId } from './activities/event-key.util';
// The projection check (tools/repair) rewrites a missing decision or certificate through the activities' writers.
export { recordDecision } from './activities/decision-projection';
export { issueCertificate } from './activities/certificate-library';
