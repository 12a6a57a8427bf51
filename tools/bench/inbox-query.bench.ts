// The approver inbox query with 100,000 open tasks (target: p95 < 50 ms for every view and the default sort),
// on SQLite and on PostgreSQL: the API's own taskInboxPage (what GET /api/tasks answers, without HTTP), and as
// the bare baseline the one SQL statement `SELECT … FROM "Task" WHERE … ORDER BY due date LIMIT 20` on the same
// data through the bare driver (better-sqlite3 / pg), in the same run.
//
// Run: npx tsx tools/bench/inbox-query.bench.ts [--tasks=N] [--closed=N] [--rounds=N] [--budget=S] [--db=sqlite,postgresql]
//      (defaults: 100,000 open tasks, 50,000 closed cases, 200 calls per view but at most ~120 s of calls per
//      view and side, both databases).
//      PostgreSQL needs TEST_POSTGRES_URL (a database beside which a scratch database may be created, as for the
//      tests); without it the PostgreSQL half is skipped and says so.
// `--views=mine,department,…` measures only those (the inbox views and `default`, no view: the default sort;
// `<view>:cold` moves the department's feed version before each call, so the view's count is not the kept one).
// `--explain` prints the query plans of the bare statements; `--keep` keeps the databases (prints their URLs).
// Prints a markdown table; writes tmp/bench/inbox-query.json.
import { parseArgs } from 'node:util';
import { createLogger } from '@onewindow/api';
import { taskInboxPage } from '@onewindow/api/src/tasks/task-inbox';
import { toShanghaiDate } from '@onewindow/calendar';
import { inboxViews, listTasksQuerySchema, type InboxView } from '@onewindow/contracts';
import { applyCatalogue, type TestDatabase } from '@onewindow/db';
import { loadSeedCatalogue } from '@onewindow/standards';
import { addDays, bareDriver, bulkInsert, onEachDatabase, rng, type Kind, type Row } from './bench-database';
import { hostAfterLine, hostNow, ms, summarize, writeResult, type Summary } from './bench-report';

