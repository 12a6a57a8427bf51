// 受理 over HTTP at a steady 20 acceptances/s (target: p95 < 150 ms round trip): POST /api/cases validates the
// application against the catalogue, merges the plan, writes applicant, case, items, materials, the start
// command and the request's audit entry in one transaction (SQLite's write lock taken once, docs/decisions/0021),
// and starts the case workflow; the answer comes once Temporal has accepted the start.
// On the real stack of tools/load (Temporal dev server, worker, API on SQLite, as child processes), with a
// five-department application. Baseline in the same run, on the same server at the same rate: the same number
// of bare Temporal workflow starts (bareCaseWorkflow through the client: no API, no database, no plan).
//
// Run: npx tsx tools/bench/acceptance.bench.ts [--rate 20] [--duration 30] [--temporal-config KEY=JSON …]
// Open loop: each request at its scheduled time whatever earlier answers do; latency from the scheduled time
// (no coordinated omission), the service time (from the actual send) kept too. The OneWindow phase runs first,
// so its cases' workflows (each opening five department steps) also load the worker while the bare phase runs.
// Also the CPU each process used per acceptance (user + system, from the first send until the worker has
// projected the last case's steps): what the stack needs of the host's cores at that rate.
// Prints a markdown table; writes tmp/bench/acceptance.json.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@onewindow/db';
import { BareDriver } from '../load/bare-driver';
import { CaseDriver } from '../load/case-driver';
import { prepareFiveDepartmentCase } from '../load/load-fixtures';
import { startLoadStack, type LoadStack } from '../load/load-stack';
import { cpuDuring } from '../load/process-cpu';
import { sleepMs } from '../load/stats';
import {
  hostAfterLine,
  hostNow,
  ms,
  printOpenLoopTable,
  waitForOpenTasks,
  writeResult,
} from './bench-report';
import { openLoop } from './open-loop';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '20' },
    duration: { type: 'string', default: '30' },
    // KEY=JSON, repeatable: a dynamic configuration value for the Temporal dev server (A/B runs of a server setting).
    'temporal-config': { type: 'string', multiple: true, default: [] },
  },
});
const temporalConfig = Object.fromEntries(
  (args['temporal-config'] ?? []).map((pair) => {
    const [key, json] = pair.split(/=(.*)/s, 2);
    return [key, JSON.parse(json ?? 'null')];
  }),
);
const rate = Number(args.rate);
const durationS = Number(args.duration);
const TARGET_P95_MS = 150;
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
  const host = hostNow();
  const count = Math.round(rate * durationS);
  let stack: LoadStack | undefined;
  try {
    stack = await startLoadStack(log, temporalConfig);
    const items = await prepareFiveDepartmentCase(stack.databaseUrl);
    const driver = await CaseDriver.signIn(stack.baseUrl, items);
    const bare = await BareDriver.connect(stack.temporalAddress);
    log('warm-up: 20 acceptances and 20 bare starts (unmeasured), once the worker runs…');
    const db = createPrismaClient(stack.databaseUrl);
    try {
      const first = (await driver.open()).caseNo;
      await waitForOpenTasks(db, [first], items.length, 300_000);
    } finally {
      await db.$disconnect();
    }
    for (let i = 0; i < 20; i++) await driver.open();
    for (let i = 0; i < 20; i++) await bare.start();
    await sleepMs(5000);

    log(`${count} acceptances at ${rate}/s…`);
    const { pids } = stack;
    const measured = await cpuDuring(
      { api: pids.api, worker: pids.worker, temporal: pids.temporal },
      async () => {
        const t0 = performance.now();
        const result = await openLoop(count, rate, () => driver.open());
        const answeredS = (performance.now() - t0) / 1000;
        // Let the worker finish opening the accepted cases' steps before the baseline shares the host.
        await sleepMs(10_000);
        return { result, answeredS };
      },
    );
    const oneWindow = measured.result.result;
    const cpuMs = Object.fromEntries(
      Object.entries(measured.cpuSeconds).map(([name, s]) => [name, (s * 1000) / count]),
    );
    log(`${count} bare workflow starts at ${rate}/s…`);
    const bareStarts = await openLoop(count, rate, () => bare.start());
    await bare.close();

    const hostAfter = hostNow();
    console.log(
      `Acceptance round trip at ${rate}/s for ${durationS} s (${count} five-department applications), open loop, latency from the scheduled send\n`,
    );
    console.log(hostAfterLine(host, hostAfter));
    printOpenLoopTable(TARGET_P95_MS, [
      ['OneWindow: POST /api/cases (validate + merge + persist + start workflow)', oneWindow, true],
      ['bare Temporal workflow start (bareCaseWorkflow)', bareStarts, false],
    ]);
    const total = Object.values(cpuMs).reduce((a, b) => a + b, 0);
    console.log(
      `\nCPU per acceptance (ms, user + system, until 10 s after the last answer): ${Object.entries(cpuMs)
        .map(([name, v]) => `${name} ${ms(v)}`)
        .join(
          ', ',
        )}; in all ${ms(total)} ms, i.e. ${((total * rate) / 1000).toFixed(2)} cores at ${rate}/s. ` +
        `Last answer ${measured.result.answeredS.toFixed(1)} s after the first send (${(count / measured.result.answeredS).toFixed(1)} answered/s).`,
    );
    const file = writeResult('acceptance', {
      host,
      hostAfter,
      rate,
      durationS,
      oneWindow,
      cpuMsPerAcceptance: cpuMs,
      answeredS: measured.result.answeredS,
      bareStarts,
      logDir: stack.logDir,
    });
    console.log(`\nJSON: ${file}`);
  } finally {
    await stack?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
