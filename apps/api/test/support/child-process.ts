import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningChild {
  ready: Record<string, string>;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts a node process and waits for the JSON line it prints when it is ready. */
export function startNodeProcess(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunningChild> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${args.join(' ')} did not become ready: ${output}`));
    }, options.timeoutMs ?? 30_000);
    child.stderr?.on('data', (chunk) => (output = (output + String(chunk)).slice(-4000)));
    child.stdout?.on('data', (chunk) => {
      output = (output + String(chunk)).slice(-4000);
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve({ ready: JSON.parse(line) as Record<string, string>, output: () => output, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`));
    });
  });
}
