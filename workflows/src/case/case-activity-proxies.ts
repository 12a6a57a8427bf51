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
export function caseActivities(projections: 'activity' | 'local' | 'local-serial'): CaseActivities {
  if (projections === 'activity') return remote;
  const write = projections === 'local-serial' ? oneAtATime() : <T>(call: () => Promise<T>) => call();
  return {
    loadCalendar: remote.loadCalendar,
    openTask: (input) => write(() => local.openTask(input)),
    closeTask: (input) => write(() => local.closeTask(input)),
    setTaskHolders: (input) => write(() => local.setTaskHolders(input)),
    recordDecision: (input) => write(() => local.recordDecision(input)),
    recordClockEvent: (input) => write(() => local.recordClockEvent(input)),
    sendReminder: remote.sendReminder,
    escalateOverdue: remote.escalateOverdue,
    runAutomaticStep: remote.runAutomaticStep,
    issueCertificate: (input) => write(() => local.issueCertificate(input)),
    completeCase: (input) => write(() => local.completeCase(input)),
  };
}

/**
 * Runs calls one after another, in the order they were made. On replay SDK 1.24 resolves every
 * local-activity marker of a workflow task in one activation, where the first run resolved them one
 * per activation as they finished; with several in flight, the code waiting on them can then emit its
 * commands (an Update's completion, a timer) in another order, and the replay fails as nondeterministic.
 * With one in flight, each resolution has an activation of its own on both paths (docs/decisions/0005).
 */
function oneAtATime(): <T>(call: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (call) => {
    const next = last.then(call);
    last = next.catch(() => undefined);
    return next;
  };
}
