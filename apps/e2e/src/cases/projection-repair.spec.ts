import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApiDeps, createApp, createLogger } from '@onewindow/api';
import { loadConfig, repoRoot } from '@onewindow/config';
import { freePort } from '@onewindow/testkit';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { caseStateQuery } from '@onewindow/workflows';
import type { RunningStack } from '../support/start-stack';
import { startSeededStack, type SeededStack } from './seeded-stack';
import { application, approverOf, clerk as clerkUser, eventually, items, password } from './case-fixtures';
import { ApiSession } from './http-session';

interface Drift {
  kind: string;
  stepId?: string;
  repaired: boolean;
}

describe('projection repair (tools/repair/check-projections.ts)', () => {
  let stack: RunningStack;
  let db: Db;
  let clerk: ApiSession;
  let approver: (departmentCode: string) => ApiSession;
  let seeded: SeededStack | undefined;
  let temporal: SeededStack['temporal'];
  beforeAll(async () => {
    seeded = await startSeededStack();
    ({ stack, db, clerk, approver, temporal } = seeded);
  }, 120_000);
  afterAll(() => seeded?.stop(), 60_000);

  /** The CLI as an operator runs it, against the stack's database and Temporal (async: the worker lives in this process). */
  const cli = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'npx',
        ['tsx', 'tools/repair/check-projections.ts', ...args],
        {
          cwd: repoRoot(),
          env: {
            ...process.env,
            DATABASE_URL: stack.databaseUrl,
            TEMPORAL_ADDRESS: stack.temporalAddress,
            TASK_QUEUE: stack.taskQueue,
            LOG_LEVEL: 'silent',
          },
          timeout: 60_000,
        },
        (error, stdout, stderr) =>
          resolve({
            status: error ? (typeof error.code === 'number' ? error.code : null) : 0,
            stdout,
            stderr,
          }),
      );
    });

  it('reports drift made by editing rows, repairs it idempotently, then reports clean', async () => {
    const codes = items.map((i) => i.implementationCode);
    const accepted = await clerk.call('POST', '/api/cases', application(codes));
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(async () => ((await db.task.count({ where: { caseNo } })) === 3 ? true : undefined));
    const approved = await approver(items[0].departmentCode).call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'approve',
      stepId: itemStepId(codes[0]),
    });
    expect(approved.status).toBe(200);
    await eventually(async () =>
      (await db.task.count({ where: { caseNo, state: 'done' } })) === 1 ? true : undefined,
    );
    await eventually(async () => ((await db.decision.count({ where: { caseNo } })) === 1 ? true : undefined));
    const clean = await cli('--json', '--case', caseNo);
    expect([clean.status, JSON.parse(clean.stdout)]).toEqual([0, { found: [], remaining: [] }]);

    // Drift: a lost task row, a closed task reopened by hand, a wrong due date, a stale case due date.
    const [scjg, xfjy, cgj] = codes.map((c) => `${caseNo}:${itemStepId(c)}:1`);
    const lost = await db.task.findUniqueOrThrow({ where: { id: xfjy } });
    const cgjDue = (await db.task.findUniqueOrThrow({ where: { id: cgj } })).dueDate;
    await db.task.delete({ where: { id: xfjy } });
    await db.task.update({ where: { id: scjg }, data: { state: 'open', closedAt: null, outcome: null } });
    await db.task.update({ where: { id: cgj }, data: { dueDate: '2099-01-01' } });
    const caseRow = await db.case.findUniqueOrThrow({ where: { caseNo } });
    await db.case.update({ where: { caseNo }, data: { statutoryDueDate: '2000-01-01' } });

    const report = await cli('--json', '--case', caseNo);
    expect(report.status).toBe(1);
    const reported: Drift[] = JSON.parse(report.stdout).found;
    expect(reported.map((d) => [d.kind, d.stepId ?? null]).sort()).toEqual(
      [
        ['case_due_date', null],
        ['missing_task', itemStepId(codes[1])],
        ['task_open_in_db_closed_in_workflow', itemStepId(codes[0])],
        ['wrong_due_date', itemStepId(codes[2])],
      ].sort(),
    );
    expect(reported.every((d) => !d.repaired)).toBe(true);

    const text = await cli('--case', caseNo);
    expect(text.stdout).toMatch(/DRIFT +YC\d+ item_\S+: missing_task/);

    const repaired = await cli('--repair', '--case', caseNo);
    expect(repaired.status).toBe(0);
    expect(repaired.stdout).toMatch(/projections match the workflows/);

    const again = await cli('--json', '--repair', '--case', caseNo);
    expect([again.status, JSON.parse(again.stdout)]).toEqual([0, { found: [], remaining: [] }]);
    const restored = await db.task.findUniqueOrThrow({ where: { id: xfjy } });
    expect({ ...restored, openedAt: restored.openedAt.toISOString() }).toMatchObject({
      ...lost,
      openedAt: lost.openedAt.toISOString(),
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: scjg } })).toMatchObject({
      state: 'done',
      outcome: 'approved',
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: cgj } })).toMatchObject({ dueDate: cgjDue });
    expect(await db.case.findUniqueOrThrow({ where: { caseNo } })).toMatchObject({
      statutoryDueDate: caseRow.statutoryDueDate,
    });
    expect(await db.task.count({ where: { caseNo } })).toBe(3);
  }, 120_000);

  it('a step at the window (退回窗口) is no drift; a lost holder row is found and repaired', async () => {
    const codes = items.map((i) => i.implementationCode);
    const accepted = await clerk.call('POST', '/api/cases', application(codes));
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(async () => ((await db.task.count({ where: { caseNo } })) === 3 ? true : undefined));
    const [first, second] = [0, 1].map((i) => ({
      code: codes[i],
      approver: approver(items[i].departmentCode),
    }));
    const back = await first.approver.call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'send_back',
      stepId: itemStepId(first.code),
      to: { kind: 'window' },
      reason: '申请表缺签字',
    });
    expect(back.status).toBe(200);
    await eventually(async () =>
      (await db.task.count({ where: { caseNo, outcome: 'returned' } })) === 1 ? true : undefined,
    );
    const clean = await cli('--json', '--case', caseNo);
    expect([clean.status, JSON.parse(clean.stdout)]).toEqual([0, { found: [], remaining: [] }]);

    const task = await db.task.findFirstOrThrow({
      where: { caseNo, stepId: itemStepId(second.code), state: 'open' },
      include: { holders: true },
    });
    expect(task.holders).toHaveLength(1);
    await db.taskHolder.deleteMany({ where: { taskId: task.id } });
    const repaired = await cli('--json', '--repair', '--case', caseNo);
    expect(JSON.parse(repaired.stdout).found).toEqual([
      expect.objectContaining({
        kind: 'wrong_holders',
        stepId: itemStepId(second.code),
        expected: task.holders[0].userId,
        actual: '',
      }),
    ]);
    expect((await db.taskHolder.findMany({ where: { taskId: task.id } })).map((h) => h.userId)).toEqual([
      task.holders[0].userId,
    ]);
  }, 120_000);

  it('Temporal down at acceptance: the case is recorded (503), the retried key or the repair tool starts its workflow', async () => {
    const deadAddress = `127.0.0.1:${await freePort()}`;
    const deps = buildApiDeps(
      loadConfig({ DATABASE_URL: stack.databaseUrl, TASK_QUEUE: stack.taskQueue }),
      createLogger('silent'),
      deadAddress,
    );
    const server = createApp(deps).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const cut = await ApiSession.signIn(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        clerkUser.id,
        password,
      );
      const codes = items.map((i) => i.implementationCode);
      const first = await cut.call('POST', '/api/cases', application(codes.slice(0, 1)), {
        'idempotency-key': 'window-1-outage-1',
      });
      expect(first.status).toBe(503);
      expect(first.body.detail).toMatch(
        /已登记，但流程引擎暂未启动其流程：请使用同一 Idempotency-Key 重新提交/,
      );
      expect(first.body.detail).toMatch(/recorded but Temporal .* did not start its workflow/);
      const second = await cut.call('POST', '/api/cases', application(codes.slice(1, 2)));
      expect(second.status).toBe(503);
      const [a, b] = await db.case.findMany({
        where: { tasks: { none: {} } },
        orderBy: { caseNo: 'desc' },
        take: 2,
      });
      expect([a, b].every((c) => c.status === 'accepted')).toBe(true);

      // The clerk retries with the same key against a working API: the same case, its workflow now runs.
      const retried = await clerk.call('POST', '/api/cases', application(codes.slice(0, 1)), {
        'idempotency-key': 'window-1-outage-1',
      });
      expect(retried.status).toBe(200);
      await eventually(async () =>
        (await db.task.count({ where: { caseNo: retried.body.caseNo } })) === 1 ? true : undefined,
      );

      // The other case is found by the repair tool and started from its stored start command.
      const orphan = [a, b].find((c) => c.caseNo !== retried.body.caseNo)!.caseNo;
      const report = await cli('--json', '--case', orphan);
      expect(JSON.parse(report.stdout).found).toEqual([
        expect.objectContaining({ kind: 'workflow_not_started', repaired: false }),
      ]);
      const repaired = await cli('--json', '--repair', '--case', orphan);
      expect(JSON.parse(repaired.stdout).found).toEqual([
        expect.objectContaining({ kind: 'workflow_not_started', repaired: true }),
      ]);
      await eventually(async () =>
        (await db.task.count({ where: { caseNo: orphan } })) === 1 ? true : undefined,
      );
      expect(await db.case.count({ where: { caseNo: { in: [orphan, retried.body.caseNo] } } })).toBe(2);
    } finally {
      server.close();
      await deps.temporal.connection.close().catch(() => undefined);
      await deps.db.$disconnect();
    }
  }, 120_000);
  it('compares every row the workflow decides, for an open and a closed case: each planted difference is reported, repaired, then gone', async () => {
    const codes = items.map((i) => i.implementationCode);
    const steps = codes.map((c) => itemStepId(c));
    const act = (i: number, body: Record<string, unknown>) =>
      approver(items[i].departmentCode).call('POST', `/api/cases/${body.caseNo}/actions`, {
        ...body,
        caseNo: undefined,
      });
    const accept = async () => {
      const accepted = await clerk.call('POST', '/api/cases', application(codes));
      expect(accepted.status).toBe(201);
      const caseNo: string = accepted.body.caseNo;
      await eventually(async () => ((await db.task.count({ where: { caseNo } })) === 3 ? true : undefined));
      return caseNo;
    };
    // Open: 抄送 on the second step, the first approved. Closed: all three approved and issued (two certificates).
    const open = await accept();
    const cc = await act(1, {
      caseNo: open,
      verb: 'copy_to',
      stepId: steps[1],
      to: [approverOf(items[0].departmentCode), approverOf(items[2].departmentCode)],
      note: '请知悉',
    });
    expect(cc.status).toBe(200);
    expect((await act(0, { caseNo: open, verb: 'approve', stepId: steps[0] })).status).toBe(200);
    const closed = await accept();
    for (const i of [0, 1, 2])
      expect((await act(i, { caseNo: closed, verb: 'approve', stepId: steps[i] })).status).toBe(200);
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo: closed } }))?.status === 'decided' ? true : undefined,
    );
    const issued = await clerk.call('POST', `/api/cases/${closed}/issue`, { delivery: { method: 'window' } });
    expect([issued.status, issued.body]).toEqual([200, expect.anything()]);
    await eventually(async () => {
      const row = await db.case.findUnique({ where: { caseNo: closed } });
      const certificates = await db.certificate.count({ where: { sourceCaseNo: closed } });
      return row?.status === 'issued' && certificates === 2 ? true : undefined;
    });
    await eventually(async () =>
      (await db.decision.count({ where: { caseNo: open } })) === 2 ? true : undefined,
    );
    const both = ['--case', open, '--case', closed];
    const clean = await cli('--json', ...both);
    expect([clean.status, JSON.parse(clean.stdout)]).toEqual([0, { found: [], remaining: [] }]);

    const snapshot = async () => ({
      tasks: (
        await db.task.findMany({ where: { caseNo: { in: [open, closed] } }, orderBy: { id: 'asc' } })
      ).map((t) => ({
        ...t,
        openedAt: t.openedAt.toISOString(),
        closedAt: t.closedAt?.toISOString() ?? null,
      })),
      holders: await db.taskHolder.findMany({
        where: { task: { caseNo: { in: [open, closed] } } },
        orderBy: [{ taskId: 'asc' }, { userId: 'asc' }],
      }),
      decisions: (
        await db.decision.findMany({
          where: { caseNo: { in: [open, closed] } },
          orderBy: { decidedAt: 'asc' },
        })
      ).map((d) => [d.caseNo, d.stepId, d.verb, d.actorUserId, d.decidedAt.toISOString(), d.reason]),
      copies: (await db.caseCopy.findMany({ where: { caseNo: open } })).map((c) => [
        c.stepId,
        c.userId,
        c.copiedBy,
        c.note,
        c.copiedAt.toISOString(),
      ]),
      certificates: (
        await db.certificate.findMany({ where: { sourceCaseNo: closed }, orderBy: { number: 'asc' } })
      ).map((c) => ({ ...c, id: undefined, issuedAt: c.issuedAt.toISOString() })),
      cases: await db.case.findMany({
        where: { caseNo: { in: [open, closed] } },
        select: { caseNo: true, status: true, statutoryDueDate: true, promisedDueDate: true },
        orderBy: { caseNo: 'asc' },
      }),
    });
    const before = await snapshot();

    // The differences an abandoned workflow task (or a hand) leaves: one of each kind.
    const earlier = (d: Date | null) => new Date(d!.getTime() - 15_000);
    const decided = await db.task.findUniqueOrThrow({ where: { id: `${open}:${steps[0]}:1` } });
    await db.task.update({
      where: { id: decided.id },
      data: { closedAt: earlier(decided.closedAt), outcome: 'refused', openedAt: earlier(decided.openedAt) },
    });
    await db.task.create({
      data: { ...decided, id: `${open}:${steps[0]}:2`, seq: 2, state: 'open', closedAt: null, outcome: null },
    });
    await db.task.update({ where: { id: `${open}:${steps[1]}:1` }, data: { clockState: 'supplement' } });
    await db.taskHolder.deleteMany({ where: { taskId: `${open}:${steps[2]}:1` } });
    await db.task.update({
      where: { id: `${open}:${steps[2]}:1` },
      data: { state: 'done', outcome: 'approved', closedAt: new Date() },
    });
    const approval = await db.decision.findFirstOrThrow({ where: { caseNo: open, verb: 'approve' } });
    await db.decision.update({
      where: { id: approval.id },
      data: { decidedAt: earlier(approval.decidedAt) },
    });
    const copy = await db.decision.findFirstOrThrow({ where: { caseNo: open, verb: 'cc' } });
    await db.caseCopy.deleteMany({ where: { caseNo: open, userId: approverOf(items[0].departmentCode) } });
    const kept0 = await db.caseCopy.findFirstOrThrow({ where: { caseNo: open } });
    await db.caseCopy.update({ where: { id: kept0.id }, data: { copiedAt: earlier(kept0.copiedAt) } });
    await db.decision.delete({ where: { id: copy.id } });
    await db.decision.create({
      data: {
        ...copy,
        id: `${open}:900`,
        eventSeq: 900,
        stepId: steps[2],
        actorUserId: approverOf(items[2].departmentCode),
      },
    });
    await db.caseCopy.create({
      data: {
        id: `${open}:900:supervisor-1`,
        caseNo: open,
        stepId: steps[2],
        userId: 'supervisor-1',
        copiedBy: approverOf(items[2].departmentCode),
        eventKey: `${open}:900`,
        copiedAt: new Date(),
      },
    });
    await db.case.update({
      where: { caseNo: open },
      data: { status: 'special_procedure', promisedDueDate: '2000-01-01' },
    });
    const [kept, lost] = await db.certificate.findMany({
      where: { sourceCaseNo: closed },
      orderBy: { number: 'asc' },
    });
    await db.certificate.delete({ where: { id: lost.id } });
    await db.certificate.update({ where: { id: kept.id }, data: { issuedAt: earlier(kept.issuedAt) } });
    await db.certificate.create({ data: { ...kept, id: `${closed}:900`, number: `${closed}-Z900` } });
    const closedTask = await db.task.findUniqueOrThrow({ where: { id: `${closed}:${steps[2]}:1` } });
    await db.task.update({ where: { id: closedTask.id }, data: { closedAt: earlier(closedTask.closedAt) } });
    await db.case.update({ where: { caseNo: closed }, data: { status: 'decided' } });

    const report = await cli('--json', ...both);
    expect(report.status).toBe(1);
    const reported: (Drift & { caseNo: string })[] = JSON.parse(report.stdout).found;
    const at = (caseNo: string) => (caseNo === open ? 'open' : 'closed');
    expect(reported.map((d) => [at(d.caseNo), d.kind, d.stepId ?? null]).sort()).toEqual(
      [
        ['open', 'wrong_task_outcome', steps[0]],
        ['open', 'wrong_closed_at', steps[0]],
        ['open', 'wrong_opened_at', steps[0]],
        ['open', 'phantom_task', steps[0]],
        ['open', 'wrong_step_clock', steps[1]],
        ['open', 'wrong_holders', steps[2]],
        ['open', 'task_closed_in_db_open_in_workflow', steps[2]],
        ['open', 'wrong_copy_time', steps[1]],
        ['open', 'wrong_decision_time', steps[0]],
        ['open', 'phantom_decision', steps[2]],
        ['open', 'missing_decision', steps[1]],
        ['open', 'phantom_copy', steps[2]],
        ['open', 'missing_copy', steps[1]],
        ['open', 'case_status', null],
        ['open', 'case_promised_due_date', null],
        ['closed', 'missing_certificate', steps.find((s) => lost.data.includes(s)) ?? null],
        ['closed', 'phantom_certificate', null],
        ['closed', 'wrong_certificate', steps.find((s) => kept.data.includes(s)) ?? null],
        ['closed', 'wrong_closed_at', steps[2]],
        ['closed', 'case_status', null],
      ].sort(),
    );

    const repaired = await cli('--json', '--repair', ...both);
    expect([repaired.status, JSON.parse(repaired.stdout).remaining]).toEqual([0, []]);
    const again = await cli('--json', '--repair', ...both);
    expect([again.status, JSON.parse(again.stdout)]).toEqual([0, { found: [], remaining: [] }]);
    // Back to what the activities wrote (the missing 抄送 decision comes back under a repair sequence number).
    expect(await snapshot()).toEqual(before);
  }, 240_000);

  it('a worker frozen in the middle of an approval (kill -STOP past the workflow task timeout) leaves the projection equal to the workflow', async () => {
    // The stack's worker stops; a worker of its own process takes the task queue and freezes itself right after
    // the projection write that closes the approved task.
    await stack.stopWorker();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot(), 'apps/worker/test/support/freezing-worker.ts')],
      {
        cwd: repoRoot(),
        env: {
          ...process.env,
          DATABASE_URL: stack.databaseUrl,
          TEMPORAL_ADDRESS: stack.temporalAddress,
          TASK_QUEUE: stack.taskQueue,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let said = '';
    child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    try {
      await eventually(async () => (said.includes('ready') ? true : undefined), 120_000);
      const codes = items.map((i) => i.implementationCode);
      const accepted = await clerk.call('POST', '/api/cases', application(codes));
      expect(accepted.status).toBe(201);
      const caseNo: string = accepted.body.caseNo;
      await eventually(async () => ((await db.task.count({ where: { caseNo } })) === 3 ? true : undefined));
      const stepId = itemStepId(codes[0]);
      const handle = temporal.workflow.getHandle(caseNo);
      const approve = () =>
        approver(items[0].departmentCode).call(
          'POST',
          `/api/cases/${caseNo}/actions`,
          { verb: 'approve', stepId },
          { 'idempotency-key': `freeze-${caseNo}` },
        );
      const approval = approve();
      await eventually(async () => (said.includes('frozen') ? true : undefined), 60_000);
      // The fault has had its effect once the workflow task that ran the write timed out (a local write of an
      // attempt that does not commit), or the write is a regular activity in flight (its task committed).
      await eventually(async () => {
        const { events } = await handle.fetchHistory();
        if ((events ?? []).some((e) => e.workflowTaskTimedOutEventAttributes)) return true;
        const { raw } = await handle.describe();
        const pending = raw.pendingActivities ?? [];
        return pending.some((a) => a.activityType?.name === 'writeProjections') ? true : undefined;
      }, 60_000);
      process.kill(child.pid!, 'SIGCONT');
      let answer = await approval;
      // A 503 asks for the same request again, with the same Idempotency-Key.
      for (let i = 0; answer.status === 503 && i < 5; i++) answer = await approve();
      expect(answer.status).toBe(200);

      const view = await eventually(async () => {
        const v = await handle.query(caseStateQuery);
        const done = await db.task.count({ where: { caseNo, stepId, state: 'done' } });
        return v.steps.find((s) => s.stepId === stepId)?.status === 'approved' && done === 1 ? v : undefined;
      }, 60_000);
      const step = view.steps.find((s) => s.stepId === stepId)!;
      const row = await db.task.findUniqueOrThrow({
        where: { id: `${caseNo}:${stepId}:${step.generation}` },
      });
      const decided = view.history.filter((h) => h.stepId === stepId && h.action === 'approve');
      const decisions = await db.decision.findMany({ where: { caseNo, stepId, verb: 'approve' } });
      expect({
        closedAt: row.closedAt?.toISOString(),
        decisions: decisions.map((d) => d.decidedAt.toISOString()),
      }).toEqual({ closedAt: step.closedAt, decisions: decided.map((h) => h.at) });
      // And the full comparison finds nothing for the case.
      const check = await cli('--json', '--case', caseNo);
      expect([check.status, JSON.parse(check.stdout)]).toEqual([0, { found: [], remaining: [] }]);
    } finally {
      if (child.exitCode === null) {
        process.kill(child.pid!, 'SIGCONT');
        child.kill('SIGKILL');
      }
      await stack.startWorker();
    }
  }, 240_000);
});
