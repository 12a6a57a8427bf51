// Usage: npx tsx tools/repair/check-projections.ts [--repair] [--json] [--case YC20261122000123 ...]
// Compares every case's workflow state (open and closed) with every row the workflow decides: tasks, holders, step
// clocks, decisions, copies, certificates, the case's status and due dates. Exit 0 when clean, 1 when drift remains.
import { Client, Connection } from '@temporalio/client';
import { loadConfigOrExit } from '@onewindow/config';
import { createPrismaClient } from '@onewindow/db';
import { checkProjections, type Drift } from './projection-drift';
import { runOperatorCommand } from '../operator-command';

const describe = (d: Drift): string =>
  `${d.repaired ? 'repaired' : 'DRIFT   '} ${d.caseNo}${d.stepId ? ` ${d.stepId}` : ''}: ${d.kind}` +
  (d.expected !== undefined || d.actual !== undefined
    ? ` (workflow: ${d.expected ?? '—'}, database: ${d.actual ?? '—'})`
    : '');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const repair = args.includes('--repair');
  const json = args.includes('--json');
  const caseNos = args.flatMap((a, i) => (args[i - 1] === '--case' ? [a] : []));
  const config = loadConfigOrExit();
  const db = createPrismaClient(config.DATABASE_URL);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS ?? 'localhost:7233' });
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const options = { db, client, taskQueue: config.TASK_QUEUE, ...(caseNos.length ? { caseNos } : {}) };
    const found = await checkProjections({ ...options, repair });
    // After a repair, check again: only what is still different counts.
    const remaining = repair ? await checkProjections({ ...options, repair: false }) : found;
    if (json) {
      process.stdout.write(`${JSON.stringify({ found, remaining })}\n`);
    } else {
      for (const d of [...found, ...(repair ? remaining : [])]) process.stdout.write(`${describe(d)}\n`);
      process.stdout.write(
        remaining.length === 0
          ? 'projections match the workflows\n'
          : `${remaining.length} drift(s) remain\n`,
      );
    }
    return remaining.length === 0 ? 0 : 1;
  } finally {
    await connection.close();
    await db.$disconnect();
  }
}

runOperatorCommand('check-projections', main);
