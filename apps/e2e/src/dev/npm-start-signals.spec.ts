import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { repoRoot } from '@onewindow/config';
import { freePort } from '@onewindow/testkit';
import { ApiSession } from '../cases/http-session';
import { application, items, password, seedCatalogue, clerk } from '../cases/case-fixtures';
import { processesMentioning } from './stack-processes';

const root = repoRoot();

/**
 * `npm start` exactly as a user or a process manager runs it: npm → the bootstrap → tools/dev/start.ts →
 * Temporal, worker, API. In a process group of its own, as a terminal's foreground job is (Ctrl-C signals
 * the whole group).
 */
function npmStart(env: Record<string, string>, command: [string, string[]] = ['npm', ['start']]) {
  const child = spawn(command[0], command[1], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = async (text: string, ms = 300_000) => {
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
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

/** Waits (generously: a loaded host) until no process of the run is left, and returns what is left then. */
async function leftAfterStop(marker: string): Promise<string[]> {
  for (let i = 0; i < 60 && processesMentioning(marker).length > 0; i++)
    await new Promise((r) => setTimeout(r, 500));
  return processesMentioning(marker).map((p) => p.cmd);
}

describe('npm start: every signal a user or a process manager sends stops the whole tree; Temporal is supervised', () => {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-signals-'));
  let env: Record<string, string>;
  beforeAll(async () => {
    const ports = {
      PORT: await freePort(),
      TEMPORAL_DEV_PORT: await freePort(),
      TEMPORAL_UI_PORT: await freePort(),
    };
    env = {
      VAR_DIR: varDir,
      DATABASE_URL: `file:${path.join(varDir, 'onewindow.db')}`,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    };
  });
  afterAll(() => {
    for (const { pid } of processesMentioning(varDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('a Temporal server killed with SIGKILL comes back on its state; then SIGINT to the npm process stops everything', async () => {
    const run = npmStart(env);
    await run.waitFor('Press Ctrl-C to stop.');
    const site = `http://localhost:${env.PORT}`;
    const db = await seedCatalogue(env.DATABASE_URL);
    const window = await ApiSession.signIn(site, clerk.id, password);
    const before = await window.call('POST', '/api/cases', application([items[0].implementationCode]), {
      'idempotency-key': 'signals-before-kill',
    });
    expect(before.status).toBe(201);

    const server = processesMentioning(varDir).find((p) => p.cmd.includes('server start-dev'));
    expect(server).toBeDefined();
    process.kill(server!.pid, 'SIGKILL');
    await run.waitFor('Temporal dev server restarted');
    expect(processesMentioning(varDir).filter((p) => p.cmd.includes('server start-dev'))).toHaveLength(1);

    // The case accepted before the kill is still in Temporal (same state file); a new acceptance works.
    const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_DEV_PORT}` });
    const described = await new Client({ connection }).workflow.getHandle(before.body.caseNo).describe();
    await connection.close();
    expect(described.status.name).toBe('RUNNING');
    const after = await window.call('POST', '/api/cases', application([items[1].implementationCode]), {
      'idempotency-key': 'signals-after-kill',
    });
    expect([after.status, after.body.caseNo]).toEqual([201, expect.stringMatching(/^YC\d{14}$/)]);
    await db.$disconnect();

    process.kill(run.child.pid!, 'SIGINT');
    await exited(run.child);
    expect(run.output()).toContain('stopped.');
    expect(await leftAfterStop(varDir)).toEqual([]);
  }, 600_000);

  it('SIGTERM to the npm process (what a process manager sends) stops everything', async () => {
    const run = npmStart(env);
    await run.waitFor('Press Ctrl-C to stop.');
    process.kill(run.child.pid!, 'SIGTERM');
    await exited(run.child);
    expect(run.output()).toContain('stopped.');
    expect(await leftAfterStop(varDir)).toEqual([]);
  }, 600_000);

  it('Ctrl-C (SIGINT to the foreground process group) stops everything', async () => {
    const run = npmStart(env);
    await run.waitFor('Press Ctrl-C to stop.');
    process.kill(-run.child.pid!, 'SIGINT');
    await exited(run.child);
    expect(run.output()).toContain('stopped.');
    expect(await leftAfterStop(varDir)).toEqual([]);
  }, 600_000);

  it('a parent that dies without a signal (SIGKILL) leaves nothing behind: the bootstrap notices and stops', async () => {
    // A shell that does not exec the bootstrap (the command is not its last), standing in for npm.
    const run = npmStart(env, ['sh', ['-c', 'node tools/dev/bootstrap.mjs start; true']]);
    await run.waitFor('Press Ctrl-C to stop.');
    process.kill(run.child.pid!, 'SIGKILL');
    await exited(run.child);
    expect(await leftAfterStop(varDir)).toEqual([]);
  }, 600_000);
});
