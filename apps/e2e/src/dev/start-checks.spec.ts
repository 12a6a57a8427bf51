import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';
import { freePort } from '@onewindow/testkit';

const root = repoRoot();

/** Runs `npm start`'s entry (tools/dev/start.ts) with extra variables; the safety timeout only guards a hang. */
function runStart(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'tools/dev/start.ts')], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 90_000,
    killSignal: 'SIGTERM',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const stderrLines = (stderr: string) => stderr.split('\n').filter(Boolean);

describe('npm start refuses bad set-ups with one clear line, before starting anything', () => {
  it('a bad variable (core or security) names the variable, its value and what is expected; exit 78', () => {
    const core = runStart({ PORT: 'abc' });
    expect(core.status).toBe(78);
    expect(stderrLines(core.stderr)).toEqual([
      'Configuration error: PORT="abc": expected a TCP port number 1-65535',
    ]);

    const security = runStart({ LOGIN_MAX_FAILURES: 'many' });
    expect(security.status).toBe(78);
    expect(stderrLines(security.stderr)).toEqual([
      'Configuration error: LOGIN_MAX_FAILURES="many": expected a count, e.g. 5',
    ]);
    expect(security.stdout).toBe('');
  }, 120_000);

  it('a port already in use says so and what to do', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const result = runStart({ PORT: String(port) });
      expect(result.status).toBe(1);
      expect(stderrLines(result.stderr)).toEqual([
        `[onewindow] ERROR: port ${port} is already in use: stop the other process or start with PORT=<free port> npm start`,
      ]);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  }, 120_000);

  it('an unreachable TEMPORAL_ADDRESS says so and what to do', async () => {
    const [apiPort, deadPort] = [await freePort(), await freePort()];
    const result = runStart({ PORT: String(apiPort), TEMPORAL_ADDRESS: `127.0.0.1:${deadPort}` });
    expect(result.status).toBe(1);
    expect(stderrLines(result.stderr)).toEqual([
      `[onewindow] ERROR: TEMPORAL_ADDRESS=127.0.0.1:${deadPort} does not answer (namespace "default"): start that server, fix the address, or unset TEMPORAL_ADDRESS to use the embedded dev server`,
    ]);
  }, 120_000);
});
