import { proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type { CaseActivities } from './case-activities';

const retry = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;
const remote = proxyActivities<CaseActivities>({ startToCloseTimeout: '1 minute', retry } satisfies ActivityOptions);
const local = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '1 minute', retry } satisfies LocalActivityOptions);

/**
 * The activities a case calls. Projection writes (task rows, decisions, clock events, certificates,
 * completion) are short, idempotent database writes: as local activities they run in the worker that
 * holds the workflow task, with no round trip through the Temporal server's task queues — the server's
 * work per case drops to its workflow tasks. Reminders, escalations and automatic steps (notifications,
 * certificate checks: possibly slow, possibly elsewhere) stay regular activities. The choice is the
 * case input's `projections` (not a patch: the workflow must pick before its first command, and a
 * patch marker there races the Updates delivered with the first task).
 */
export function caseActivities(projections: 'activity' | 'local'): CaseActivities {
  if (projections !== 'local') return remote;
  return {
    loadCalendar: remote.loadCalendar,
    openTask: local.openTask,
    closeTask: local.closeTask,
    setTaskHolders: local.setTaskHolders,
    recordDecision: local.recordDecision,
    recordClockEvent: local.recordClockEvent,
    sendReminder: remote.sendReminder,
    escalateOverdue: remote.escalateOverdue,
    runAutomaticStep: remote.runAutomaticStep,
    issueCertificate: local.issueCertificate,
    completeCase: local.completeCase,
  };
}
