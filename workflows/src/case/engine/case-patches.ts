/**
 * Behaviour changes to released case workflow code, each behind `patched(id)` so running cases
 * (and the recorded histories in test/histories) replay unchanged. Never reuse an id; once no case
 * started before a change is still open, switch its call to `deprecatePatch(id)`, then remove it.
 */
export const CASE_PATCHES = {
  /** Escalate to the window's lead when the Art. 44 issuance limit passes. */
  issuanceEscalation: 'case-issuance-escalation-v1',
  /** Project the promised (承诺) case clock with recordClockEvent (`clock: 'promised'`), like the statutory one. */
  promisedClockEvents: 'case-promised-clock-events-v1',
  /** A gateway that cannot choose (FEEL error, no holding condition, no default) fails the case, not the task. */
  planRuntimeErrors: 'case-plan-runtime-errors-v1',
  /** A vote that leaves the step open updates who holds its task row (the voter leaves the inbox, a later seat-mate enters). */
  holdersAfterVote: 'case-holders-after-vote-v1',
  /** 容缺受理: the workflow tracks each tolerated gap (due-date alarm, supply Update, issuance refused while one is open). */
  toleratedGaps: 'case-tolerated-gaps-v1',
  /** Tells the applicant "ready for collection" and "supplement needed" (sendApplicantMessage; input `applicantMessages`). */
  applicantMessages: 'case-applicant-messages-v1',
} as const;

export type CasePatchId = (typeof CASE_PATCHES)[keyof typeof CASE_PATCHES];
