// Micro-benchmarks for libs/calendar; run with `npx tsx tools/bench/calendar.bench.ts`. Prints a markdown table.
import {
  StatutoryClock,
  addWorkingDays,
  createOfficialCalendar,
  workingDaysBetween,
  isWorkingDay,
} from '@onewindow/calendar';

const calendar = createOfficialCalendar();
const dateTable = (year: number) =>
  Array.from({ length: 1024 }, (_, i) =>
    new Date(Date.UTC(year, 0, 1) + ((i * 37) % 700) * 86_400_000).toISOString().slice(0, 10),
  );
const dates = dateTable(2025);
/** Past the last year with data: the weekends-only path with uncached formatting. */
const laterDates = dateTable(2028);

let clock = StatutoryClock.start({ startDate: '2025-03-03', limit: { value: 60, unit: 'working_day' } });
for (let i = 0; i < 10; i++) {
  const from = new Date(Date.UTC(2025, 2, 10 + i * 7)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2025, 2, 11 + i * 7)).toISOString().slice(0, 10);
  clock = clock.suspend({ kind: 'supplement' }, from).resume(to);
}
const naturalClock = StatutoryClock.fromJSON({
  ...clock.toJSON(),
  limit: { value: 60, unit: 'natural_day' },
});

let sink = 0;
/** Runs `fn` over the date table for ~`ms` milliseconds after a warm-up; returns calls per second. */
function measure(fn: (date: string) => unknown, table = dates, ms = 1500): number {
  for (let i = 0; i < 200_000; i++) sink += fn(table[i & 1023]) ? 1 : 0;
  let calls = 0;
  const t0 = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < 100_000; i++) sink += fn(table[i & 1023]) ? 1 : 0;
    calls += 100_000;
    elapsed = process.hrtime.bigint() - t0;
  }
  return calls / (Number(elapsed) / 1e9);
}

const rows: [string, number, string][] = [
  ['addWorkingDays(d, 20)', measure((d) => addWorkingDays(calendar, d, 20)), '≥ 1,000,000 calls/s'],
  [
    'addWorkingDays(d, 20), d in 2028–2029 (no data)',
    measure((d) => addWorkingDays(calendar, d, 20), laterDates),
    '≥ 1,000,000 calls/s',
  ],
  ['workingDaysBetween(d, 2026-12-31)', measure((d) => workingDaysBetween(calendar, d, '2026-12-31')), ''],
  ['isWorkingDay(d)', measure((d) => isWorkingDay(calendar, d)), ''],
  [
    'clock.remaining (10 suspensions, working days)',
    measure((d) => clock.remaining(calendar, d)),
    '< 5 µs/call',
  ],
  [
    'clock.remaining (10 suspensions, natural days)',
    measure((d) => naturalClock.remaining(calendar, d)),
    '< 5 µs/call',
  ],
  ['clock.dueAt (10 suspensions)', measure(() => clock.dueAt(calendar)), ''],
];

console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, one core, warm JIT\n`);
console.log('| operation | calls/s | µs/call | target |');
console.log('|---|---:|---:|---|');
for (const [name, perSecond, target] of rows)
  console.log(
    `| ${name} | ${Math.round(perSecond).toLocaleString('en-US')} | ${(1e6 / perSecond).toFixed(3)} | ${target} |`,
  );
if (sink === -1) console.log('');
