import { sleep } from '@temporalio/workflow';
import type { TimerProbeResult } from './bare-case.messages';

/**
 * Sleeps until an absolute instant (epoch ms) and records the workflow clock at wake-up. The workflow clock
 * is the time of the workflow task that delivered the fired timer, so wokeMs - targetMs is the timer's
 * lateness as the workflow sees it (never negative unless a timer fires early).
 */
export async function timerProbeWorkflow(targetMs: number): Promise<TimerProbeResult> {
  const wait = targetMs - Date.now();
  if (wait > 0) await sleep(wait);
  return { targetMs, wokeMs: Date.now(), startedLate: wait <= 0 };
}
