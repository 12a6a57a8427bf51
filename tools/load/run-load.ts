// Load run for the performance targets: complete OneWindow cases through the API vs a bare Temporal baseline on the same
// server, decision latency at a fixed rate, timer lateness, and memory per open case. Prints markdown.
// Run: npx tsx tools/load/run-load.ts [--duration 300] [--concurrency 16] [--decision-rate 50] [--timers 10000] [--open-cases 10000] [--phases …]
import os from 'node:os';
import { BareDriver } from './bare-driver';
import { CaseDriver } from './case-driver';
import { openLoopBareDecisions, openLoopDecisions } from './latency-phase';
import { parseLoadOptions, usage, UsageError, type LoadOptions } from './load-options';
import { prepareFiveDepartmentCase } from './load-fixtures';
import { startLoadStack, type LoadStack } from './load-stack';
import { openCasesMemory } from './memory-phase';
import { cpuDuring } from './process-cpu';
import { mib, treeRssBytes } from './process-rss';
import { fmt, markdownTable, summarize, verdict, type ReportRow } from './stats';
import { closedLoop, type ThroughputResult } from './throughput-phase';
import { timerLateness } from './timer-phase';

const log = (line: string) =>
  process.stderr.write(`[load ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

let stack: LoadStack | undefined;
let stopping: Promise<void> | undefined;
const stopStack = () =>
  (stopping ??= (stack?.stop() ?? Promise.resolve()).catch((e: unknown) => {
    log(`stop: ${String(e)}`);
  }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping everything this run started…`);
    void stopStack().finally(() => process.exit(130));
  });
}

async function main(options: LoadOptions): Promise<void> {
  const began = new Date();
  log('starting Temporal dev server, worker, API, bare worker…');
  stack = await startLoadStack(log, options.temporalConfig);
  log(`child process logs: ${stack.logDir}`);
  const items = await prepareFiveDepartmentCase(stack.databaseUrl);
  const driver = await CaseDriver.signIn(stack.baseUrl, items);
  const bare = await BareDriver.connect(stack.temporalAddress);
  const pids = { temporal: stack.pids.temporal, worker: stack.pids.worker, api: stack.pids.api };
  try {
    // Warm-up (unmeasured): the workers bundle their workflows and the caches fill; waits until both serve.
    log('warm-up…');
    for (let i = 0; i < 3; i++) await Promise.all([driver.complete(), bare.complete()]);
    await closedLoop('warm-up', options.concurrency, 5, () => driver.complete());
    await closedLoop('warm-up', options.concurrency, 5, () => bare.complete());

    let oneWindow: ThroughputResult | undefined;
    const parts = { accept: [] as number[], decision: [] as number[], issue: [] as number[], retries: 0 };
    let baseline: ThroughputResult | undefined;
    const cpu: { oneWindow?: Record<string, number>; baseline?: Record<string, number> } = {};
    // The bare worker serves only the baseline; cpuDuring adds this process (the generator).
    const cpuPids = { ...pids, bareWorker: stack.pids.bareWorker };
    if (options.phases.includes('throughput')) {
      log(`throughput: OneWindow complete cases, ${options.concurrency} in flight, ${options.duration} s…`);
      const retriesBefore = driver.notReadyRetries;
      const measured = await cpuDuring(cpuPids, () =>
        closedLoop('OneWindow', options.concurrency, options.duration, async () => {
          const t = await driver.complete();
          parts.accept.push(t.acceptMs);
          parts.decision.push(...t.decisionMs);
          parts.issue.push(t.issueMs);
          return t;
        }),
      );
      [oneWindow, cpu.oneWindow] = [measured.result, measured.cpuSeconds];
      parts.retries = driver.notReadyRetries - retriesBefore;
      log(`throughput: OneWindow ${fmt(oneWindow.perSecond, 2)} cases/s; settling…`);
      await new Promise((r) => setTimeout(r, 10_000));
      log(`throughput: bare baseline, ${options.concurrency} in flight, ${options.duration} s…`);
      const bareMeasured = await cpuDuring(cpuPids, () =>
        closedLoop('bare', options.concurrency, options.duration, () => bare.complete()),
      );
      [baseline, cpu.baseline] = [bareMeasured.result, bareMeasured.cpuSeconds];
      log(`throughput: bare ${fmt(baseline.perSecond, 2)} cases/s`);
    }
    // A phase that fails is logged and left out of the report; the others still run.
    const guarded = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
      try {
        const result = await run();
        log(`${name}: ${JSON.stringify(result)}`);
        return result;
      } catch (error) {
        log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    const running = stack;
    const latency = options.phases.includes('latency')
      ? await guarded('latency', () =>
          openLoopDecisions(driver, running.databaseUrl, options.decisionRate, options.latencyDuration, log),
        )
      : undefined;
    const bareLatency = options.phases.includes('latency')
      ? await guarded('latency (bare)', () =>
          openLoopBareDecisions(bare, options.decisionRate, options.latencyDuration, log),
        )
      : undefined;
    const timers = options.phases.includes('timers')
      ? await guarded('timers', () => timerLateness(running.temporalAddress, options.timers, cpuPids, log))
      : undefined;
    const memory = options.phases.includes('memory')
      ? await guarded('memory', () =>
          openCasesMemory(driver, running.databaseUrl, pids, options.openCases, 20 * 60, log),
        )
      : undefined;
    const rssNow = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, mib(treeRssBytes(pid))]));
    process.stdout.write(
      report(options, began, {
        parts,
        oneWindow,
        baseline,
        cpu,
        latency,
        bareLatency,
        timers,
        memory,
        rssNow,
      }) + '\n',
    );
  } finally {
    await bare.close().catch(() => undefined);
    log('stopping the stack…');
    await stopStack();
  }
}

