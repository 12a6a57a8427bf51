// Live inboxes: 200 signed-in approvers of one department hold GET /api/tasks/events open on the real stack of
// tools/load (Temporal dev server, worker, API on SQLite); the window accepts a five-department case, the
// worker's projection writes the department's Task row, and the `tasks` event must reach every inbox within 1 s.
// The delay of each arrival counts from the projection write: this process watches the department's
// TaskFeedVersion row (which the database's triggers bump in the same transaction as the Task write) every 2 ms
// and takes the first read that shows the new version as the write time (so the write is at most ~2 ms + one
// read earlier, and the delays are that much too short at most).
// Baseline in the same run: the same number of connections to a bare SSE server in this process (node:http, no
// session, no poller) that writes one event to all of them at once: what the fan-out itself costs on this host.
//
// Run: npx tsx tools/bench/inbox-events.bench.ts [--clients 200] [--events 10]
// Prints a markdown table; writes tmp/bench/inbox-events.json.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { hashPassword } from '@onewindow/api';
import { createPrismaClient } from '@onewindow/db';
import { CaseDriver } from '../load/case-driver';
import { prepareFiveDepartmentCase } from '../load/load-fixtures';
import { startLoadStack, type LoadStack } from '../load/load-stack';
import { sleepMs } from '../load/stats';
import { hostAfterLine, hostNow, ms, summarize, waitForOpenTasks, writeResult } from './bench-report';

const { values: args } = parseArgs({
  options: { clients: { type: 'string', default: '200' }, events: { type: 'string', default: '10' } },
});
const clientCount = Number(args.clients);
const eventCount = Number(args.events);
const password = 'OneWindow-bench-2026';
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** One open event stream: the times (performance.now()) at which each `tasks` event arrived. */
interface Stream {
  arrivals: number[];
  connected: Promise<void>;
  close(): void;
}

