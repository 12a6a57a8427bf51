import type { ApiDeps } from '../api-deps';
import { ensureCaseWorkflowStarted, startCommandKey } from './accept-application.service';
import { ProblemError } from '../http/problem';

const PREFIX = startCommandKey('');

export interface SweepOptions {
  /** How often the stored start commands are looked at. */
  everyMs: number;
  /** A command younger than this belongs to a request still under way (it starts its own workflow). */
  graceMs: number;
}

/**
 * Starts every case workflow whose start command is still pending: an acceptance recorded while Temporal was
 * down (or an API that died between its transaction and the start) is completed here when the client does
 * not retry. Starting is idempotent (workflow id = case number, a running one counts as started), so a sweep
 * that overlaps a retried request does no harm. Returns how many it started; stops at the first retryable
 * fault (Temporal still down: the next sweep tries again).
 */
export async function sweepPendingWorkflowStarts(
  deps: Pick<ApiDeps, 'db' | 'temporal' | 'logger'>,
  graceMs: number,
  now = new Date(),
): Promise<number> {
  const pending = await deps.db.idempotencyRecord.findMany({
    where: { key: { startsWith: PREFIX }, status: { not: 1 }, createdAt: { lt: new Date(+now - graceMs) } },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  let started = 0;
  for (const command of pending) {
    const caseNo = command.key.slice(PREFIX.length);
    try {
      await ensureCaseWorkflowStarted(deps, caseNo);
      started++;
      deps.logger.info({ caseNo }, 'case workflow started by the sweep of pending starts');
    } catch (error) {
      // startCaseWorkflow answers a retryable fault as a 503 problem: Temporal is still down.
      if (error instanceof ProblemError && error.status === 503) break;
      deps.logger.error({ err: error, caseNo }, 'case workflow could not be started by the sweep');
    }
  }
  return started;
}

/** Runs the sweep every `everyMs` until stopped; one sweep at a time. */
export function startWorkflowStartSweep(
  deps: Pick<ApiDeps, 'db' | 'temporal' | 'logger'>,
  options: SweepOptions,
): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepPendingWorkflowStarts(deps, options.graceMs)
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'sweep of pending workflow starts failed'))
      .finally(() => (running = false));
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
