import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';
import { demoPassword } from '@onewindow/api';
import { freePort } from '@onewindow/testkit';
import { ApiSession } from '../cases/http-session';
import { processesMentioning } from './stack-processes';

const root = repoRoot();

/** `npm start`'s entry as a user runs it, with its state in `varDir` and its own ports. */
function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  waitFor: (text: string, ms?: number) => Promise<void>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tools/dev/start.ts')], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = async (text: string, ms = 240_000) => {
    const since = Date.now();
    while (!out.includes(text)) {
      if (child.exitCode !== null)
        throw new Error(`npm start exited (${child.exitCode}) before "${text}":\n${out}`);
      if (Date.now() - since > ms) throw new Error(`no "${text}" within ${ms} ms:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  return { child, output: () => out, waitFor };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe('npm start: the whole stack, Ctrl-C, a killed worker, a second run', () => {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-start-'));
  afterAll(() => {
    for (const { pid } of processesMentioning(varDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('serves the app, restarts a killed worker that resumes its case, stops everything on Ctrl-C, and keeps the data for the next run', async () => {
    const ports = {
      PORT: await freePort(),
      TEMPORAL_DEV_PORT: await freePort(),
      TEMPORAL_UI_PORT: await freePort(),
    };
    const env = {
      VAR_DIR: varDir,
      DATABASE_URL: `file:${path.join(varDir, 'onewindow.db')}`,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    };
    const api = `http://localhost:${ports.PORT}/api`;

    const first = start(env);
    await first.waitFor('Press Ctrl-C to stop.');
    expect(first.output()).toContain(`app          http://localhost:${ports.PORT}/`);
    const health = await fetch(`${api}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    // A case waits for its Update; the worker is killed; the supervisor restarts it and the case completes.
    // Demo cases need a window clerk (case.accept); npm start seeds the demo users.
    const site = `http://localhost:${ports.PORT}`;
    expect((await fetch(`${api}/demo-cases`, { method: 'POST' })).status).toBe(401);
    const clerk = await ApiSession.signIn(site, 'clerk', demoPassword);
    const demo = (await clerk.call('POST', '/api/demo-cases')).body as { caseNo: string };
    const worker = processesMentioning(varDir).find((p) => p.cmd.includes('apps/worker/src/main.ts'));
    expect(worker).toBeDefined();
    process.kill(worker!.pid, 'SIGKILL');
    await first.waitFor('worker exited (SIGKILL); restarting');
    const completed = await clerk.call('POST', `/api/demo-cases/${demo.caseNo}/complete`, {
      completedBy: 'clerk-1',
    });
    expect([completed.status, completed.body]).toEqual([200, { caseNo: demo.caseNo, status: 'completed' }]);

    first.child.kill('SIGINT');
    expect(await exited(first.child)).toBe(0);
    expect(first.output()).toContain('stopped.');
    expect(processesMentioning(varDir)).toEqual([]);
    expect(fs.existsSync(path.join(varDir, 'temporal.db'))).toBe(true);

    // The second run reuses the database (no migration, demo data already there) and Temporal's state.
    const second = start(env);
    await second.waitFor('Press Ctrl-C to stop.');
    expect(second.output()).not.toContain('database migrated');
    expect((await fetch(`${api}/health`)).status).toBe(200);
    // Temporal kept the first run's case: completing it again is refused as already completed.
    const clerkAgain = await ApiSession.signIn(site, 'clerk', demoPassword);
    const again = await clerkAgain.call('POST', `/api/demo-cases/${demo.caseNo}/complete`, {
      completedBy: 'clerk-1',
    });
    expect(again.status).toBe(409);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(processesMentioning(varDir)).toEqual([]);
  }, 600_000);
});
