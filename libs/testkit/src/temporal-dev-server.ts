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
  /** Server dynamic configuration (`--dynamic-config-value KEY=JSON`), e.g. `{ 'history.cacheMaxSize': 20000 }`. */
  dynamicConfig?: Record<string, unknown>;
}

/**
 * Waits until a Temporal frontend answers describeNamespace, or throws after the timeout. `signal` stops the
 * waiting at once (the server it waits for has exited): nothing keeps polling in the background.
 */
export async function waitForTemporal(
  address: string,
  namespace = 'default',
  timeoutMs = 30_000,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (signal?.aborted)
      throw new Error(`stopped waiting for Temporal at ${address}: ${String(signal.reason)}`);
    // Closed after every try, also a failed one (Connection.connect leaves the channel of a failed connect open,
    // which kept the process alive); no retry interceptor, whose back-off timer could outlive the close.
    const connection = Connection.lazy({ address, connectTimeout: 1000, interceptors: [] });
    try {
      await connection.ensureConnected();
      await connection.withDeadline(Date.now() + 2000, () =>
        connection.workflowService.describeNamespace({ namespace }),
      );
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await connection.close();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Temporal at ${address} did not become ready within ${timeoutMs} ms: ${String(lastError)}`);
}

/** The first and the last lines a process wrote: the cause is usually at the top, a Go panic's stack below it. */
function keepHeadAndTail(limit: number) {
  let head = '';
  let tail = '';
  let dropped = false;
  return {
    add(chunk: string) {
      if (head.length < limit) {
        const room = limit - head.length;
        head += chunk.slice(0, room);
        chunk = chunk.slice(room);
      }
      if (tail.length + chunk.length > limit) dropped = true;
      tail = (tail + chunk).slice(-limit);
    },
    text: () => (dropped ? `${head}\n…\n${tail}` : head + tail).trim(),
  };
}

/**
 * Runs `temporal server start-dev` from the PyPI-installed CLI and resolves once it serves requests. The server
 * also binds ports of its own choosing (HTTP API, metrics, its internal services), and two servers starting at
 * the same moment can pick the same one; the loser exits at once. So a start that exits early is tried once
 * more (on a new port unless the caller chose one) before it is reported with what the server wrote.
 */
export async function startTemporalDevServer(
  options: TemporalDevServerOptions = {},
): Promise<TemporalDevServer> {
  try {
    return await startOnce(options);
  } catch (error) {
    if (!(error instanceof ExitedEarlyError)) throw error;
    try {
      return await startOnce(options);
    } catch (again) {
      if (!(again instanceof ExitedEarlyError)) throw again;
      throw new Error(
        `temporal server start-dev exited early twice; first: ${error.stderr}; then: ${again.stderr}`,
      );
    }
  }
}

class ExitedEarlyError extends Error {
  constructor(readonly stderr: string) {
    super(`temporal server start-dev exited early: ${stderr}`);
  }
}

async function startOnce(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const port = options.port ?? (await freePort());
  const namespace = options.namespace ?? 'default';
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--log-level',
    'error',
  ];
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
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {}))
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  // Own process group: a terminal Ctrl-C reaches the launcher, which stops Temporal after draining the worker.
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const stderr = keepHeadAndTail(2000);
  child.stderr?.on('data', (chunk) => stderr.add(String(chunk)));
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
  const serverGone = new AbortController();
  void exited.then(() => serverGone.abort('the server exited'));
  try {
    await Promise.race([
      waitForTemporal(address, namespace, options.readyTimeoutMs ?? 60_000, serverGone.signal),
      exited.then(() => {
        throw new ExitedEarlyError(stderr.text() || 'no output');
      }),
    ]);
  } catch (error) {
    serverGone.abort('start-up failed');
    await stop();
    throw error;
  }
  return {
    address,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : undefined,
    process: child,
    stop,
  };
}
