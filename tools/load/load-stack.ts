// The stack of a load run: a real Temporal dev server (SQLite file in a temp dir, free port), the real
// worker and the real API as child processes, a migrated and seeded SQLite database, and a bare worker
// (baseline workflows) as a fourth child. stop() ends everything it started, in reverse order.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';
import { createPrismaClient, migrateDatabase } from '@onewindow/db';
import { seedDemoData } from '@onewindow/api';
import { freePort, startTemporalDevServer, type TemporalDevServer } from '@onewindow/testkit';

export const caseTaskQueue = 'load-cases';
export const bareTaskQueue = 'load-bare';

export interface LoadStack {
  dir: string;
  baseUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  pids: { temporal: number; worker: number; api: number; bareWorker: number };
  /** tmp/load-logs/<start time>/: what the worker, the API and the bare worker logged (kept after the run). */
  logDir: string;
  stop(): Promise<void>;
}

interface Child {
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function startNodeChild(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  logFile: string,
): Child {
  // LOAD_CPU_PROF=<dir>: each child writes a V8 CPU profile there when it exits (diagnosis only).
  const profile = process.env.LOAD_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.LOAD_CPU_PROF)}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], {
    cwd: repoRoot(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  // Every line the child logs (LOG_LEVEL=warn: warnings and errors; pino writes to stdout, the SDK to stderr) is
  // kept in the run's log folder.
  const file = fs.createWriteStream(logFile, { flags: 'a' });
  child.stdout?.on('data', (chunk) => file.write(chunk));
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
    file.write(chunk);
  });
  child.once('exit', () => file.end());
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping)
      log(`${name} exited unexpectedly (${signal ?? `code ${code}`}): ${stderr.trim().slice(-1500)}`);
  });
  return {
    name,
    process: child,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms`);
}

/** Children started so far, for the exit hooks (synchronous SIGKILL when the runner is torn down). */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export async function startLoadStack(
  log: (line: string) => void,
  temporalConfig: Record<string, unknown> = {},
): Promise<LoadStack> {
  const root = repoRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-load-'));
  const databaseUrl = `file:${path.join(dir, 'onewindow.db')}`;
  const logDir = path.join(root, 'tmp', 'load-logs', new Date().toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(logDir, { recursive: true });
  const children: Child[] = [];
  let temporal: TemporalDevServer | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const child of [...children].reverse()) await child.stop().catch(() => undefined);
    await temporal?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrateDatabase(databaseUrl);
    const db = createPrismaClient(databaseUrl);
    try {
      await seedDemoData(db);
    } finally {
      await db.$disconnect();
    }
    temporal = await startTemporalDevServer({
      dbFile: path.join(dir, 'temporal.db'),
      dynamicConfig: temporalConfig,
    });
    live.add(temporal.process);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TASK_QUEUE: caseTaskQueue,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // One load generator signs in a handful of users from 127.0.0.1.
      PUBLIC_RATE_LIMIT: '10000000',
      COOKIE_SECURE: 'never',
    };
    for (const [name, entry, extra] of [
      ['worker', 'apps/worker/src/main.ts', {}],
      ['api', 'apps/api/src/main.ts', {}],
      ['bare worker', 'tools/load/bare-worker.ts', { TASK_QUEUE: bareTaskQueue }],
    ] as const) {
      const child = startNodeChild(
        name,
        path.join(root, entry),
        { ...env, ...extra },
        log,
        path.join(logDir, `${name.replace(/ /g, '-')}.log`),
      );
      children.push(child);
      live.add(child.process);
    }
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${baseUrl}/api/health`)).ok, 'API health', 90_000);
    return {
      dir,
      baseUrl,
      temporalAddress: temporal.address,
      databaseUrl,
      logDir,
      pids: {
        temporal: temporal.process.pid!,
        worker: children[0].process.pid!,
        api: children[1].process.pid!,
        bareWorker: children[2].process.pid!,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
