// The supervision figures (GET /api/supervision/figures without HTTP: the API's own supervisionFigures) over
// 100,000 cases (target: p95 < 300 ms) on SQLite and on PostgreSQL: every department (the centre supervisor's
// view) and one department (a lead's), for a 30-day period and for a whole year. The first call of a kind sums
// the past days from the tasks (kept per day, supervision-figures.ts) and is given apart; the p95 is of the calls
// after it. As the bare baseline, the statements such a call runs (open work, the departments, the count of the
// past days' decided tasks, today's decided tasks) through the bare driver (better-sqlite3 / pg) on the same data,
// in the same run; and, for comparison, the whole period summed from the tasks by the bare driver. The cases spread over 10
// departments; 20 % are open (due dates from 15 days overdue to 30 days ahead), the rest decided within the last
// year.
//
// Run: npx tsx tools/bench/supervision-figures.bench.ts [--cases=N] [--rounds=N] [--db=sqlite,postgresql]
//      (defaults: 100,000 cases, 100 calls per kind and side after 5 warm-up calls, both databases).
//      PostgreSQL needs TEST_POSTGRES_URL (a database beside which a scratch database may be created, as for the
//      tests); without it the PostgreSQL half is skipped and says so. `--explain` prints the bare plans and each
//      statement's median; `--keep` keeps the databases (prints their URLs).
// Prints a markdown table; writes tmp/bench/supervision-figures.json.
import { parseArgs } from 'node:util';
import { createLogger } from '@onewindow/api';
import { supervisionFigures } from '@onewindow/api/src/supervision/supervision-figures';
import {
  decidedCountStatement,
  decidedDaysStatement,
  departmentsStatement,
  openWorkStatement,
} from '@onewindow/api/src/supervision/supervision.repository';
import { toShanghaiDate } from '@onewindow/calendar';
import type { Prisma, TestDatabase } from '@onewindow/db';
import { addDays, bareDriver, bulkInsert, onEachDatabase, rng, type Kind, type Row } from './bench-database';
import { hostLine, hostNow, ms, summarize, writeResult, type Summary } from './bench-report';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '100' },
    db: { type: 'string', default: 'sqlite,postgresql' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const total = Number(args.cases);
const rounds = Number(args.rounds);
const departments = Array.from({ length: 10 }, (_, i) => `BENCH-D${i}`);
const plusDays = addDays;
/** Midnight in Asia/Shanghai at the start of `day` (as the figures bound a period). */
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

async function seed(kind: Kind, database: TestDatabase, now: Date, today: string): Promise<void> {
  const random = rng(20261216);
  const url = database.url;
  await bulkInsert(
    kind,
    url,
    'Department',
    departments.map((code, i) => ({ code, name: `合成部门${i}`, region: '370800' })),
  );
  const version = await database.db.catalogueVersion.create({
    data: { label: 'bench', source: 'seed', createdBy: 'bench' },
  });
  const items = departments.map((code, i) => ({
    id: `BENCH-ITEM-${i}@1`,
    itemKey: `BENCH-ITEM-${i}`,
    basicCode: `BENCH-${i}`,
    implementationCode: `BENCH-ITEM-${i}`,
    name: `合成事项${i}`,
    itemType: '01',
    departmentCode: code,
    version: 1,
    statutoryLimitValue: 20,
    statutoryLimitUnit: 'working_day',
    promisedLimitValue: 5 + i,
    promisedLimitUnit: 'working_day',
    data: '{}',
    catalogueVersionId: version.id,
  }));
  await database.db.item.createMany({ data: items });
  await database.db.applicant.create({
    data: { id: 'bench-a', kind: 'person', idNumber: 'BENCH0001', name: '张三' },
  });
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const chunk = 20_000;
  for (let start = 0; start < total; start += chunk) {
    const cases: Row[] = [];
    const caseItems: Row[] = [];
    const tasks: Row[] = [];
    for (let i = start; i < Math.min(total, start + chunk); i++) {
      const caseNo = `YC20260101${String(i).padStart(6, '0')}`;
      const d = i % departments.length;
      const open = random() < 0.2;
      const openedDaysAgo = open ? Math.floor(random() * 30) : 1 + Math.floor(random() * 365);
      // Up to 20 days, never before it opened: a decision at most today (none piles up on the seeding moment).
      const tookDays = Math.floor(random() * (Math.min(20, openedDaysAgo) + 1));
      cases.push({
        caseNo,
        applicantId: 'bench-a',
        kind: 'item',
        status: open ? 'in_review' : 'issued',
        acceptanceMode: 'normal',
        acceptedAt: at(openedDaysAgo),
        statutoryDueDate: addDays(today, 28 - openedDaysAgo),
        createdAt: at(openedDaysAgo),
        updatedAt: now,
      });
      caseItems.push({ caseNo, implementationCode: items[d].implementationCode, itemVersion: 1 });
      tasks.push({
        id: `${caseNo}:s1:1`,
        caseNo,
        stepId: 's1',
        seq: 1,
        departmentCode: departments[d],
        role: 'dept_approver',
        assigneeUserId: `bench-u${i % 50}`,
        state: open ? 'open' : 'done',
        openedAt: at(openedDaysAgo),
        dueDate: open
          ? addDays(today, Math.floor(random() * 46) - 15)
          : addDays(toShanghaiDate(at(openedDaysAgo).getTime()), 14),
        closedAt: open ? null : at(openedDaysAgo - tookDays),
        outcome: open ? null : 'approved',
        holdersSeq: 0,
        clockState: 'running',
      });
    }
    await bulkInsert(kind, url, 'Case', cases);
    await bulkInsert(kind, url, 'CaseItem', caseItems);
    await bulkInsert(kind, url, 'Task', tasks);
  }
  if (kind === 'postgresql') await database.db.$executeRawUnsafe('VACUUM ANALYZE');
  else await database.db.$executeRawUnsafe('ANALYZE');
}

async function timed(fn: () => Promise<unknown>, n = rounds): Promise<number[]> {
  for (let w = 0; w < 5; w++) await fn();
  const times: number[] = [];
  for (let r = 0; r < n; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

interface KindResult {
  name: string;
  closed: number;
  /** The first call of the kind (the past days summed from the tasks, unless an earlier kind covered them). */
  firstMs: number;
  api: Summary;
  bare: Summary;
  /** The whole period summed from the tasks by the bare driver (what every call would cost without the sums kept). */
  bareUnkept: Summary;
}

async function measure(kind: Kind, database: TestDatabase): Promise<{ seedMs: number; kinds: KindResult[] }> {
  const now = new Date();
  const today = toShanghaiDate(now.getTime());
  const t0 = performance.now();
  await seed(kind, database, now, today);
  const seedMs = performance.now() - t0;
  console.error(`${kind}: seeded ${total} cases in ${(seedMs / 1000).toFixed(1)} s`);
  const db = database.db;
  const deps = { db, logger: createLogger('silent') };
  const bare = await bareDriver(kind, database.url);
  const query = (s: Prisma.Sql) => bare.query(s.text, s.values);
  const kinds: { name: string; scope: string[] | null; from: string }[] = [
    { name: 'every department, 30 days', scope: null, from: addDays(today, -30) },
    { name: 'one department, 30 days', scope: [departments[3]], from: addDays(today, -30) },
    { name: 'every department, 365 days', scope: null, from: addDays(today, -365) },
    { name: 'one department, 365 days', scope: [departments[3]], from: addDays(today, -365) },
  ];
  const results: KindResult[] = [];
  try {
    for (const k of kinds) {
      const call = () => supervisionFigures(deps, k.scope, { from: k.from, to: today, on: today });
      const t = performance.now();
      const answer = await call();
      const firstMs = performance.now() - t;
      const closed = answer.departments.reduce((n, dep) => n + dep.closed, 0);
      const weekEnd = addDays(today, 7);
      // What a call runs once the past is summed: open work, the departments, the count of the past days'
      // decided tasks (all departments) and today's decided tasks.
      const statements = [
        openWorkStatement(k.scope, today, weekEnd),
        departmentsStatement(),
        decidedCountStatement(shanghaiMidnight(k.from), shanghaiMidnight(today)),
        decidedDaysStatement(db, k.scope, shanghaiMidnight(today), shanghaiMidnight(plusDays(today, 1))),
      ];
      const unkept = decidedDaysStatement(
        db,
        k.scope,
        shanghaiMidnight(k.from),
        shanghaiMidnight(plusDays(today, 1)),
      );
      if (args.explain)
        for (const s of [...statements, unkept]) {
          const each = summarize(await timed(() => query(s)));
          console.error(
            `${kind} ${k.name} (median ${ms(each.median)} ms):\n${await bare.explain(s.text, s.values)}\n`,
          );
        }
      const api = summarize(await timed(call));
      const bareTimes = summarize(
        await timed(async () => {
          for (const s of statements) await query(s);
        }),
      );
      const bareUnkept = summarize(await timed(() => query(unkept), Math.min(rounds, 10)));
      console.error(
        `${kind} ${k.name}: first ${ms(firstMs)} ms, p95 ${ms(api.p95)} ms (bare ${ms(bareTimes.p95)} ms; unkept ${ms(bareUnkept.p95)} ms)`,
      );
      results.push({ name: k.name, closed, firstMs, api, bare: bareTimes, bareUnkept });
    }
  } finally {
    await bare.close();
  }
  return { seedMs, kinds: results };
}

async function main(): Promise<void> {
  const host = hostNow();
  const wanted = args.db.split(',') as Kind[];
  const results = await onEachDatabase(wanted, measure, { keep: args.keep });
  console.log(
    `\nSupervision figures over ${total.toLocaleString('en')} cases, ${rounds} calls per kind — ${hostLine(host)}\n`,
  );
  console.log(
    '| database | kind | tasks decided in the period | first call ms | API median ms | API p95 ms | bare SQL median ms | bare SQL p95 ms | bare, whole period from the tasks, p95 ms | p95 < 300 ms |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const kind of wanted) {
    const r = results[kind];
    if (!r) continue;
    if ('skipped' in r) {
      console.log(`| ${kind} | skipped: ${r.skipped} | | | | | | | | |`);
      continue;
    }
    for (const k of r.kinds)
      console.log(
        `| ${kind} | ${k.name} | ${k.closed.toLocaleString('en')} | ${ms(k.firstMs)} | ${ms(k.api.median)} | ${ms(k.api.p95)} | ${ms(k.bare.median)} | ${ms(k.bare.p95)} | ${ms(k.bareUnkept.p95)} | ${k.api.p95 < 300 ? 'met' : '**missed**'} |`,
      );
  }
  const file = writeResult('supervision-figures', {
    host,
    hostAfter: hostNow(),
    cases: total,
    rounds,
    results,
  });
  console.log(`\n${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