function openStream(url: string, headers: Record<string, string>): Stream {
  const arrivals: number[] = [];
  let connectedResolve: () => void = () => undefined;
  let connectedReject: (e: Error) => void = () => undefined;
  const connected = new Promise<void>((resolve, reject) => {
    connectedResolve = resolve;
    connectedReject = reject;
  });
  const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
    if (res.statusCode !== 200) {
      connectedReject(new Error(`GET ${url}: HTTP ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      const at = performance.now();
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes(': connected')) connectedResolve();
        if (/^event: tasks$/m.test(block)) arrivals.push(at);
      }
    });
  });
  req.on('error', (error) => connectedReject(error));
  return { arrivals, connected, close: () => req.destroy() };
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: HTTP ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Per event, each stream's delay from `writtenAt` to its first arrival after it (Infinity: none within the wait). */
function delaysAfter(streams: Stream[], writtenAt: number, until: number): number[] {
  return streams.map((s) => {
    const first = s.arrivals.find((a) => a >= writtenAt && a <= until);
    return first === undefined ? Number.POSITIVE_INFINITY : first - writtenAt;
  });
}

/** The bare baseline: an SSE server with no session and no poller that writes one event to every stream at once. */
async function bareFanOut(): Promise<number[]> {
  const responses: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    req.socket.setNoDelay(true);
    res.write(': connected\n\n');
    responses.push(res);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  const streams = Array.from({ length: clientCount }, () => openStream(url, {}));
  await Promise.all(streams.map((s) => s.connected));
  const delays: number[] = [];
  for (let e = 0; e < eventCount; e++) {
    await sleepMs(500);
    const writtenAt = performance.now();
    for (const res of responses) res.write(`id: ${e}\nevent: tasks\ndata: {}\n\n`);
    await sleepMs(1000);
    delays.push(...delaysAfter(streams, writtenAt, performance.now()));
  }
  for (const s of streams) s.close();
  server.closeAllConnections();
  server.close();
  return delays;
}

async function main(): Promise<void> {
  const host = hostNow();
  let stack: LoadStack | undefined;
  const streams: Stream[] = [];
  try {
    stack = await startLoadStack(log);
    const items = await prepareFiveDepartmentCase(stack.databaseUrl);
    const department = items[0].department;
    const db = createPrismaClient(stack.databaseUrl);
    try {
      log(`creating ${clientCount} approvers in ${department}…`);
      const passwordHash = await hashPassword(password);
      const users = Array.from(
        { length: clientCount },
        (_, i) => `bench-inbox-${String(i).padStart(3, '0')}`,
      );
      await db.user.createMany({
        data: users.map((id) => ({
          id,
          username: id,
          displayName: id,
          departmentCode: department,
          passwordHash,
        })),
      });
      await db.userRole.createMany({ data: users.map((userId) => ({ userId, role: 'dept_approver' })) });
      log(`signing in ${clientCount} sessions and opening their event streams…`);
      for (const user of users) {
        const cookie = await signIn(stack.baseUrl, user);
        streams.push(openStream(`${stack.baseUrl}/api/tasks/events`, { cookie }));
      }
      await Promise.all(streams.map((s) => s.connected));
      const driver = await CaseDriver.signIn(stack.baseUrl, items);
      log('warm-up: 2 cases (unmeasured), once the worker runs…');
      const warmUp = [(await driver.open()).caseNo, (await driver.open()).caseNo];
      await waitForOpenTasks(db, warmUp, warmUp.length * items.length, 300_000);
      await sleepMs(3000);

      const version = async () =>
        (await db.taskFeedVersion.findUnique({ where: { departmentCode: department } }))?.version ?? 0;
      const delays: number[] = [];
      const perEvent: { caseNo: string; all: number; missed: number }[] = [];
      for (let e = 0; e < eventCount; e++) {
        const before = await version();
        const accepted = driver.open();
        let writtenAt = 0;
        for (const until = performance.now() + 30_000; performance.now() < until; await sleepMs(2)) {
          if ((await version()) !== before) {
            writtenAt = performance.now();
            break;
          }
        }
        const { caseNo } = await accepted;
        if (writtenAt === 0)
          throw new Error(`case ${caseNo}: no projection write in ${department} within 30 s`);
        // The case's other writes to the department (its step clock, the acceptance) come within the same poll or
        // the next; every stream's first arrival after the first write is its delay.
        await sleepMs(3000);
        const d = delaysAfter(streams, writtenAt, writtenAt + 3000);
        delays.push(...d);
        const reached = d.filter(Number.isFinite);
        perEvent.push({ caseNo, all: Math.max(...reached), missed: d.length - reached.length });
        log(
          `event ${e + 1}/${eventCount} (${caseNo}): ${reached.length}/${d.length} inboxes, the last after ${ms(Math.max(...reached))} ms`,
        );
      }
      for (const s of streams) s.close();

      log('bare baseline: the same fan-out from a bare SSE server…');
      const bare = await bareFanOut();
      const ow = summarize(delays.filter(Number.isFinite));
      const bareSummary = summarize(bare.filter(Number.isFinite));
      const missed = delays.length - ow.n;
      const hostAfter = hostNow();
      console.log(
        `Task events to ${clientCount} connected inboxes of ${department}, ${eventCount} events (a five-department case accepted each), delay from the projection write to the event's arrival\n`,
      );
      console.log(hostAfterLine(host, hostAfter));
      console.log('| what | arrivals | median ms | p95 ms | p99 ms | max ms | all within 1 s |');
      console.log('|---|---:|---:|---:|---:|---:|---|');
      console.log(
        `| OneWindow: GET /api/tasks/events | ${ow.n} of ${delays.length}${missed ? ` (**${missed} missing** after 3 s)` : ''} | ${ms(ow.median)} | ${ms(ow.p95)} | ${ms(ow.p99)} | ${ms(ow.max)} | ${missed === 0 && ow.max <= 1000 ? 'met' : '**missed**'} |`,
      );
      console.log(
        `| bare SSE fan-out (node:http, one write per stream) | ${bareSummary.n} of ${bare.length} | ${ms(bareSummary.median, 2)} | ${ms(bareSummary.p95, 2)} | ${ms(bareSummary.p99, 2)} | ${ms(bareSummary.max, 2)} | |`,
      );
      const file = writeResult('inbox-events', {
        host,
        hostAfter,
        clients: clientCount,
        events: eventCount,
        department,
        oneWindow: { ...ow, missing: missed },
        perEvent,
        bare: bareSummary,
        logDir: stack.logDir,
      });
      console.log(`\nJSON: ${file}`);
    } finally {
      await db.$disconnect();
    }
  } finally {
    for (const s of streams) s.close();
    await stack?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
