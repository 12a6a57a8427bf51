import { Client, Connection } from '@temporalio/client';
import { freePort, startTemporalDevServer, type TemporalDevServer } from '@onewindow/testkit';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { sweepPendingWorkflowStarts } from '../src/cases/workflow-start-sweep';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';
import { seedCatalogueItem } from './support/seed-catalogue-item';

/**
 * An acceptance made while Temporal is down records the case and its workflow start command and answers
 * 503. Once Temporal is back, the case gets its workflow — from the client's retry with the same
 * Idempotency-Key, or, when nobody retries, from the background sweep. No case stays a row without a
 * workflow. Real Express app and SQLite; a real Temporal dev server that is started only after the acceptances.
 */
describe('an acceptance whose workflow could not start is completed once Temporal is back', () => {
  let api: TestApi;
  let clerk: HttpSession;
  let server: TemporalDevServer | undefined;
  let port: number;
  const implementationCode = '11370800MB28559184337011700201Y';

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoUsers(api.deps.db);
    await seedCatalogueItem(api.deps.db, {
      code: implementationCode,
      name: '食品经营许可',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
      results: [{ name: '批复', kind: 'approval_document' }],
    });
    // The API's Temporal address: a port where nothing listens yet.
    port = await freePort();
    const address = `127.0.0.1:${port}`;
    const connection = Connection.lazy({ address });
    api.deps.temporal = { client: new Client({ connection }), connection, address, taskQueue: 'sweep-test' };
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 60_000);
  afterAll(async () => {
    await api?.deps.temporal.connection.close();
    await api?.stop();
    await server?.stop();
  });

  const accept = (key: string, name: string) =>
    clerk.request('POST', '/api/cases', {
      body: {
        items: [{ implementationCode }],
        applicant: { kind: 'person', idNumber: '11010519491231002X', name },
        materials: [{ materialCode: 'M-ID', originals: 1, copies: 1 }],
      },
      headers: { 'idempotency-key': key },
      csrf: true,
    });
  const pendingStarts = () =>
    api.deps.db.idempotencyRecord.findMany({
      where: { key: { startsWith: 'workflow-start:' }, status: { not: 1 } },
    });

  it('the retry with the same key starts one; the sweep starts the one nobody retried', async () => {
    const retried = await accept('sweep-retried', '张三');
    expect(retried.status).toBe(503);
    const retriedBody = (await retried.json()) as { detail: string };
    expect(retriedBody.detail).toContain('请使用同一 Idempotency-Key 重新提交');
    const abandoned = await accept('sweep-abandoned', '李四');
    expect(abandoned.status).toBe(503);
    const cases = await api.deps.db.case.findMany({ select: { caseNo: true }, orderBy: { caseNo: 'asc' } });
    expect(cases).toHaveLength(2);
    expect(await pendingStarts()).toHaveLength(2);
    // Still down: the sweep starts nothing and keeps both commands.
    expect(await sweepPendingWorkflowStarts(api.deps, 0)).toBe(0);
    expect(await pendingStarts()).toHaveLength(2);

    server = await startTemporalDevServer({ port });
    // The client's channel reconnects with a back-off: retry until Temporal answers it (a generous bound).
    let again = await accept('sweep-retried', '张三');
    for (let i = 0; i < 60 && again.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      again = await accept('sweep-retried', '张三');
    }
    expect(again.status).toBe(200);
    const { caseNo: retriedCaseNo } = (await again.json()) as { caseNo: string };
    expect(await pendingStarts()).toHaveLength(1);

    expect(await sweepPendingWorkflowStarts(api.deps, 0)).toBe(1);
    expect(await pendingStarts()).toEqual([]);
    const temporal = new Client({ connection: await Connection.connect({ address: server.address }) });
    try {
      for (const { caseNo } of cases) {
        const described = await temporal.workflow.getHandle(caseNo).describe();
        expect([caseNo, described.type]).toEqual([caseNo, 'caseWorkflow']);
      }
      expect(cases.map((c) => c.caseNo)).toContain(retriedCaseNo);
    } finally {
      await temporal.connection.close();
    }
  }, 180_000);
});
