// What a cache miss costs the worker: replays a recorded case history N times (each replay is a fresh workflow run,
// as when a decision or a timer reaches a case the worker no longer caches) and reports CPU and wall time per replay.
//   npx tsx tools/load/replay-cost.ts [--replays 300] [--history local-serial-collect]
// With --cpu-prof (node flag) the workflow thread's profile shows where a replay's time goes.
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { sharedWorkflowModules, workflowsPath } from '@onewindow/workflows';
import { historyFromJson } from '@onewindow/testkit';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const replays = Number(flag('replays', '300'));
  if (!Number.isInteger(replays) || replays <= 0)
    throw new Error(`--replays needs a positive integer, got ${flag('replays', '')}`);
  const name = flag('history', 'local-serial-collect');
  const file = path.join(__dirname, '..', '..', 'workflows', 'test', 'histories', `replay-${name}.json`);
  if (!fs.existsSync(file)) throw new Error(`no recorded history ${file} (see workflows/test/histories)`);
  const history = historyFromJson(JSON.parse(fs.readFileSync(file, 'utf8')));
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath,
    preloadModules: [...sharedWorkflowModules],
    logger: new DefaultLogger('ERROR'),
  });
  const run = async (count: number, prefix: string) => {
    const histories = Array.from({ length: count }, (_, i) => ({ workflowId: `${prefix}-${i}`, history }));
    let failed = 0;
    for await (const r of Worker.runReplayHistories({ workflowBundle }, histories)) if (r.error) failed++;
    return failed;
  };
  await run(20, 'warm'); // V8 context, bundle evaluation, JIT
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const failed = await run(replays, 'measured');
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (failed) throw new Error(`${failed} of ${replays} replays failed`);
  const events = history.events?.length ?? 0;
  process.stdout.write(
    `| history | events | replays | CPU per replay (all threads) | wall per replay |\n|---|---|---|---|---|\n` +
      `| ${name} | ${events} | ${replays} | ${((cpu.user + cpu.system) / 1000 / replays).toFixed(1)} ms | ${(wall / replays).toFixed(1)} ms |\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
