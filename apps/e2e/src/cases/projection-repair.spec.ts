import { execFile } from 'node:child_process';
import { repoRoot } from '@onewindow/config';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { startStack, type RunningStack } from '../support/start-stack';
import { application, eventually, items, seedCatalogue, signInAll } from './case-fixtures';
import type { ApiSession } from './http-session';

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
  beforeAll(async () => {
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
    ({ clerk, approver } = await signInAll(stack.baseUrl));
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);


  /** The CLI as an operator runs it, against the stack's database and Temporal (async: the worker lives in this process). */
  const cli = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'npx',
        ['tsx', 'tools/repair/check-projections.ts', ...args],
        {
          cwd: repoRoot(),
          env: { ...process.env, DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, TASK_QUEUE: stack.taskQueue, LOG_LEVEL: 'silent' },
          timeout: 60_000,
        },
        (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });

  it('reports drift made by editing rows, repairs it idempotently, then reports clean', async () => {
    const codes = items.map((i) => i.implementationCode);
    const accepted = await clerk.call('POST', '/api/cases', application(codes));
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(async () => ((await db.task.count({ where: { caseNo } })) === 3 ? true : undefined));
    const approved = await approver(items[0].departmentCode).call('POST', `/api/cases/${caseNo}/actions`, { verb: 'approve', stepId: itemStepId(codes[0]) });
    expect(approved.status).toBe(200);
    await eventually(async () => ((await db.task.count({ where: { caseNo, state: 'done' } })) === 1 ? true : undefined));
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
    expect({ ...restored, openedAt: restored.openedAt.toISOString() }).toMatchObject({ ...lost, openedAt: lost.openedAt.toISOString() });
    expect(await db.task.findUniqueOrThrow({ where: { id: scjg } })).toMatchObject({ state: 'done', outcome: 'approved' });
    expect(await db.task.findUniqueOrThrow({ where: { id: cgj } })).toMatchObject({ dueDate: cgjDue });
    expect(await db.case.findUniqueOrThrow({ where: { caseNo } })).toMatchObject({ statutoryDueDate: caseRow.statutoryDueDate });
    expect(await db.task.count({ where: { caseNo } })).toBe(3);
  }, 120_000);
});
