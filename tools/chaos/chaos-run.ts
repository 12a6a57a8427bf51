// The chaos run: the embedded stack of `npm start` under a steady load of accept → approve → issue, while its
// processes are killed (SIGKILL) in turn and the worker is frozen (SIGSTOP); then every case is let finish and
// the damage is counted. Loopback only; every loop is bounded in count and time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { repoRoot } from '@onewindow/config';
import { verifyAuditChain } from '@onewindow/audit';
import { createPrismaClient } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { freePort } from '@onewindow/testkit';
import { descendantsOf } from '../process-tree';

export interface ChaosOptions {
  /** Cases driven through accept → approve → issue at least; the load goes on while the faults last. */
  cases: number;
  /** Journeys under way at once. */
  concurrency: number;
  /** The processes killed with SIGKILL, in this order, one after the other. */
  kills: ('worker' | 'api' | 'temporal')[];
  /** How long the worker is frozen (SIGSTOP … SIGCONT), after the kills; 0 for no freeze. */
  freezeSeconds: number;
  /** How long the cases may take to finish after the faults before they count as stuck. */
  settleSeconds: number;
  log: (line: string) => void;
}

export interface ChaosFigures {
  /** Cases the load tried (at least `cases`, more while the faults last); each is accepted unless an answer refused it (then logged). */
  casesTried: number;
  casesAccepted: number;
  /** Accepted (201/200) but with no case row or no workflow at the end. */
  casesLost: number;
  /** Accepted but not issued when the run ended. */
  casesStuck: number;
  /** The same decision (Update name, step, verb) accepted twice in one workflow's history. */
  decisionsAppliedTwice: number;
  /**
   * Differences the full comparison of tools/repair/check-projections.ts reports after the run (every case, open
   * or closed: tasks, holders, step clocks, decisions, copies, certificates, case status and due dates).
   */
  projectionDifferences: number;
  /** Those differences by kind (`phantom_decision`, `wrong_closed_at`, …). */
  projectionDifferencesBy: Record<string, number>;
  auditChainIntact: boolean;
  /** Answers 500-599 other than 503 (503 tells the client to send the request again, and it is). */
  serverErrors: number;
  /** 503 answers and refused connections, each followed by a retry with the same Idempotency-Key. */
  retries: number;
  /** The retries by what caused them: a 503's title, or "no answer" (connection refused, reset, timed out). */
  retriesBy: Record<string, number>;
}

/** The food-business licence of the seed catalogue (市场监管), handled by the demo user approver.scjg. */
const FOOD_ITEM = '11379900MB1000101Y300011000500001';
/**
 * The demo users' password (`demoPassword` of @onewindow/api, whose import would load the whole API into the test
 * process: the stack runs in processes of its own).
 */
