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
const local = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry,
} satisfies LocalActivityOptions);

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
  const write: <K extends ProjectionName>(
    name: K,
    input: Parameters<CaseActivities[K]>[0],
  ) => Promise<never> =
    projections === 'local-serial'
      ? batchedOneAtATime(local.writeProjections)
      : (name, input) => (local[name] as unknown as (i: unknown) => Promise<never>)(input);
  return {
    loadCalendar: remote.loadCalendar,
    sendReminder: remote.sendReminder,
    escalateOverdue: remote.escalateOverdue,
    runAutomaticStep: remote.runAutomaticStep,
    writeProjections: local.writeProjections,
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
 * Projection writes one local activity at a time, each carrying every write asked for meanwhile (an
 * approval's decision and task row go together). On replay SDK 1.24 resolves every local-activity
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
