import { spawn, type ChildProcess } from 'node:child_process';
import {
  startTemporalDevServer,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from '@onewindow/testkit';

export interface SupervisedProcess {
  name: string;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs: number): Promise<void>;
}

/** Restarts come quickly after a crash and slow down while a process keeps dying at start. */
function restartPolicy() {
  let restarts = 0;
  let started = Date.now();
  return {
    started: () => (started = Date.now()),
    nextDelay: () => {
      restarts = Date.now() - started > 30_000 ? 0 : restarts + 1;
      return Math.min(30_000, 500 * 2 ** restarts);
    },
  };
}

const running = (child: ChildProcess | undefined): child is ChildProcess =>
  !!child && child.exitCode === null && child.signalCode === null;

/** Signals a detached child's whole process group (its own esbuild helper too); the child alone if that fails. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}

async function stopChild(
  child: ChildProcess | undefined,
  graceMs: number,
  log?: (line: string) => void,
  name?: string,
): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const killer = setTimeout(() => {
    log?.(`${name} still running ${graceMs} ms after SIGTERM: killed`);
    signalGroup(child, 'SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(killer);
}

/**
 * Runs a Node entry point (with the tsx loader) in its own process group, restarting it if it dies
 * unexpectedly — a killed worker comes back and Temporal hands it the cases it was working on.
 */
export function superviseNodeProcess(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): SupervisedProcess {
  let child: ChildProcess | undefined;
  let stopping = false;
  const policy = restartPolicy();

  const launch = () => {
    child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: 'inherit', detached: true });
    policy.started();
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (code === 78 || code === 98) {
        log(`${name} cannot start (exit ${code}); see the message above.`);
        process.kill(process.pid, 'SIGTERM');
        return;
      }
      const delay = policy.nextDelay();
      log(`${name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      setTimeout(() => !stopping && launch(), delay);
    });
  };
  launch();

  return {
    name,
    async stop(graceMs) {
      stopping = true;
      await stopChild(child, graceMs, log, name);
    },
  };
}

export interface SupervisedTemporal extends SupervisedProcess {
  address: string;
  uiUrl?: string;
}

/**
 * The Temporal dev server, started and — when it dies (a crash, `kill -9`) — started again on the same port
 * and the same state file, so the worker and the API reconnect to the same address and every workflow is
 * still there. Resolves once the first start serves requests; a first start that fails rejects.
 */
export async function superviseTemporalDevServer(
  options: TemporalDevServerOptions & { port: number; dbFile: string },
  log: (line: string) => void,
): Promise<SupervisedTemporal> {
  let server: TemporalDevServer = await startTemporalDevServer(options);
  let stopping = false;
  let restarting: Promise<void> = Promise.resolve();
  let cancelWait = () => {};
  const policy = restartPolicy();

  const scheduleRestart = () => {
    const delay = policy.nextDelay();
    log(`restarting the Temporal dev server in ${delay} ms`);
    restarting = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      cancelWait = () => {
        clearTimeout(timer);
        resolve();
      };
    }).then(async () => {
      if (stopping) return;
      try {
        const started = await startTemporalDevServer(options);
        server = started;
        policy.started();
        log('Temporal dev server restarted');
        if (stopping) await stopChild(started.process, 1000);
        else watch(started);
      } catch (error) {
        log(`Temporal dev server did not restart: ${(error as Error).message}`);
        if (!stopping) scheduleRestart();
      }
    });
  };
  const watch = (current: TemporalDevServer) => {
    current.process.once('exit', (code, signal) => {
      if (stopping) return;
      log(`Temporal dev server exited (${signal ?? `code ${code}`})`);
      scheduleRestart();
    });
  };
  watch(server);

  return {
    name: 'temporal',
    address: server.address,
    uiUrl: server.uiUrl,
    async stop(graceMs) {
      stopping = true;
      cancelWait();
      await stopChild(server.process, graceMs, log, 'Temporal dev server');
      // A restart under way stops the server it brings up (above); waited for no longer than the grace, as
      // startTemporalDevServer kills a server still starting when this process exits.
      await Promise.race([restarting, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    },
  };
}
