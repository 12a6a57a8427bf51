import type { CaseActivities } from './case-activities';

/** The projection writes of a case: short, idempotent database writes keyed by `<caseNo>:<seq>`. */
export const PROJECTION_WRITES = [
  'openTask',
  'closeTask',
  'setTaskHolders',
  'recordDecision',
  'recordClockEvent',
  'issueCertificate',
  'completeCase',
] as const;
export type ProjectionName = (typeof PROJECTION_WRITES)[number];
export type ProjectionWrite = {
  [K in ProjectionName]: { name: K; input: Parameters<CaseActivities[K]>[0] };
}[ProjectionName];
export interface ProjectionBatch {
  writes: ProjectionWrite[];
}

/**
 * The `writeProjections` activity over a worker's own projection activities: the writes of one batch
 * in order, their results in the same order. A retried batch repeats the writes already done, which
 * change nothing (each is keyed). With `openTasks`, a run of consecutive openTask writes (the steps one
 * workflow task opened) is written in one call.
 */
export async function runProjectionWrites(
  activities: Pick<CaseActivities, ProjectionName>,
  batch: ProjectionBatch,
  options: { openTasks?: (inputs: Parameters<CaseActivities['openTask']>[0][]) => Promise<void> } = {},
): Promise<unknown[]> {
  const results: unknown[] = [];
  const { writes } = batch;
  for (let i = 0; i < writes.length;) {
    const write = writes[i];
    if (write.name === 'openTask' && options.openTasks) {
      const run: Parameters<CaseActivities['openTask']>[0][] = [];
      for (let next = writes[i]; next?.name === 'openTask'; next = writes[++i]) run.push(next.input);
      await options.openTasks(run);
      results.push(...run.map(() => undefined));
      continue;
    }
    results.push(await (activities[write.name] as (input: unknown) => Promise<unknown>)(write.input));
    i++;
  }
  return results;
}
