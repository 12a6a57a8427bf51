export { submissionWorkflow } from './submission.workflow';
export {
  settleSubmission,
  submissionStateQuery,
  type ClerkOutcome,
  type SubmissionActivities,
  type SubmissionSettlement,
  type SubmissionWorkflowInput,
} from './submission.messages';
