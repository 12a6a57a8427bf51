// Open-loop decision latency: cases are opened first (unmeasured); then approvals are sent on a fixed
// schedule at `rate`/s whatever the answers do, so a slow answer cannot hold back the next request
// (no coordinated omission). Latency = HTTP in → Update completed in the workflow → response, measured at
// the client from the scheduled send time (and from the actual send time, the service time).
import { createPrismaClient } from '@onewindow/db';
import { bareDepartments } from '@onewindow/workflows';
import type { BareDriver } from './bare-driver';
import type { CaseDriver } from './case-driver';
import { boundedPool, sleepMs, summarize } from './stats';

export interface LatencyResult {
  rate: number;
  seconds: number;
  sent: number;
  ok: number;
  errors: number;
  firstError?: string;
  skipped: number;
  achievedRate: number;
  fromSchedule: ReturnType<typeof summarize>;
  service: ReturnType<typeof summarize>;
}

export async function openLoopDecisions(
  driver: CaseDriver,
  databaseUrl: string,
  rate: number,
  durationS: number,
  log: (line: string) => void,
): Promise<LatencyResult> {
  const decisions = Math.max(1, Math.round(rate * durationS));
  const caseCount = Math.ceil(decisions / driver.items.length);
  log(`latency: opening ${caseCount} cases for ${decisions} decisions…`);
  const opened = await boundedPool(
    caseCount,
    8,
    Date.now() + 15 * 60_000,
    async () => (await driver.open()).caseNo,
  );
  if (opened.errors.length)
    log(`latency: ${opened.errors.length} cases failed to open: ${String(opened.errors[0])}`);
  const cases = opened.results;
  // Approvers act from their inbox: wait until every step of these cases is open (its Task row projected),
  // i.e. every workflow is past its start (loadCalendar activity), then let the backlog drain for 5 s.
  const db = createPrismaClient(databaseUrl);
  try {
    const want = cases.length * driver.items.length;
    const until = Date.now() + 300_000;
    let open = 0;
    while (
      Date.now() < until &&
      (open = await db.task.count({ where: { caseNo: { in: cases }, state: 'open' } })) < want
    )
      await sleepMs(1000);
    log(`latency: ${open}/${want} steps open after ${opened.results.length} cases`);
  } finally {
    await db.$disconnect();
  }
  await sleepMs(5000);
  log(`latency: ${decisions} approvals at ${rate}/s…`);
  // Decision k goes to case k mod n, department floor(k / n): one case's five approvals are spread over the run.
  return sendOpenLoop(rate, durationS, decisions, cases.length * driver.items.length, (k) =>
    driver.decide(cases[k % cases.length], driver.items[Math.floor(k / cases.length) % driver.items.length]),
  );
}

/**
 * The same schedule against bare workflows on the same server (no API, database or plan): start as many as the
 * OneWindow run opened cases, then send their Updates in the same order and at the same rate, so both see the
 * same worker-cache pattern. What Temporal itself takes per decision on this machine.
 */
export async function openLoopBareDecisions(
  bare: BareDriver,
  rate: number,
  durationS: number,
  log: (line: string) => void,
): Promise<LatencyResult> {
  const decisions = Math.max(1, Math.round(rate * durationS));
  const caseCount = Math.ceil(decisions / bareDepartments.length);
  log(`latency (bare): starting ${caseCount} bare workflows…`);
  const started = await boundedPool(caseCount, 8, Date.now() + 15 * 60_000, () => bare.start());
  if (started.errors.length)
    log(`latency (bare): ${started.errors.length} failed to start: ${String(started.errors[0])}`);
  const handles = started.results;
  await sleepMs(5000);
  log(`latency (bare): ${decisions} Updates at ${rate}/s…`);
  return sendOpenLoop(rate, durationS, decisions, handles.length * bareDepartments.length, (k) =>
    bare.decide(handles[k % handles.length], bareDepartments[Math.floor(k / handles.length)]),
  );
}

/** Sends decision k = 0 … decisions − 1 at its scheduled time, whatever earlier answers do; k ≥ `available` is skipped. */
async function sendOpenLoop(
  rate: number,
  durationS: number,
  decisions: number,
  available: number,
  send: (k: number) => Promise<unknown>,
): Promise<LatencyResult> {
  const fromSchedule: number[] = [];
  const service: number[] = [];
  let errors = 0;
  let skipped = 0;
  let inFlight = 0;
  let firstError: string | undefined;
  const maxInFlight = 1000;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let k = 0; k < decisions; k++) {
    const due = t0 + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // Fewer cases opened than asked (acceptance errors): never send a second approval of one step.
    if (k >= available || inFlight >= maxInFlight) {
      skipped += 1;
      continue;
    }
    inFlight += 1;
    const sentAt = performance.now();
    pending.push(
      send(k)
        .then(
          () => {
            const now = performance.now();
            fromSchedule.push(now - due);
            service.push(now - sentAt);
          },
          (error: unknown) => {
            errors += 1;
            firstError ??= error instanceof Error ? error.message : String(error);
          },
        )
        .finally(() => (inFlight -= 1)),
    );
  }
  const sendSeconds = (performance.now() - t0) / 1000;
  await Promise.all(pending);
  return {
    rate,
    seconds: durationS,
    sent: decisions - skipped,
    ok: fromSchedule.length,
    errors,
    firstError,
    skipped,
    achievedRate: (decisions - skipped) / sendSeconds,
    fromSchedule: summarize(fromSchedule),
    service: summarize(service),
  };
}
