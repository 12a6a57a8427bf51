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
 * change nothing (each is keyed).
 */
export async function runProjectionWrites(
  activities: Pick<CaseActivities, ProjectionName>,
  batch: ProjectionBatch,
): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const write of batch.writes)
    results.push(await (activities[write.name] as (input: unknown) => Promise<unknown>)(write.input));
  return results;
}
