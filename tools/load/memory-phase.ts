// Memory: VmRSS (with descendants) of the Temporal server, the worker and the API before and after opening
// N cases that then wait on approvers; growth is extrapolated linearly to 10,000 open cases.
import { createPrismaClient } from '@onewindow/db';
import type { CaseDriver } from './case-driver';
import { mib, treeRssBytes } from './process-rss';
import { boundedPool, sleepMs } from './stats';

export interface MemoryResult {
  requested: number;
  opened: number;
  errors: number;
  openSeconds: number;
  before: Record<string, number>;
  after: Record<string, number>;
  growthMiB: number;
  per10kGiB: number;
}

const snapshot = (pids: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, mib(treeRssBytes(pid))]));

export async function openCasesMemory(
  driver: CaseDriver,
  databaseUrl: string,
  pids: Record<string, number>,
  n: number,
  maxSeconds: number,
  log: (line: string) => void,
): Promise<MemoryResult> {
  const db = createPrismaClient(databaseUrl);
  try {
    await sleepMs(5000);
    const before = snapshot(pids);
    const openBefore = await db.task.count({ where: { state: 'open' } });
    log(`memory: opening ${n} cases (at most ${maxSeconds} s)…`);
    const t0 = Date.now();
    let done = 0;
    const opened = await boundedPool(n, 8, t0 + maxSeconds * 1000, async () => {
      const { caseNo } = await driver.open();
      if (++done % 1000 === 0) log(`memory: ${done} opened (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      return caseNo;
    });
    const openSeconds = (Date.now() - t0) / 1000;
    // Let the projections (openTask activities) catch up — the worker's activity backlog drained, every
    // case waiting on its approvers — then let the heaps settle.
    const want = openBefore + opened.results.length * driver.items.length;
    const drainUntil = Date.now() + 600_000;
    let projected = 0;
    while (Date.now() < drainUntil && (projected = await db.task.count({ where: { state: 'open' } })) < want)
      await sleepMs(1000);
    log(
      `memory: ${projected - openBefore}/${want - openBefore} task rows projected ${((Date.now() - t0) / 1000).toFixed(0)} s after the first acceptance; settling 15 s…`,
    );
    await sleepMs(15_000);
    const after = snapshot(pids);
    const growthMiB = Object.keys(after).reduce((sum, k) => sum + after[k] - before[k], 0);
    return {
      requested: n,
      opened: opened.results.length,
      errors: opened.errors.length,
      openSeconds,
      before,
      after,
      growthMiB,
      per10kGiB: opened.results.length ? ((growthMiB / opened.results.length) * 10_000) / 1024 : Number.NaN,
    };
  } finally {
    await db.$disconnect();
  }
}
