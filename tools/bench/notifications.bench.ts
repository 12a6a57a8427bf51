// The notification centre's list (GET /api/notifications without HTTP: the API's own listNotifications) over
// 100,000 cases with one task row each, on SQLite and on PostgreSQL. The bell reads it on every task event of the
// user's department, so it must stay cheap however large the tables grow. The data: 10 departments of 10 approvers
// and a lead each; 20 % of the tasks open, a tenth of those waiting for the department's role group; the tasks
// opened over the last 120 days; per open task a workflow reminder, and 催办, escalations, 补正 and extension
// decisions and 差评 orders besides (see seed()). Measured: an approver's list (about 1,000 tasks held) and a
// lead's, each `rounds` times after 5 warm-up calls.
//
// Run: npx tsx tools/bench/notifications.bench.ts [--cases=N] [--rounds=N] [--db=sqlite,postgresql]
//      PostgreSQL needs TEST_POSTGRES_URL (a database beside which a scratch database may be created).
// Prints a markdown table; writes tmp/bench/notifications.json.
import { parseArgs } from 'node:util';
import { listNotifications } from '@onewindow/api/src/notifications/notifications.service';
import type { TestDatabase } from '@onewindow/db';
import { bulkInsert, onEachDatabase, type Kind, type Row } from './bench-database';
import { hostLine, hostNow, ms, summarize, writeResult, type Summary } from './bench-report';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '100' },
    db: { type: 'string', default: 'sqlite,postgresql' },
  },
});
const total = Number(args.cases);
const rounds = Number(args.rounds);
const departments = Array.from({ length: 10 }, (_, i) => `BENCH-D${i}`);
const approvers = (d: string) => Array.from({ length: 10 }, (_, i) => `${d}-a${i}`);

/** Deterministic pseudo-random numbers (the same data on both databases). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

async function seed(kind: Kind, { db, url }: TestDatabase, now: Date): Promise<void> {
  const rnd = random(42);
  const at = (maxDays: number) => new Date(now.getTime() - Math.floor(rnd() * maxDays * 86_400_000));
  const cases: Row[] = [];
  const tasks: Row[] = [];
  const holders: Row[] = [];
  const clocks: Row[] = [];
  const decisions: Row[] = [];
  const orders: Row[] = [];
  for (let i = 0; i < total; i++) {
    const caseNo = `BENCH${String(i).padStart(9, '0')}`;
    const d = departments[i % departments.length];
    const open = rnd() < 0.2;
    const group = open && rnd() < 0.1;
    const holder = approvers(d)[Math.floor(rnd() * 10)];
    const openedAt = at(120);
    const id = `${caseNo}:item_X:1`;
    cases.push({
      caseNo,
      applicantId: 'A1',
      kind: 'item',
      status: open ? 'in_review' : 'decided',
      updatedAt: openedAt,
    });
    tasks.push({
      id,
      caseNo,
      stepId: 'item_X',
      seq: 1,
      departmentCode: d,
      role: 'dept_approver',
      assigneeUserId: group ? null : holder,
      state: open ? 'open' : 'done',
      openedAt,
      dueDate: '2026-12-31',
      closedAt: open ? null : new Date(openedAt.getTime() + 3 * 86_400_000),
      claimState: group ? 'unclaimed' : null,
      claimGroup: group ? `group:${d}/dept_approver` : null,
    });
    holders.push({ taskId: id, userId: group ? `group:${d}/dept_approver` : holder });
    let seq = 2;
    const clock = (kindName: string, payload: Row, when: Date) =>
      clocks.push({
        id: `${caseNo}:${seq}`,
        caseNo,
        eventSeq: seq++,
        clockId: 'step:item_X',
        kind: kindName,
        at: when,
        payload: JSON.stringify(payload),
      });
    if (open) {
      clock(
        'reminder',
        { departmentCode: d, recipients: group ? approvers(d) : [holder], dueDate: '2026-12-31' },
        at(60),
      );
      if (rnd() < 0.1)
        clock('reminder', { urge: true, by: `${d}-lead`, to: [holder], message: '请尽快办理' }, at(30));
      if (rnd() < 0.25)
        clock(
          'overdue',
          { departmentCode: d, role: 'dept_lead', leads: [`${d}-lead`], dueDate: '2026-11-30' },
          at(60),
        );
    }
    const decision = (verb: string, payload: Row) =>
      decisions.push({
        id: `${caseNo}:${seq}`,
        caseNo,
        eventSeq: seq++,
        stepId: 'item_X',
        verb,
        actorUserId: 'clerk',
        payload: JSON.stringify(payload),
        decidedAt: at(90),
      });
    if (rnd() < 0.05) decision('supplement_submitted', { materials: ['补正材料'] });
    if (rnd() < 0.02) decision('extension_approved', { reason: '需现场核查' });
    if (rnd() < 0.005)
      orders.push({
        id: `RO-${i}`,
        evaluationId: `E-${i}`,
        caseNo,
        departmentCode: d,
        deadline: '2026-12-31',
        state: 'open',
        openedAt: at(60),
      });
  }
  await bulkInsert(kind, url, 'Applicant', [
    { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  ]);
  await bulkInsert(kind, url, 'Case', cases);
  // Clock events before the tasks: the live feed's trigger looks up each one's open task (no need here).
  await bulkInsert(kind, url, 'ClockEvent', clocks);
  await bulkInsert(kind, url, 'Decision', decisions);
  await bulkInsert(kind, url, 'Task', tasks);
  await bulkInsert(kind, url, 'TaskHolder', holders);
  await bulkInsert(kind, url, 'RectificationOrder', orders);
  if (kind === 'postgresql') await db.$executeRawUnsafe('ANALYZE');
  console.error(
    `${kind}: ${cases.length} cases, ${tasks.length} tasks, ${clocks.length} clock events, ${decisions.length} decisions, ${orders.length} orders`,
  );
}

async function main(): Promise<void> {
  const host = hostNow();
  const now = new Date();
  const measured = await onEachDatabase(args.db.split(',') as Kind[], async (kind, database) => {
    await seed(kind, database, now);
    const d = departments[3];
    const who = {
      approver: { id: `${d}-a4`, departmentCode: d, roles: ['dept_approver'] },
      lead: { id: `${d}-lead`, departmentCode: d, roles: ['dept_lead'] },
    };
    const users: Record<string, Summary & { items: number; unread: number }> = {};
    for (const [name, me] of Object.entries(who)) {
      for (let i = 0; i < 5; i++) await listNotifications(database.db, me, 20, now);
      const times: number[] = [];
      let last = await listNotifications(database.db, me, 20, now);
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        last = await listNotifications(database.db, me, 20, now);
        times.push(performance.now() - start);
      }
      users[name] = { ...summarize(times), items: last.items.length, unread: last.unread };
    }
    return { users };
  });
  const results: Record<string, Record<string, Summary & { items: number; unread: number }>> = {};
  for (const [kind, r] of Object.entries(measured))
    if ('skipped' in r) console.error('PostgreSQL skipped: TEST_POSTGRES_URL is not set');
    else results[kind] = r.users;
  console.log(
    `Notification list over ${total.toLocaleString('en')} cases (${rounds} calls each). ${hostLine(host)}\n`,
  );
  console.log('| database | user | median ms | p95 ms | max ms | items | unread |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [kind, users] of Object.entries(results))
    for (const [name, s] of Object.entries(users))
      console.log(
        `| ${kind} | ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | ${s.items} | ${s.unread} |`,
      );
  console.error(`written: ${writeResult('notifications', { total, rounds, host, results })}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
