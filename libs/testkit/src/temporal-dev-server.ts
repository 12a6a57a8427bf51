import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { temporalCliPath } from './temporal-binaries';
import { freePort } from './free-port';

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  port?: number;
  /** Omit for headless (no web UI). */
  uiPort?: number;
  /** SQLite file that persists the server's state; omit for in-memory. */
  dbFile?: string;
  namespace?: string;
  readyTimeoutMs?: number;
}

/** Waits until a Temporal frontend answers describeNamespace, or throws after the timeout. */
export async function waitForTemporal(address: string, namespace = 'default', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} did not become ready within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Runs `temporal server start-dev` from the PyPI-installed CLI and resolves once it serves requests. */
export async function startTemporalDevServer(options: TemporalDevServerOptions = {}): Promise<TemporalDevServer> {
  const port = options.port ?? (await freePort());
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', 'error'];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) {
    args.push('--db-filename', options.dbFile);
    // The dev server's SQLite file defaults to a rollback journal with a full sync on every commit: each
    // history write waits on several fsyncs and readers wait for the writer. WAL lets readers proceed beside
    // the one writer and syncs once per checkpoint; synchronous=NORMAL (safe with WAL: the file never
    // corrupts; a power cut may lose the last commits, an application crash loses nothing).
    args.push('--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  // Own process group: a terminal Ctrl-C reaches the launcher, which stops Temporal after draining the worker.
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A parent that exits without stop() (a crashed test run) must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await Promise.race([
      waitForTemporal(address, namespace, options.readyTimeoutMs ?? 60_000),
      exited.then(() => {
        throw new Error(`temporal server start-dev exited early: ${stderr.trim() || 'no output'}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : undefined, process: child, stop };
}
