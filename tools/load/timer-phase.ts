// Timer lateness: N timerProbeWorkflow instances sleep until absolute instants spread evenly over one
// minute; each records the workflow clock (Date.now() in the workflow = the time of the workflow task
// that delivered the fired timer) at wake-up. lateness = woke - target; early = woke < target.
import { Client, Connection } from '@temporalio/client';
import { timerProbeWorkflow, type TimerProbeResult } from '@onewindow/workflows';
import { bareTaskQueue } from './load-stack';
import { cpuDuring } from './process-cpu';
import { boundedPool, summarize } from './stats';

export interface TimerResult {
  requested: number;
  started: number;
  startSeconds: number;
  startedLate: number;
  measured: number;
  early: number;
  lateness: ReturnType<typeof summarize>;
  missing: number;
  /** From the first target to the last wake-up: how long the stack took to deliver every fired timer. */
  drainSeconds: number;
  /** CPU seconds of each process from the first target until every result was read (the probes' wake-ups, plus reading 10,000 results). */
  cpuSeconds: Record<string, number>;
}

export async function timerLateness(
  address: string,
  n: number,
  cpuPids: Record<string, number>,
  log: (line: string) => void,
): Promise<TimerResult> {
  const client = new Client({ connection: await Connection.connect({ address }) });
  try {
    const runId = Date.now().toString(36);
    // Each probe's first workflow task must have run before its target: the bare worker ran ~40 of them a second
    // (2026-12-02; a lead of N × 20 ms left 379 of 10,000 probes started late). A probe that still starts after
    // its target is counted as started late and left out of the lateness.
    const leadMs = n * 60 + 20_000;
    const windowStart = Date.now() + leadMs;
    const target = (i: number) => Math.round(windowStart + (i * 60_000) / n);
    log(
      `timers: starting ${n} probes due between +${Math.round(leadMs / 1000)} s and +${Math.round(leadMs / 1000) + 60} s…`,
    );
    const s0 = Date.now();
    const started = await boundedPool(n, 32, windowStart + 60_000, async (i) => {
      await client.workflow.start(timerProbeWorkflow, {
        workflowId: `timer-${runId}-${i}`,
        taskQueue: bareTaskQueue,
        args: [target(i)],
      });
      return i;
    });
    const startSeconds = (Date.now() - s0) / 1000;
    log(
      `timers: ${started.results.length} started in ${startSeconds.toFixed(1)} s; waiting for the minute to pass…`,
    );
    const untilWindow = windowStart - Date.now();
    if (untilWindow > 0) await new Promise((r) => setTimeout(r, untilWindow));
    const { result: results, cpuSeconds } = await cpuDuring(cpuPids, async () => {
      await new Promise((r) => setTimeout(r, windowStart + 60_000 + 15_000 - Date.now()));
      return boundedPool(started.results.length, 32, Date.now() + 5 * 60_000, async (k) => {
        const i = started.results[k];
        return (await client.workflow.getHandle(`timer-${runId}-${i}`).result()) as TimerProbeResult;
      });
    });
    const probes = results.results;
    const slept = probes.filter((p) => !p.startedLate);
    const lateness = slept.map((p) => p.wokeMs - p.targetMs);
    return {
      requested: n,
      started: started.results.length,
      startSeconds,
      startedLate: probes.length - slept.length,
      measured: slept.length,
      early: lateness.filter((l) => l < 0).length,
      lateness: summarize(lateness),
      missing: started.results.length - probes.length,
      drainSeconds: probes.length > 0 ? (Math.max(...probes.map((p) => p.wokeMs)) - windowStart) / 1000 : 0,
      cpuSeconds,
    };
  } finally {
    await client.connection.close();
  }
}