const demoPassword = 'OneWindow-demo-2026';
/** A bound on the load, whatever the faults' timing. */
const MAX_CASES = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Session {
  private cookie = '';
  private csrf = '';
  /** Set when the run ends: a journey still retrying gives up at once. */
  static stopped = false;
  constructor(
    private readonly base: string,
    private readonly figures: Pick<ChaosFigures, 'serverErrors' | 'retries' | 'retriesBy'>,
    private readonly log: (line: string) => void,
  ) {}

  async signIn(username: string): Promise<this> {
    const res = await this.send('POST', '/api/auth/login', { username, password: demoPassword });
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
    return this;
  }

  /** One request, sent again (same key) after a 503 or a refused connection, until it is answered otherwise. */
  async send(
    method: string,
    url: string,
    body?: unknown,
    key?: string,
    deadline = Date.now() + 600_000,
  ): Promise<{ status: number; body: unknown }> {
    for (;;) {
      let answer: { status: number; body: unknown } | undefined;
      try {
        const res = await fetch(`${this.base}${url}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
            ...(key ? { 'idempotency-key': key } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(60_000),
        });
        const set = res.headers.getSetCookie().map((c) => c.split(';')[0]);
        if (set.length > 0) this.cookie = set.join('; ');
        const text = await res.text();
        answer = { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
      } catch {
        answer = undefined; // the API is down (killed, restarting): send it again
      }
      if (answer && answer.status >= 500 && answer.status !== 503) {
        this.figures.serverErrors++;
        this.log(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      if (answer && answer.status < 500) return answer;
      this.figures.retries++;
      const why = answer
        ? `503 ${(answer.body as { title?: string } | undefined)?.title ?? ''}`
        : 'no answer';
      this.figures.retriesBy[why] = (this.figures.retriesBy[why] ?? 0) + 1;
      if (Date.now() > deadline || Session.stopped) return answer ?? { status: 0, body: undefined };
      await sleep(1000);
    }
  }
}

/** `npm start`'s process tree, with its state in `varDir` and ports of its own. */
async function startStack(varDir: string, log: (line: string) => void) {
  const ports = {
    PORT: await freePort(),
    TEMPORAL_DEV_PORT: await freePort(),
    TEMPORAL_UI_PORT: await freePort(),
  };
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    VAR_DIR: varDir,
    DATABASE_URL: `file:${path.join(varDir, 'onewindow.db')}`,
    PORT: String(ports.PORT),
    TEMPORAL_DEV_PORT: String(ports.TEMPORAL_DEV_PORT),
    TEMPORAL_UI_PORT: String(ports.TEMPORAL_UI_PORT),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot(), 'tools/dev/start.ts')], {
    cwd: repoRoot(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const collect = (d: Buffer) => {
    out += d.toString();
    for (const line of d.toString().split('\n'))
      if (line.startsWith('[onewindow]') && /exited|restart|killed/.test(line)) log(line);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const waitFor = async (text: string, since = 0, ms = 300_000) => {
    const until = Date.now() + ms;
    while (!out.slice(since).includes(text)) {
      if (child.exitCode !== null) throw new Error(`the stack exited before "${text}":\n${out.slice(-3000)}`);
      if (Date.now() > until) throw new Error(`no "${text}" within ${ms} ms:\n${out.slice(-3000)}`);
      await sleep(200);
    }
  };
  await waitFor('Press Ctrl-C to stop.');
  return {
    child,
    env,
    baseUrl: `http://127.0.0.1:${ports.PORT}`,
    temporalAddress: `127.0.0.1:${ports.TEMPORAL_DEV_PORT}`,
    outputLength: () => out.length,
    waitFor,
  };
}

/** The pid of the stack's process whose command line contains `marker` (its worker, its API, Temporal). */
function pidOf(stack: ChildProcess, marker: string): number {
  for (const pid of descendantsOf(stack.pid!)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(marker)) return pid;
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no process of the stack runs ${marker}`);
}

const markers = {
  worker: 'apps/worker/src/main.ts',
  api: 'apps/api/src/main.ts',
  temporal: 'server start-dev',
} as const;
const comeBack = { worker: 'worker exited', api: 'api exited', temporal: 'Temporal dev server restarted' };

/** Decisions accepted twice: the same Update (name and arguments but the actor) twice in one history. */
async function decisionsAppliedTwice(client: Client, caseNo: string): Promise<number> {
  const history = await client.workflow.getHandle(caseNo).fetchHistory();
  const seen = new Map<string, number>();
  for (const event of history.events ?? []) {
    const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (!request?.input) continue;
    const args = (request.input.args?.payloads ?? []).map((p) =>
      p.data ? (JSON.parse(Buffer.from(p.data).toString('utf8')) as unknown) : null,
    );
    const first = (args[0] ?? {}) as Record<string, unknown>;
    const what = `${request.input.name}:${String(first.verb ?? '')}:${String(first.stepId ?? '')}`;
    seen.set(what, (seen.get(what) ?? 0) + 1);
  }
  return [...seen.values()].filter((n) => n > 1).length;
}

/** Runs the chaos scenario on a fresh stack and returns its figures; the stack is stopped at the end. */
export async function runChaos(options: ChaosOptions): Promise<ChaosFigures> {
  const { log } = options;
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-chaos-'));
  const figures: ChaosFigures = {
    casesTried: 0,
    casesAccepted: 0,
    casesLost: 0,
    casesStuck: 0,
    decisionsAppliedTwice: 0,
    projectionDifferences: 0,
    projectionDifferencesBy: {},
    auditChainIntact: false,
    serverErrors: 0,
    retries: 0,
    retriesBy: {},
  };
  log(`starting the stack in ${varDir}…`);
  const stack = await startStack(varDir, log);
  try {
    const clerk = await new Session(stack.baseUrl, figures, log).signIn('clerk');
    const approver = await new Session(stack.baseUrl, figures, log).signIn('approver.scjg');
    const accepted: string[] = [];
    const issued = new Set<string>();
    const runId = Date.now().toString(36);

    const journey = async (n: number) => {
      const key = (step: string) => `chaos-${runId}-${n}-${step}`;
      const acceptance = await clerk.send(
        'POST',
        '/api/cases',
        {
          items: [{ implementationCode: FOOD_ITEM }],
          applicant: { kind: 'person', idNumber: '11010519491231002X', name: `混沌测试${n}` },
          materials: [{ materialCode: 'M-ID', originals: 1, copies: 1 }],
        },
        key('accept'),
      );
      if (acceptance.status !== 201 && acceptance.status !== 200) {
        log(`case ${n}: acceptance answered ${acceptance.status} ${JSON.stringify(acceptance.body)}`);
        return;
      }
      const { caseNo } = acceptance.body as { caseNo: string };
      accepted.push(caseNo);
      const approve = await approver.send(
        'POST',
        `/api/cases/${caseNo}/actions`,
        { verb: 'approve', stepId: itemStepId(FOOD_ITEM) },
        key('approve'),
      );
      if (approve.status !== 200) {
        log(`${caseNo}: approve answered ${approve.status} ${JSON.stringify(approve.body)}`);
        return;
      }
      const issue = await clerk.send(
        'POST',
        `/api/cases/${caseNo}/issue`,
        { delivery: { method: 'window' } },
        key('issue'),
      );
      if (issue.status === 200) issued.add(caseNo);
      else log(`${caseNo}: issue answered ${issue.status} ${JSON.stringify(issue.body)}`);
    };

    // The load: `concurrency` journeys at a time, a new one as soon as one ends, for as long as the faults
    // last and at least `cases` in all (never more than MAX_CASES).
    let next = 0;
    let faultsOver = false;
    const load = Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while ((next < options.cases || !faultsOver) && next < MAX_CASES) {
          await journey(next++);
          await sleep(250);
        }
      }),
    );

    // The faults, one after the other, while the load runs.
    const faults = (async () => {
      await sleep(2000);
      for (const target of options.kills) {
        const pid = pidOf(stack.child, markers[target]);
        const since = stack.outputLength();
        log(`kill -9 ${target} (pid ${pid})`);
        process.kill(pid, 'SIGKILL');
        await stack.waitFor(comeBack[target], since, 120_000);
        await sleep(3000);
      }
      if (options.freezeSeconds > 0) {
        const pid = pidOf(stack.child, markers.worker);
        log(`kill -STOP worker (pid ${pid}) for ${options.freezeSeconds} s`);
        process.kill(pid, 'SIGSTOP');
        await sleep(options.freezeSeconds * 1000);
        process.kill(pid, 'SIGCONT');
        log('kill -CONT worker');
      }
      faultsOver = true;
    })();
    await faults;
    let settleTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      load,
      new Promise((resolve) => (settleTimer = setTimeout(resolve, options.settleSeconds * 1000))),
    ]);
    clearTimeout(settleTimer);

    // The figures, from the database and from Temporal.
    const db = createPrismaClient(stack.env.DATABASE_URL);
    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const client = new Client({ connection });
      figures.casesTried = next;
      figures.casesAccepted = accepted.length;
      for (const caseNo of accepted) {
        const row = await db.case.findUnique({ where: { caseNo }, select: { status: true } });
        const workflow = await client.workflow
          .getHandle(caseNo)
          .describe()
          .catch(() => undefined);
        if (!row || !workflow) {
          figures.casesLost++;
          log(`${caseNo}: LOST (case row: ${row ? 'yes' : 'no'}, workflow: ${workflow ? 'yes' : 'no'})`);
          continue;
        }
        if (!issued.has(caseNo)) {
          figures.casesStuck++;
          log(`${caseNo}: STUCK (workflow ${workflow.status.name}, case ${row.status})`);
        }
        figures.decisionsAppliedTwice += await decisionsAppliedTwice(client, caseNo);
      }
      figures.auditChainIntact = (await verifyAuditChain(db)).ok;
    } finally {
      await connection.close();
      await db.$disconnect();
    }
    const check = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot(), 'tools/repair/check-projections.ts'), '--json'],
      { cwd: repoRoot(), env: { ...stack.env, TEMPORAL_ADDRESS: stack.temporalAddress }, encoding: 'utf8' },
    );
    try {
      const report = JSON.parse(check.stdout.trim().split('\n').pop() ?? '') as {
        remaining: { kind: string }[];
      };
      figures.projectionDifferences = report.remaining.length;
      for (const d of report.remaining) {
        figures.projectionDifferencesBy[d.kind] = (figures.projectionDifferencesBy[d.kind] ?? 0) + 1;
        log(`projection difference: ${JSON.stringify(d)}`);
      }
    } catch {
      throw new Error(`check-projections gave no report (exit ${check.status}): ${check.stderr}`);
    }
    return figures;
  } finally {
    Session.stopped = true;
    process.kill(stack.child.pid!, 'SIGTERM');
    await new Promise<void>((resolve) =>
      stack.child.exitCode !== null ? resolve() : stack.child.once('exit', () => resolve()),
    );
    fs.rmSync(varDir, { recursive: true, force: true });
  }
}
