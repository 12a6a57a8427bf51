export { OnlineSubmissionPage, SubmissionStatusPage } from './components/OnlineSubmissionPage';
export { PreReviewQueue } from './components/PreReviewQueue';
