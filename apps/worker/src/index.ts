export { createCaseWorker, type CaseWorkerOptions } from './create-case-worker';
export { createActivities, type ActivityDeps } from './activities/create-activities';
