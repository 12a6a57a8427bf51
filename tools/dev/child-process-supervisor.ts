import { spawn, type ChildProcess } from 'node:child_process';

export interface SupervisedProcess {
  name: string;
  stop(): Promise<void>;
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
  let restarts = 0;

  const launch = () => {
    child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: 'inherit', detached: true });
    const started = Date.now();
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (code === 78 || code === 98) {
        log(`${name} cannot start (exit ${code}); see the message above.`);
        process.kill(process.pid, 'SIGTERM');
        return;
      }
      restarts = Date.now() - started > 30_000 ? 0 : restarts + 1;
      const delay = Math.min(30_000, 500 * 2 ** restarts);
      log(`${name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      setTimeout(() => !stopping && launch(), delay);
    });
  };
  launch();

  return {
    name,
    async stop() {
      stopping = true;
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.kill('SIGTERM');
      const killer = setTimeout(() => current.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
