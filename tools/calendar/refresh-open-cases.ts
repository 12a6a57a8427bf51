// Sends the calendar in force (official data + uploaded years, and the provisional statutory holidays of the years
// up to next year without a notice) to every open case, as PUT /api/calendar/years/:year does after storing a year — for a re-run after a partial failure, or after loading years by other means.
// Exit 0 when every open case took it, 1 when some did not (each named), 2 on bad arguments or when it cannot run.
import { Client, Connection } from '@temporalio/client';
import { loadConfigOrExit } from '@onewindow/config';
import { createPrismaClient } from '@onewindow/db';
import { calendarForOpenCases, createLogger, getCalendarInForce, refreshOpenCases } from '@onewindow/api';
import { runOperatorCommand } from '../operator-command';

const usage =
  'usage: npx tsx tools/calendar/refresh-open-cases.ts --actor <user id> [--case <caseNo> ...] [--concurrency 1..64] [--json]\n' +
  '  --actor        who publishes the calendar (recorded by each case as calendar_refreshed and in the audit log)\n' +
  '  --case         only these cases (repeatable); default every case not issued, withdrawn or rejected at intake\n' +
  '  --concurrency  Updates in flight at once (default 8)\n' +
  '  --json         print the summary as one JSON line\n';

interface Args {
  actor: string;
  caseNos: string[];
  concurrency: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { actor: '', caseNos: [], concurrency: 8, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--json') {
      args.json = true;
      continue;
    }
    if (flag !== '--actor' && flag !== '--case' && flag !== '--concurrency')
      return `unknown argument "${flag}"`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    i++;
    if (flag === '--actor') args.actor = value.trim();
    if (flag === '--case') {
      if (!/^[A-Za-z0-9-]{1,64}$/.test(value)) return `--case "${value}" is not a case number`;
      args.caseNos.push(value);
    }
    if (flag === '--concurrency') {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64)
        return `--concurrency "${value}": expected a whole number 1-64`;
      args.concurrency = Number(value);
    }
  }
  if (!args.actor) return '--actor is required';
  return args;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n${usage}`);
    return 2;
  }
  const config = loadConfigOrExit();
  const db = createPrismaClient(config.DATABASE_URL);
  const address = config.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const calendar = calendarForOpenCases(await getCalendarInForce({ db, logger: createLogger('silent') }));
    const result = await refreshOpenCases(
      { db, temporal: { client, connection, address } },
      {
        actor: parsed.actor,
        calendar,
        concurrency: parsed.concurrency,
        ...(parsed.caseNos.length ? { caseNos: parsed.caseNos } : {}),
      },
    );
    const years = calendar.years.map((y) => y.year);
    if (parsed.json) {
      process.stdout.write(`${JSON.stringify({ years, ...result })}\n`);
    } else {
      process.stdout.write(
        `calendar ${years[0]}–${years[years.length - 1]}: ${result.openCases} open case(s), ${result.refreshed} refreshed, ${result.unchanged} unchanged, ${result.failed.length} failed\n`,
      );
      for (const f of result.failed) process.stdout.write(`FAILED ${f.caseNo}: ${f.reason}\n`);
    }
    return result.failed.length === 0 ? 0 : 1;
  } finally {
    await connection.close();
    await db.$disconnect();
  }
}

runOperatorCommand('refresh-open-cases', main);
