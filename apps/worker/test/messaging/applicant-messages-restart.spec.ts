import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { OFFICIAL_CALENDAR_DATA } from '@onewindow/calendar';
import { repoRoot } from '@onewindow/config';
import { defaultPlanForItems, hashPlan, itemStepId } from '@onewindow/flow-model';
import {
  createSqliteTestDatabase,
  startTemporalDevServer,
  type TemporalDevServer,
  type TestDatabase,
} from '@onewindow/testkit';
import {
  approveStep,
  caseWorkflow,
  issueResults,
  returnForSupplement,
  submitSupplement,
  type CaseWorkflowInput,
} from '@onewindow/workflows';
import { startTestSmtpServer, type TestSmtpServer } from './support/test-smtp-server';

/**
 * The case workflow's messages to the applicant — "supplement needed" after a 补正, then "ready for collection"
 * exactly once through a worker that dies in the middle of the send: a real Temporal dev server, the real case
 * workflow, a worker in a process of its own (support/messaging-worker.ts) and a real SMTP server that holds its
 * answer to the DATA of "ready for collection". The test kills that worker (SIGKILL) while the server still
 * holds the message — never accepted — and starts another; Temporal retries the activity there (its 30 s
 * start-to-close timeout passed), and the server ends with exactly one accepted copy of it.
 */
describe('applicant messages across a worker restart', () => {
  let temporal: TemporalDevServer;
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let client: Client;
  const workers: ChildProcess[] = [];
  const taskQueue = `messages-${process.pid}`;
  const caseNo = 'YC20261102000001';

  /** Starts a worker process and resolves once it polls. */
  const startWorker = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot(), 'apps/worker/test/messaging/support/messaging-worker.ts')],
        {
          cwd: repoRoot(),
          env: {
            ...process.env,
            DATABASE_URL: database.url,
            TEMPORAL_ADDRESS: temporal.address,
            TASK_QUEUE: taskQueue,
            SMTP_PORT: String(smtp.port),
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      workers.push(child);
      child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(child);
      });
    });

  const kill = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });

  /** Polls `read` until it returns a value (the worker processes run on their own time). */
  const eventually = async <T>(read: () => Promise<T | undefined>, what: string): Promise<T> => {
    for (let i = 0; i < 1200; i++) {
      const value = await read();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`gave up waiting for ${what}`);
  };

  beforeAll(async () => {
    [temporal, database, smtp] = await Promise.all([
      startTemporalDevServer(),
      createSqliteTestDatabase(),
      startTestSmtpServer(),
    ]);
    client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
    await database.db.applicant.create({
      data: {
        id: 'A1',
        kind: 'person',
        idNumber: '11010519491231002X',
        name: '张三',
        email: 'zhangsan@example.com',
      },
    });
    await database.db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'accepted' } });
  }, 120_000);
  afterAll(async () => {
    for (const child of workers) await kill(child, 'SIGKILL');
    await client?.connection.close();
    await smtp?.close();
    await temporal?.stop();
    await database?.dispose();
  }, 60_000);

  it('sends "supplement needed", then "ready for collection" once although the worker sending it was killed before the server accepted it', async () => {
    const first = await startWorker();
    const plan = defaultPlanForItems(
      [
        {
          itemCode: 'FOOD',
          name: '食品经营许可',
          departmentCode: 'SAMR',
          limitWorkingDays: 5,
          assignees: ['food-1'],
        },
      ],
      { key: 'messages' },
    );
    const input: CaseWorkflowInput = {
      caseNo,
      plan,
      planHash: hashPlan(plan),
      acceptedOn: '2026-11-02',
      limits: { statutory: { value: 20, unit: 'working_day' } },
      calendar: OFFICIAL_CALENDAR_DATA,
      reminders: { remainingWorkingDays: [], escalateOverdue: false },
      projections: 'activity-serial',
      applicantMessages: true,
    };
    const handle = await client.workflow.start(caseWorkflow, {
      taskQueue,
      workflowId: caseNo,
      args: [input],
    });
    const stepId = itemStepId('FOOD');

    // 补正: the applicant is told which materials to bring.
    await handle.executeUpdate(returnForSupplement, {
      args: [{ stepId, actor: 'food-1', materials: ['食品安全管理制度', '从业人员健康证明'] }],
    });
    await eventually(async () => (smtp.accepted.length === 1 ? true : undefined), 'the supplement message');
    expect(smtp.accepted[0].subject).toBe(`【某某区政务服务中心】办件 ${caseNo}需要补正材料`);
    expect(smtp.accepted[0].text).toContain('1. 食品安全管理制度');
    expect(smtp.accepted[0].text).toContain('2. 从业人员健康证明');
    await handle.executeUpdate(submitSupplement, { args: [{ stepId, actor: 'window-1' }] });

    // Approved: the case is ready for collection; the server holds its answer, the worker dies waiting for it.
    const held = smtp.holdNext();
    await handle.executeUpdate(approveStep, { args: [{ stepId, actor: 'food-1' }] });
    await held;
    await kill(first, 'SIGKILL');
    expect([smtp.accepted.length, smtp.dropped.length]).toEqual([1, 1]);
    const pending = await database.db.applicantMessage.findMany({
      where: { caseNo, kind: 'ready_for_collection' },
    });
    expect(pending).toMatchObject([{ kind: 'ready_for_collection', state: 'pending', attempts: 1 }]);

    await startWorker();
    await eventually(async () => {
      const row = await database.db.applicantMessage.findFirst({
        where: { caseNo, kind: 'ready_for_collection', state: 'sent' },
      });
      return row ?? undefined;
    }, 'the retried send');
    // Temporal has the activity completed: no attempt is left to send again.
    await eventually(
      async () => ((await handle.describe()).raw.pendingActivities?.length ? undefined : true),
      'the activity to complete',
    );
    await handle.executeUpdate(issueResults, {
      args: [{ actor: 'window-1', delivery: { method: 'window' } }],
    });
    expect((await handle.result()).outcome).toBe('approved');

    expect(smtp.accepted).toHaveLength(2);
    expect(smtp.accepted[1]).toMatchObject({
      to: ['zhangsan@example.com'],
      subject: `【某某区政务服务中心】办件 ${caseNo}已办结，请领取办理结果`,
      messageId: `<${pending[0].eventKey}@onewindow>`,
    });
    expect(smtp.accepted[1].text).toContain('张三，您好：');
    const rows = await database.db.applicantMessage.findMany({
      where: { caseNo },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows).toMatchObject([
      { kind: 'supplement_needed', state: 'sent', attempts: 1, channel: 'smtp' },
      { kind: 'ready_for_collection', state: 'sent', attempts: 2, channel: 'smtp' },
    ]);
  }, 240_000);
});