const { values: args } = parseArgs({
  options: {
    tasks: { type: 'string', default: '100000' },
    closed: { type: 'string', default: '50000' },
    rounds: { type: 'string', default: '200' },
    db: { type: 'string', default: 'sqlite,postgresql' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    budget: { type: 'string', default: '120' },
    views: {
      type: 'string',
      default: [...inboxViews, 'default', 'department:cold', 'to_claim:cold'].join(','),
    },
  },
});
const openTasks = Number(args.tasks);
const closedCases = Number(args.closed);
const rounds = Number(args.rounds);
const department = 'BENCH-D0';
const approvers = Array.from({ length: 100 }, (_, i) => `bench-u${String(i).padStart(3, '0')}`);
/** Every approver holds the department's approver role: a task offered to its group is in all their 待签收. */
const role = 'dept_approver';
const group = `group:${department}/${role}`;
const pageSize = 20;

/**
 * The data, all in one department (the worst case for its department-wide views): `openTasks` cases in review,
 * each with one open task (70 % held by one of 100 approvers, 10 % by three countersigners, 20 % by nobody yet:
 * offered to the approvers' group, unclaimed, in everyone's 待签收), half of them after a decided first step; 2 % stopped for 补正, 1 % for a special
 * procedure, 1 % resumed after 补正, 5 % with reminders; due dates from 15 days overdue to 60 days ahead; plus
 * `closedCases` issued cases with two decided tasks each (the 已办 history and the decisions and clock events a
 * running system has).
 */
async function seed(
  kind: Kind,
  { db, url }: TestDatabase,
  today: string,
  now: Date,
): Promise<{ rows: Record<string, number>; ms: number }> {
  const t0 = performance.now();
  const random = rng(17);
  const catalogue = loadSeedCatalogue();
  await applyCatalogue(db, catalogue, { label: 'bench', source: 'import', createdBy: 'bench' });
  const itemCodes = (await db.item.findMany({ select: { implementationCode: true }, take: 50 })).map(
    (i) => i.implementationCode,
  );
  const plan = (n: number) =>
    JSON.stringify({
      id: `bench-plan-${n}`,
      nodes: [
        { type: 'department', id: 's1', name: '受理审查', departmentCode: department },
        { type: 'department', id: 's2', name: `部门审批 ${n}`, departmentCode: department },
      ],
    });
  const flowVersions = Array.from({ length: 5 }, (_, n) => ({
    id: `bench-flow-${n}`,
    subjectCode: `bench-subject-${n}`,
    version: 1,
    planJson: plan(n),
    planHash: `hash-${n}`,
    publishedBy: 'bench',
    publishedAt: now,
  }));
  const applicants = Array.from({ length: 20_000 }, (_, i) => ({
    id: `bench-applicant-${i}`,
    kind: i % 5 === 0 ? 'organisation' : 'person',
    idNumber: `BENCH${String(i).padStart(13, '0')}`,
    name: i % 5 === 0 ? `合成企业${i}有限公司` : `张${'三四五六七'[i % 5]}${i % 7 === 0 ? '丰' : ''}`,
    createdAt: now,
  }));
  const cases: Row[] = [];
  const caseItems: Row[] = [];
  const tasks: Row[] = [];
  const holders: Row[] = [];
  const decisions: Row[] = [];
  const clockEvents: Row[] = [];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const total = openTasks + closedCases;
  for (let i = 0; i < total; i++) {
    const open = i < openTasks;
    const caseNo = `YC${today.replaceAll('-', '')}${String(i).padStart(6, '0')}`;
    const acceptedDaysAgo = open ? 1 + Math.floor(random() * 40) : 60 + Math.floor(random() * 300);
    cases.push({
      caseNo,
      applicantId: `bench-applicant-${i % applicants.length}`,
      kind: 'item',
      status: open ? 'in_review' : 'issued',
      flowVersionId: `bench-flow-${i % 5}`,
      acceptedAt: at(acceptedDaysAgo),
      acceptedBy: 'bench-clerk',
      statutoryDueDate: addDays(today, 20 - acceptedDaysAgo),
      createdAt: at(acceptedDaysAgo),
      updatedAt: now,
    });
    caseItems.push({ caseNo, implementationCode: itemCodes[i % itemCodes.length], itemVersion: 1 });
    if (i % 3 === 0)
      caseItems.push({ caseNo, implementationCode: itemCodes[(i + 7) % itemCodes.length], itemVersion: 1 });
    let seq = 0;
    const clock = (clockId: string, kind: string, daysAgo: number, reason?: string) =>
      clockEvents.push({
        id: `${caseNo}:${++seq}`,
        caseNo,
        eventSeq: seq,
        clockId,
        kind,
        at: at(daysAgo),
        reason: reason ?? null,
      });
    const decide = (stepId: string, verb: string, actor: string, daysAgo: number, reason?: string) =>
      decisions.push({
        id: `${caseNo}:d${++seq}`,
        caseNo,
        eventSeq: seq,
        stepId,
        verb,
        actorUserId: actor,
        decidedAt: at(daysAgo),
        reason: reason ?? null,
      });
    const holder = approvers[Math.floor(random() * approvers.length)];
    const doneTask = (stepId: string, daysAgo: number) => {
      const id = `${caseNo}:${stepId}:1`;
      tasks.push({
        id,
        caseNo,
        stepId,
        seq: 1,
        departmentCode: department,
        role: 'dept_approver',
        assigneeUserId: holder,
        state: 'done',
        openedAt: at(daysAgo + 2),
        dueDate: addDays(today, 10 - daysAgo),
        closedAt: at(daysAgo),
        outcome: 'approved',
        claimState: null,
        claimGroup: null,
        clockState: 'running',
        clockReason: null,
      });
      holders.push({ taskId: id, userId: holder });
      clock(`step:${stepId}`, 'start', daysAgo + 2);
      decide(stepId, 'approve', holder, daysAgo);
      clock(`step:${stepId}`, 'stop', daysAgo);
    };
    clock('case', 'start', acceptedDaysAgo);
    if (!open) {
      doneTask('s1', acceptedDaysAgo - 5);
      doneTask('s2', acceptedDaysAgo - 10);
      clock('case', 'stop', acceptedDaysAgo - 10);
      continue;
    }
    if (i % 2 === 0) doneTask('s1', acceptedDaysAgo);
    const id = `${caseNo}:s2:1`;
    const share = random();
    const single = share < 0.7;
    const countersign = !single && share < 0.8;
    const stopped = i % 50 === 0 ? 'supplement' : i % 100 === 1 ? 'special' : undefined;
    const offered = !single && !countersign;
    tasks.push({
      id,
      caseNo,
      stepId: 's2',
      seq: 1,
      departmentCode: department,
      role: 'dept_approver',
      assigneeUserId: single ? holder : null,
      state: 'open',
      openedAt: at(acceptedDaysAgo),
      dueDate: stopped ? null : addDays(today, Math.floor(random() * 76) - 15),
      closedAt: null,
      outcome: null,
      // 签收: offered to the department's approver group (its seat is the holder row), waiting to be claimed.
      claimState: offered ? 'unclaimed' : null,
      claimGroup: offered ? group : null,
      // The step clock as the projection writes it with the clock events below.
      clockState:
        stopped === 'supplement' ? 'supplement' : stopped === 'special' ? 'special_procedure' : 'running',
      clockReason: stopped === 'supplement' ? '补正' : stopped === 'special' ? '特别程序：现场勘验' : null,
    });
    if (single) holders.push({ taskId: id, userId: holder });
    if (offered) holders.push({ taskId: id, userId: group });
    if (countersign)
      for (let k = 0; k < 3; k++)
        holders.push({
          taskId: id,
          userId: approvers[(approvers.indexOf(holder) + k * 31) % approvers.length],
        });
    clock('step:s2', 'start', acceptedDaysAgo);
    if (stopped === 'supplement' || i % 100 === 2) {
      decide('s2', 'return_for_supplement', holder, 1, '缺少营业执照副本');
      clock('step:s2', 'suspend', 1, '补正');
      if (i % 100 === 2) {
        decide('s2', 'supplement_submitted', 'bench-clerk', 0.5);
        clock('step:s2', 'resume', 0.5);
      }
    }
    if (stopped === 'special') {
      decide('s2', 'special_procedure_started', holder, 1, '现场勘验');
      clock('step:s2', 'suspend', 1, '特别程序：现场勘验');
    }
    if (i % 20 === 3) clock('step:s2', 'reminder', 0.2, '催办');
  }
  const counts: Record<string, number> = {};
  const tables: [string, Row[]][] = [
    ['FlowVersion', flowVersions],
    ['Applicant', applicants],
    ['Case', cases],
    ['CaseItem', caseItems],
    ['Task', tasks],
    ['TaskHolder', holders],
    ['Decision', decisions],
    ['ClockEvent', clockEvents],
  ];
  for (const [table, rows] of tables) {
    const t = performance.now();
    await bulkInsert(kind, url, table, rows);
    counts[table] = rows.length;
    console.error(`  ${table}: ${rows.length} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return { rows: counts, ms: performance.now() - t0 };
}

/** The bare statement of each view: the Task page with the view's state and holder filter, in the inbox's order. */
function bareSql(view: InboxView | 'default'): { sql: string; params: (me: string) => unknown[] } {
  const holds = `("assigneeUserId" = $2 OR EXISTS (SELECT 1 FROM "TaskHolder" h WHERE h."taskId" = t."id" AND h."userId" = $2))`;
  const order = `ORDER BY "dueDate" ASC NULLS LAST, "caseNo" ASC, "stepId" ASC LIMIT ${pageSize}`;
  const where = (extra: string) => `SELECT * FROM "Task" t WHERE "departmentCode" = $1 AND ${extra} ${order}`;
  switch (view) {
    case 'to_claim':
      // 待签收: unclaimed tasks held by my group's seat (or naming me).
      return {
        sql: where(
          `"state" = 'open' AND "claimState" = 'unclaimed' AND EXISTS (SELECT 1 FROM "TaskHolder" h WHERE h."taskId" = t."id" AND h."userId" IN ($2, $3))`,
        ),
        params: (me) => [department, group, me],
      };
    case 'mine':
      return { sql: where(`"state" = 'open' AND ${holds}`), params: (me) => [department, me] };
    case 'done':
      return { sql: where(`"state" = 'done' AND ${holds}`), params: (me) => [department, me] };
    case 'supplement':
    case 'special':
      // Open tasks whose step clock stands for 补正 / a special procedure (the projection's clockState).
      return {
        sql: where(`"state" = 'open' AND "clockState" = $2`),
        params: () => [department, view === 'supplement' ? 'supplement' : 'special_procedure'],
      };
    case 'department':
    case 'default':
      return { sql: where(`"state" = 'open'`), params: () => [department] };
  }
}

/**
 * `n` timed calls after 20 warm-up calls; a slow view stops earlier: the warm-up after a quarter of the budget
 * (at least one call), the timed calls after the budget once 10 are done (the table gives the count). `before`
 * runs before each call, untimed.
 */
async function time(
  fn: (round: number) => Promise<unknown>,
  n: number,
  before: () => Promise<unknown> = async () => undefined,
): Promise<number[]> {
  const budgetMs = Number(args.budget) * 1000;
  const start = performance.now();
  for (let i = 0; i < 20 && (i === 0 || performance.now() - start < budgetMs / 4); i++) {
    await before();
    await fn(i);
  }
  const times: number[] = [];
  const timed = performance.now();
  for (let i = 0; i < n && (i < 10 || performance.now() - timed < budgetMs); i++) {
    await before();
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return times;
}

interface ViewResult {
  view: string;
  total: number;
  api: Summary;
  bare: Summary;
  /** The API's query failed (then api is empty). */
  error?: string;
}

async function measure(
  kind: Kind,
  database: TestDatabase,
): Promise<{
  seed: Awaited<ReturnType<typeof seed>>;
  views: ViewResult[];
  plans: Record<string, string>;
}> {
  const now = new Date();
  const today = toShanghaiDate(now.getTime());
  console.error(`${kind}: seeding ${openTasks} open tasks and ${closedCases} closed cases…`);
  const seeded = await seed(kind, database, today, now);
  console.error(`${kind}: seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${JSON.stringify(seeded.rows)}`);
  // Statistics as each database has them in service: PostgreSQL's autovacuum analyzes a table after bulk writes
  // (done here at once); nothing in OneWindow runs ANALYZE on SQLite, so its planner works without statistics.
  if (kind === 'postgresql') await database.db.$executeRawUnsafe('VACUUM ANALYZE');
  const deps = { db: database.db, logger: createLogger('silent') };
  const bare = await bareDriver(kind, database.url);
  const views: ViewResult[] = [];
  const plans: Record<string, string> = {};
  try {
    for (const name of args.views.split(',')) {
      // `<view>:cold`: the department's feed version moves before each call (as a write of one of its tasks
      // would, untimed), so the API counts the view again instead of using the count it kept.
      const cold = name.endsWith(':cold');
      const view = name.replace(/:cold$/, '') as InboxView | 'default';
      const bump = async () =>
        cold &&
        database.db
          .$executeRaw`UPDATE "TaskFeedVersion" SET "version" = "version" + 1 WHERE "departmentCode" = ${department}`;
      const query = listTasksQuerySchema.parse({
        department,
        ...(view === 'default' ? {} : { view }),
        pageSize,
      });
      const me = (round: number) => ({ id: approvers[round % approvers.length], roles: [role] });
      let total = 0;
      let api: number[] = [];
      let error: string | undefined;
      try {
        api = await time(
          async (round) => {
            total = (await taskInboxPage(deps, query, me(round), now)).total;
          },
          rounds,
          bump,
        );
      } catch (e) {
        // A view that fails is a result too (the table says why); the other views are still measured.
        error = (e instanceof Error ? e.message : String(e)).split('\n').filter(Boolean).pop();
      }
      const { sql, params } = bareSql(view);
      const bareTimes = await time((round) => bare.query(sql, params(me(round).id)), rounds);
      if (args.explain && !cold) plans[view] = await bare.explain(sql, params(approvers[0]));
      views.push({
        view: name,
        total,
        api: summarize(api),
        bare: summarize(bareTimes),
        ...(error ? { error } : {}),
      });
      console.error(
        `${kind} ${name}: p95 ${ms(summarize(api).p95)} ms (bare ${ms(summarize(bareTimes).p95)})`,
      );
    }
  } finally {
    await bare.close();
  }
  return { seed: seeded, views, plans };
}

async function main(): Promise<void> {
  const host = hostNow();
  const results = await onEachDatabase(args.db.split(',') as Kind[], measure, { keep: args.keep });
  const hostAfter = hostNow();
  console.log(
    `Inbox query (taskInboxPage, page 1 of ${pageSize}) — ${openTasks} open tasks in one department + ${closedCases} closed cases; up to ${rounds} calls per view after up to 20 warm-up calls (slow views: fewer, see calls)\n`,
  );
  console.log(hostAfterLine(host, hostAfter));
  console.log(
    '| database | view | rows in view | calls | API median ms | API p95 ms | bare SQL median ms | bare SQL p95 ms | p95 < 50 ms |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const [kind, result] of Object.entries(results)) {
    if (!result) continue;
    if ('skipped' in result) {
      console.log(`| ${kind} | skipped: ${result.skipped} | | | | | | | |`);
      continue;
    }
    for (const v of result.views)
      console.log(
        `| ${kind} | ${v.view} | ${v.error ? '–' : v.total} | ${v.api.n} | ${v.error ? `fails: ${v.error}` : ms(v.api.median)} | ${ms(v.api.p95)} | ${ms(v.bare.median, 2)} | ${ms(v.bare.p95, 2)} | ${v.api.p95 < 50 ? 'met' : '**missed**'} |`,
      );
    if (args.explain)
      for (const [view, plan] of Object.entries(result.plans)) console.log(`\n${kind} ${view}:\n${plan}`);
  }
  const file = writeResult('inbox-query', {
    host,
    hostAfter,
    openTasks,
    closedCases,
    rounds,
    pageSize,
    department,
    results,
  });
  console.log(`\nJSON: ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
