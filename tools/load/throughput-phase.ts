// Closed-loop throughput: `concurrency` lanes each run complete cases back to back for `durationS`;
// completed cases/s = cases finished inside the window / window length. Same shape for OneWindow and bare.
import { summarize } from './stats';

export interface ThroughputResult {
  label: string;
  completed: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  caseMs: ReturnType<typeof summarize>;
}

export async function closedLoop(
  label: string,
  concurrency: number,
  durationS: number,
  oneCase: () => Promise<{ totalMs: number }>,
): Promise<ThroughputResult> {
  const start = performance.now();
  const end = start + durationS * 1000;
  const totals: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const lane = async () => {
    while (performance.now() < end) {
      try {
        const { totalMs } = await oneCase();
        if (performance.now() <= end) totals.push(totalMs);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return {
    label,
    completed: totals.length,
    errors,
    firstError,
    seconds: durationS,
    perSecond: totals.length / durationS,
    caseMs: summarize(totals),
  };
}
