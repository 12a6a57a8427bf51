// One approval over HTTP at a steady 10 actions/s (target: p95 < 200 ms round trip, the workflow's Update
// included), on the real stack of tools/load (Temporal dev server, worker, API on SQLite, as child processes).
// Baselines in the same run, on the same server at the same rate and in the same order: the same number of bare
// Temporal Updates on a trivial workflow (bareCaseWorkflow: no API, no database, no plan), and GET /api/health
// (the API's HTTP floor, no Temporal).
//
// Run: npx tsx tools/bench/approval-action.bench.ts [--rate 10] [--duration 60]
// Approvals are sent open loop: each at its scheduled time whatever earlier answers do, and the latency counts
// from the scheduled time (no coordinated omission); the service time (from the actual send) is kept too.
// Prints a markdown table; writes tmp/bench/approval-action.json.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@onewindow/db';
import { bareDepartments } from '@onewindow/workflows';
import { BareDriver } from '../load/bare-driver';
import { CaseDriver } from '../load/case-driver';
import { prepareFiveDepartmentCase } from '../load/load-fixtures';
import { startLoadStack, type LoadStack } from '../load/load-stack';
import { boundedPool, sleepMs } from '../load/stats';
import { hostAfterLine, hostNow, printOpenLoopTable, waitForOpenTasks, writeResult } from './bench-report';
import { openLoop } from './open-loop';

const { values: args } = parseArgs({
  options: { rate: { type: 'string', default: '10' }, duration: { type: 'string', default: '60' } },
});
const rate = Number(args.rate);
const durationS = Number(args.duration);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
  const host = hostNow();
  const decisions = Math.round(rate * durationS);
  let stack: LoadStack | undefined;
  try {
    stack = await startLoadStack(log);
    const items = await prepareFiveDepartmentCase(stack.databaseUrl);
    const driver = await CaseDriver.signIn(stack.baseUrl, items);
    const bare = await BareDriver.connect(stack.temporalAddress);
    log('warm-up: 5 complete cases and 5 bare cases (unmeasured), once the worker runs…');
    const db = createPrismaClient(stack.databaseUrl);
    const first = (await driver.open()).caseNo;
    await waitForOpenTasks(db, [first], items.length, 300_000);
    for (let i = 0; i < 5; i++) await driver.complete();
    for (let i = 0; i < 5; i++) await bare.complete();

    // OneWindow: accept the cases first (unmeasured), wait until every step's Task row is open (an approver acts
    // from the inbox), then approve at `rate`/s: approval k goes to case k mod n, department ⌊k / n⌋.
    const caseCount = Math.ceil(decisions / items.length);
    log(`accepting ${caseCount} cases for ${decisions} approvals…`);
    const opened = await boundedPool(
      caseCount,
      4,
      Date.now() + 15 * 60_000,
      async () => (await driver.open()).caseNo,
    );
    if (opened.errors.length)
      throw new Error(`${opened.errors.length} cases failed to open: ${String(opened.errors[0])}`);
    const cases = opened.results;
    try {
      await waitForOpenTasks(db, cases, cases.length * items.length, 300_000);
    } finally {
      await db.$disconnect();
    }
    await sleepMs(5000);
    log(`${decisions} approvals at ${rate}/s…`);
    const oneWindow = await openLoop(decisions, rate, (k) =>
      driver.decide(cases[k % cases.length], items[Math.floor(k / cases.length) % items.length]),
    );

    log(`starting ${caseCount} bare workflows, then ${decisions} bare Updates at ${rate}/s…`);
    const started = await boundedPool(caseCount, 4, Date.now() + 15 * 60_000, () => bare.start());
    if (started.errors.length) throw new Error(`bare: ${String(started.errors[0])}`);
    const handles = started.results;
    await sleepMs(5000);
    const bareUpdates = await openLoop(decisions, rate, (k) =>
      bare.decide(handles[k % handles.length], bareDepartments[Math.floor(k / handles.length)]),
    );

    log(`${decisions} GET /api/health at ${rate}/s…`);
    const health = await openLoop(decisions, rate, async (k) => {
      const res = await fetch(`${stack!.baseUrl}/api/health`, { headers: { 'x-bench': String(k) } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`health: HTTP ${res.status}`);
    });
    await bare.close();

    const hostAfter = hostNow();
    console.log(
      `Approval round trip at ${rate}/s for ${durationS} s (${decisions} approvals over ${cases.length} five-department cases), open loop, latency from the scheduled send\n`,
    );
    console.log(hostAfterLine(host, hostAfter));
    printOpenLoopTable(200, [
      ['OneWindow: POST /api/cases/:no/actions approve (HTTP → Update → answer)', oneWindow, true],
      ['bare Temporal Update (bareDecide on bareCaseWorkflow)', bareUpdates, false],
      ['bare HTTP: GET /api/health', health, false],
    ]);
    const file = writeResult('approval-action', {
      host,
      hostAfter,
      rate,
      durationS,
      cases: cases.length,
      oneWindow,
      bareUpdates,
      health,
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
