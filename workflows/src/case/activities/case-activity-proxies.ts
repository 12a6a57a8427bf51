import {
  proxyActivities,
  proxyLocalActivities,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import type { CaseActivities } from './case-activities';
import type { ProjectionBatch, ProjectionName, ProjectionWrite } from './projection-writes';

const retry = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;
const remote = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry,
} satisfies ActivityOptions);
/**
 * The applicant's messages: an attempt that has not finished in 30 s (a worker that died mid-send) is tried
 * again on another worker; the activity's outbox row keeps it to one message per event.
 */
const messaging = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry,
} satisfies ActivityOptions);
const local = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry,
} satisfies LocalActivityOptions);

/**
 * The activities a case calls. Projection writes (task rows, decisions, clock events, certificates,
 * completion) are short, idempotent database writes keyed by the workflow's event sequence. New cases
 * (`activity-serial`) send them as regular activities, one batch at a time: a regular activity is scheduled
 * only by a workflow task that committed, so a task that timed out or failed (a frozen worker) has written
 * nothing, and the retried task's writes are the ones history keeps (docs/decisions/0016). The local modes
 * run them in the worker holding the workflow task, without a round trip through the server's task queues,
 * but before that task commits: kept for the cases started with them. Reminders, escalations, the
 * applicant's messages and automatic steps (notifications, certificate checks: possibly slow, possibly
 * elsewhere) are regular activities in every mode. The choice is the case input's `projections` (not a patch: the workflow must pick before its first command, and a
 * patch marker there races the Updates delivered with the first task).
 */
export function caseActivities(
  projections: 'activity' | 'local' | 'local-serial' | 'activity-serial',
): CaseActivities {
  if (projections === 'activity') return remote;
  const write: <K extends ProjectionName>(
    name: K,
    input: Parameters<CaseActivities[K]>[0],
  ) => Promise<never> =
    projections === 'activity-serial'
      ? batchedOneAtATime(remote.writeProjections)
      : projections === 'local-serial'
        ? batchedOneAtATime(local.writeProjections)
        : (name, input) => (local[name] as unknown as (i: unknown) => Promise<never>)(input);
  return {
    loadCalendar: remote.loadCalendar,
    sendReminder: remote.sendReminder,
    escalateOverdue: remote.escalateOverdue,
    sendApplicantMessage: messaging.sendApplicantMessage,
    runAutomaticStep: remote.runAutomaticStep,
    writeProjections: projections === 'activity-serial' ? remote.writeProjections : local.writeProjections,
    openTask: (input) => write('openTask', input),
    closeTask: (input) => write('closeTask', input),
    setTaskHolders: (input) => write('setTaskHolders', input),
    recordDecision: (input) => write('recordDecision', input),
    recordClockEvent: (input) => write('recordClockEvent', input),
    issueCertificate: (input) => write('issueCertificate', input),
    completeCase: (input) => write('completeCase', input),
  };
}

/**
 * Projection writes one activity at a time (local or regular), each carrying every write asked for meanwhile
 * (an approval's decision and task row go together). On replay SDK 1.24 resolves every local-activity
 * marker of a workflow task in one activation, where the first run resolved them one per activation as
 * they finished; with several in flight, the code waiting on them could then emit its commands (an
 * Update's completion, a timer) in another order, and the replay failed as nondeterministic. With one
 * in flight, each resolution has an activation of its own on both paths (docs/decisions/0005).
 */
function batchedOneAtATime(send: (batch: ProjectionBatch) => Promise<unknown[]>) {
  let waiting: {
    write: ProjectionWrite;
    resolve: (result: never) => void;
    reject: (error: unknown) => void;
  }[] = [];
  let busy = false;
  const drain = async () => {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        const results = await send({ writes: batch.map((w) => w.write) });
        batch.forEach((w, i) => w.resolve(results[i] as never));
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    }
    busy = false;
  };
  return <K extends ProjectionName>(name: K, input: Parameters<CaseActivities[K]>[0]): Promise<never> =>
    new Promise((resolve, reject) => {
      waiting.push({ write: { name, input } as ProjectionWrite, resolve, reject });
      if (!busy) {
        busy = true;
        void Promise.resolve().then(drain); // after this turn's other writes have joined the batch
      }
    });
}
