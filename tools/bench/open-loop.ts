// The open-loop sender of the HTTP benchmarks: each request at its scheduled time whatever earlier answers do,
// latency counted from the scheduled time (no coordinated omission), the service time (from the actual send) too.
import { sleepMs } from '../load/stats';
import { summarize, type Summary } from './bench-report';

export interface OpenLoopResult {
  sent: number;
  ok: number;
  errors: number;
  firstError?: string;
  fromSchedule: Summary;
  service: Summary;
}

/** Sends k = 0 … count − 1 at t0 + k / rate, whatever earlier answers do. */
export async function openLoop(
  count: number,
  rate: number,
  send: (k: number) => Promise<unknown>,
): Promise<OpenLoopResult> {
  const fromSchedule: number[] = [];
  const service: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    const due = t0 + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleepMs(wait);
    const sentAt = performance.now();
    pending.push(
      send(k).then(
        () => {
          const now = performance.now();
          fromSchedule.push(now - due);
          service.push(now - sentAt);
        },
        (error: unknown) => {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(pending);
  return {
    sent: count,
    ok: fromSchedule.length,
    errors,
    firstError,
    fromSchedule: summarize(fromSchedule),
    service: summarize(service),
  };
}
