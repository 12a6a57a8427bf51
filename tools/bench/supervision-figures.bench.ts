// The supervision figures (GET /api/supervision/figures without HTTP: the API's own supervisionFigures) over
// 100,000 cases on SQLite (target: p95 < 300 ms): every department (the centre supervisor's view) and one
// department (a lead's), for a 30-day period and for a whole year. The cases spread over 10 departments; 20 %
// are open (due dates from 15 days overdue to 30 days ahead), the rest decided within the last year.
//
// Run: npx tsx tools/bench/supervision-figures.bench.ts [--cases=N] [--rounds=N]
//      (defaults: 100,000 cases, 100 calls per kind after 5 warm-up calls).
// Prints a markdown table; writes tmp/bench/supervision-figures.json.
import { parseArgs } from 'node:util';
import { createLogger } from '@onewindow/api';
import { supervisionFigures } from '@onewindow/api/src/supervision/supervision-figures';
import { toShanghaiDate } from '@onewindow/calendar';
import { createSqliteTestDatabase } from '@onewindow/db';
import { hostLine, hostNow, ms, summarize, writeResult, type Summary } from './bench-report';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '100' },
  },
});
const total = Number(args.cases);
const rounds = Number(args.rounds);
const departments = Array.from({ length: 10 }, (_, i) => `BENCH-D${i}`);

/** Deterministic pseudo-random numbers (the same data every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const host = hostNow();
  const database = await createSqliteTestDatabase();
  const db = database.db;
  const now = new Date();
  const today = toShanghaiDate(now.getTime());
  const random = rng(20261216);
  const t0 = performance.now();
  await db.department.createMany({
    data: departments.map((code, i) => ({ code, name: `合成部门${i}`, region: '370800' })),
  });
  const version = await db.catalogueVersion.create({
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
  await db.item.createMany({ data: items });
  await db.applicant.create({ data: { id: 'bench-a', kind: 'person', idNumber: 'BENCH0001', name: '张三' } });
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const chunk = 5_000;
  for (let start = 0; start < total; start += chunk) {
    const cases = [];
    const caseItems = [];
    const tasks = [];
    for (let i = start; i < Math.min(total, start + chunk); i++) {
      const caseNo = `YC20260101${String(i).padStart(6, '0')}`;
      const d = i % departments.length;
      const open = random() < 0.2;
      const openedDaysAgo = open ? Math.floor(random() * 30) : 1 + Math.floor(random() * 365);
      const tookDays = Math.floor(random() * 20);
      cases.push({
        caseNo,
        applicantId: 'bench-a',
        kind: 'item',
        status: open ? 'in_review' : 'issued',
        acceptedAt: at(openedDaysAgo),
        statutoryDueDate: addDays(today, 28 - openedDaysAgo),
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
        closedAt: open ? null : at(Math.max(0, openedDaysAgo - tookDays)),
        outcome: open ? null : 'approved',
      });
    }
    await db.case.createMany({ data: cases });
    await db.caseItem.createMany({ data: caseItems });
    await db.task.createMany({ data: tasks });
  }
  const seedMs = performance.now() - t0;
  console.error(`seeded ${total} cases in ${(seedMs / 1000).toFixed(1)} s`);

  const deps = { db, logger: createLogger('silent') };
  const kinds: { name: string; scope: string[] | null; from: string }[] = [
    { name: 'every department, 30 days', scope: null, from: addDays(today, -30) },
    { name: 'one department, 30 days', scope: [departments[3]], from: addDays(today, -30) },
    { name: 'every department, 365 days', scope: null, from: addDays(today, -365) },
    { name: 'one department, 365 days', scope: [departments[3]], from: addDays(today, -365) },
  ];
  const results: { name: string; summary: Summary; closed: number }[] = [];
  for (const kind of kinds) {
    const call = () => supervisionFigures(deps, kind.scope, { from: kind.from, to: today, on: today });
    for (let w = 0; w < 5; w++) await call();
    const times: number[] = [];
    let closed = 0;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      const answer = await call();
      times.push(performance.now() - t);
      closed = answer.departments.reduce((n, dep) => n + dep.closed, 0);
    }
    results.push({ name: kind.name, summary: summarize(times), closed });
  }
  await database.dispose();

  console.log(`\nSupervision figures over ${total.toLocaleString('en')} cases, SQLite — ${hostLine(host)}\n`);
  console.log('| kind | tasks decided in the period | median ms | p95 ms | max ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.closed.toLocaleString('en')} | ${ms(r.summary.median)} | ${ms(r.summary.p95)} | ${ms(r.summary.max)} |`,
    );
  const file = writeResult('supervision-figures', { host, cases: total, rounds, seedMs, results });
  console.log(`\n${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
