// What one cached workflow costs the worker, with and without the shared libraries (workflows/src/shared-modules.ts):
// starts a dev server and an in-process worker whose cache holds every workflow, opens N bare cases (each gets one
// Update, so its first workflow task ran) and reports RSS growth and process CPU per workflow.
//   npx tsx tools/load/workflow-footprint.ts [--workflows 600]        # prints both variants, one fresh process each
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { startTemporalDevServer } from '@onewindow/testkit';
import { bareCaseWorkflow, bareDecide, sharedWorkflowModules, workflowsPath } from '@onewindow/workflows';

const variants = ['per-workflow', 'shared'] as const;
type Variant = (typeof variants)[number];

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function measure(variant: Variant, count: number): Promise<string> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const server = await startTemporalDevServer();
  const taskQueue = `footprint-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: server.address });
  try {
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowsPath,
      bundlerOptions: { preloadModules: variant === 'shared' ? [...sharedWorkflowModules] : [] },
      maxCachedWorkflows: count + 10,
    });
    const client = new Client({ connection: await Connection.connect({ address: server.address }) });
    const openAndDecide = async (id: string) => {
      const handle = await client.workflow.start(bareCaseWorkflow, { taskQueue, workflowId: id });
      await handle.executeUpdate(bareDecide, { args: [{ department: 'D1', actor: 'footprint' }] });
    };
    return await worker.runUntil(async () => {
      await openAndDecide(`warm-${randomUUID()}`); // bundle built, V8 context created
      const rssBefore = process.memoryUsage().rss;
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < count; i += 20) {
        await Promise.all(
          Array.from({ length: Math.min(20, count - i) }, () => openAndDecide(`fp-${randomUUID()}`)),
        );
      }
      const cpu = process.cpuUsage(cpuBefore);
      await new Promise((r) => setTimeout(r, 2000));
      const rss = process.memoryUsage().rss - rssBefore;
      return (
        `| ${variant} | ${count} | ${(rss / count / 1024).toFixed(0)} KiB | ` +
        `${((cpu.user + cpu.system) / 1000 / count).toFixed(1)} ms |`
      );
    });
  } finally {
    await connection.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const count = Number(flag('workflows') ?? '600');
  if (!Number.isInteger(count) || count <= 0)
    throw new Error(`--workflows needs a positive integer, got ${flag('workflows')}`);
  const variant = flag('variant');
  if (variant !== undefined) {
    if (!(variants as readonly string[]).includes(variant))
      throw new Error(`--variant is one of ${variants.join(', ')}, got ${variant}`);
    process.stdout.write(`${await measure(variant as Variant, count)}\n`);
    return;
  }
  // One fresh process per variant: RSS is not given back between them.
  process.stdout.write(
    '| modules | workflows | RSS per cached workflow | CPU per workflow, worker + client in one process (start + 1 Update) |\n|---|---|---|---|\n',
  );
  for (const v of variants) {
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, __filename, '--workflows', String(count), '--variant', v],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (run.status !== 0) throw new Error(`the ${v} run failed (exit ${run.status ?? run.signal})`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