function report(
  o: LoadOptions,
  began: Date,
  r: {
    latency?: import('./latency-phase').LatencyResult;
    bareLatency?: import('./latency-phase').LatencyResult;
    timers?: import('./timer-phase').TimerResult;
    memory?: import('./memory-phase').MemoryResult;
    parts: { accept: number[]; decision: number[]; issue: number[]; retries: number };
    oneWindow?: ThroughputResult;
    baseline?: ThroughputResult;
    cpu: { oneWindow?: Record<string, number>; baseline?: Record<string, number> };
    rssNow: Record<string, number>;
  },
): string {
  const rows: ReportRow[] = [];
  const { oneWindow: ow, baseline: bl, latency: lat, timers: tm, memory: mem } = r;
  if (ow && bl) {
    const ratio = ow.perSecond / bl.perSecond;
    rows.push({
      measure: 'completed cases/s, OneWindow (API → 5 approvals → issue)',
      value: `${fmt(ow.perSecond, 2)} (${ow.completed} in ${ow.seconds} s; errors ${ow.errors})`,
      target: '≥ 10',
      verdict: verdict(ow.perSecond >= 10),
      notes: `closed loop, ${o.concurrency} cases in flight; case p50 ${fmt(ow.caseMs.p50, 0)} ms, p99 ${fmt(ow.caseMs.p99, 0)} ms${ow.firstError ? `; first error: ${ow.firstError.slice(0, 120)}` : ''}`,
    });
    rows.push({
      measure: 'completed cases/s, bare baseline (client → start, 5 Updates, result)',
      value: `${fmt(bl.perSecond, 2)} (${bl.completed} in ${bl.seconds} s; errors ${bl.errors})`,
      target: '–',
      verdict: '–',
      notes: `same server, same concurrency; case p50 ${fmt(bl.caseMs.p50, 0)} ms, p99 ${fmt(bl.caseMs.p99, 0)} ms`,
    });
    const [a, d, i] = [summarize(r.parts.accept), summarize(r.parts.decision), summarize(r.parts.issue)];
    rows.push({
      measure: 'OneWindow case, per request (throughput phase)',
      value: `accept p50 ${fmt(a.p50, 0)} / p99 ${fmt(a.p99, 0)} ms; approve p50 ${fmt(d.p50, 0)} / p99 ${fmt(d.p99, 0)} ms; issue p50 ${fmt(i.p50, 0)} / p99 ${fmt(i.p99, 0)} ms`,
      target: '–',
      verdict: '–',
      notes: `approvals answered 409 "still starting" / "No registered handler" and re-sent (workflow still in its first loadCalendar activity): ${r.parts.retries}`,
    });
    rows.push({
      measure: 'CPU per completed case, by process (ms)',
      value: `OneWindow: ${cpuPerCase(r.cpu.oneWindow, ow.completed)}; bare: ${cpuPerCase(r.cpu.baseline, bl.completed)}`,
      target: '–',
      verdict: '–',
      notes: `user + system CPU of each process tree during the measurement, / completed cases; the machine has ${os.cpus().length} cores`,
    });
    rows.push({
      measure: 'OneWindow / bare',
      value: fmt(ratio, 2),
      target: '≥ 0.5',
      verdict: verdict(ratio >= 0.5),
      notes: 'same machine, same run',
    });
  }
  if (lat) {
    rows.push({
      measure: `decision latency at ${lat.rate}/s (HTTP in → Update completed → response)`,
      value: `p50 ${fmt(lat.fromSchedule.p50)} ms, p99 ${fmt(lat.fromSchedule.p99)} ms, max ${fmt(lat.fromSchedule.max)} ms`,
      target: 'p50 ≤ 25 ms, p99 ≤ 150 ms',
      verdict: verdict(lat.fromSchedule.p50 <= 25 && lat.fromSchedule.p99 <= 150 && lat.errors === 0),
      notes: latencyNotes(lat),
    });
  }
  const bareLat = r.bareLatency;
  if (bareLat) {
    rows.push({
      measure: `bare Update latency at ${bareLat.rate}/s (client → Update completed; same schedule, same cache pattern)`,
      value: `p50 ${fmt(bareLat.fromSchedule.p50)} ms, p99 ${fmt(bareLat.fromSchedule.p99)} ms, max ${fmt(bareLat.fromSchedule.max)} ms`,
      target: '–',
      verdict: '–',
      notes: latencyNotes(bareLat),
    });
  }
  if (tm) {
    rows.push({
      measure: `timer lateness, ${tm.measured} timers due in one minute`,
      value: `early ${tm.early}; p50 ${fmt(tm.lateness.p50, 0)} ms, p99 ${fmt(tm.lateness.p99, 0)} ms, max ${fmt(tm.lateness.max, 0)} ms`,
      target: 'never early; p99 ≤ 1000 ms (N = 10,000)',
      verdict: verdict(
        tm.early === 0 && tm.lateness.p99 <= 1000 && tm.measured >= 10_000
          ? true
          : tm.early === 0 && tm.lateness.p99 <= 1000
            ? undefined
            : false,
      ),
      notes: `requested ${tm.requested}, started ${tm.started} in ${fmt(tm.startSeconds)} s, started after target ${tm.startedLate}, missing ${tm.missing}; workflow clock at wake-up − target`,
    });
    rows.push({
      measure: 'timers: delivery rate and CPU per fired timer, by process (ms)',
      value: `${fmt(tm.measured / Math.max(tm.drainSeconds, 1), 0)} wake-ups/s (the last ${fmt(tm.drainSeconds, 0)} s after the first target; due: ${fmt(tm.measured / 60, 0)}/s); ${cpuPerCase(tm.cpuSeconds, tm.measured)}`,
      target: '–',
      verdict: '–',
      notes: `user + system CPU of each process tree from the first target until every result was read (includes reading the results), / timers; the machine has ${os.cpus().length} cores`,
    });
  }
  if (mem) {
    const parts = Object.keys(mem.after)
      .map((k) => `${k} ${fmt(mem.before[k], 0)}→${fmt(mem.after[k], 0)} MiB`)
      .join(', ');
    rows.push({
      measure: `RSS growth per 10,000 open cases (opened ${mem.opened})`,
      value: `${fmt(mem.per10kGiB, 2)} GiB${mem.opened < 10_000 ? ' (extrapolated)' : ''}`,
      target: '≤ 0.5 GiB',
      verdict: verdict(mem.per10kGiB <= 0.5),
      notes: `growth ${fmt(mem.growthMiB, 0)} MiB over ${mem.opened} cases opened in ${fmt(mem.openSeconds, 0)} s (errors ${mem.errors}); ${parts}`,
    });
  }
  const cpu = os.cpus();
  return [
    `## OneWindow load run ${began.toISOString()}`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}. ` +
      'Temporal dev server (SQLite file), worker, API (SQLite file), bare worker and this generator share the machine.',
    `Flags: --duration ${o.duration} --concurrency ${o.concurrency} --decision-rate ${o.decisionRate} --latency-duration ${o.latencyDuration} --timers ${o.timers} --open-cases ${o.openCases} --phases ${o.phases.join(',')}` +
      Object.entries(o.temporalConfig)
        .map(([k, v]) => ` --temporal-config ${k}=${JSON.stringify(v)}`)
        .join('') +
      `. Workers: WORKER_CACHED_CASES=${process.env.WORKER_CACHED_CASES ?? 'default'}, WORKER_WORKFLOW_THREADS=${process.env.WORKER_WORKFLOW_THREADS ?? 'default'}.`,
    '',
    markdownTable(rows),
    '',
    `RSS at the end: ${Object.entries(r.rssNow)
      .map(([k, v]) => `${k} ${fmt(v, 0)} MiB`)
      .join(', ')}.`,
  ].join('\n');
}

const latencyNotes = (lat: import('./latency-phase').LatencyResult): string =>
  `open loop ${lat.seconds} s, ${lat.ok}/${lat.sent} ok, errors ${lat.errors}, skipped ${lat.skipped}, sent at ${fmt(lat.achievedRate)}/s; service time p50 ${fmt(lat.service.p50)} / p99 ${fmt(lat.service.p99)} ms${lat.firstError ? `; first error: ${lat.firstError.slice(0, 120)}` : ''}`;

const cpuPerCase = (seconds: Record<string, number> | undefined, completed: number): string =>
  seconds && completed > 0
    ? Object.entries(seconds)
        .map(([name, s]) => `${name} ${fmt((s * 1000) / completed, 0)}`)
        .join(', ')
    : '–';

let options: LoadOptions | 'help';
try {
  options = parseLoadOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n${usage}\n`);
  process.exit(2);
}
if (options === 'help') {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
main(options).then(
  () => process.exit(0),
  async (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopStack();
    process.exit(1);
  },
);
