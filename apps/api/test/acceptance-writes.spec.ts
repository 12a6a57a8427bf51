import { Client, Connection } from '@temporalio/client';
import { bothTestDatabases, type TestDatabase } from '@onewindow/db';
import { startTemporalDevServer, type TemporalDevServer } from '@onewindow/testkit';
import { verifyAuditChain } from '../src';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';
import { seedCatalogueItem } from './support/seed-catalogue-item';

/**
 * What one acceptance writes, on each database: the case and the request's audit entry in one transaction (one
 * entry per acceptance, naming the case; a replay gets the response's usual entry; a refused application none),
 * and the "started" mark of its workflow start command carried by the next acceptance's transaction. Real
 * Express app, real Temporal dev server (the workflows are only started: no worker runs them).
 */
describe.each(bothTestDatabases)('the writes of an acceptance on %s', (_name, createDatabase) => {
  let database: TestDatabase;
  let api: TestApi;
  let clerk: HttpSession;
  let server: TemporalDevServer;
  const implementationCode = '11370800MB28559184337011700201Y';

  beforeAll(async () => {
    database = await createDatabase();
    api = await startTestApi({}, database);
    await seedDemoUsers(api.deps.db);
    await seedCatalogueItem(api.deps.db, {
      code: implementationCode,
      name: '食品经营许可',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
      results: [{ name: '批复', kind: 'approval_document' }],
    });
    server = await startTemporalDevServer();
    const connection = await Connection.connect({ address: server.address });
    api.deps.temporal = {
      client: new Client({ connection }),
      connection,
      address: server.address,
      taskQueue: 'acceptance-writes-test',
    };
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 120_000);
  afterAll(async () => {
    await api?.deps.temporal.connection.close();
    await api?.stop();
    await server?.stop();
    await database?.dispose();
  });

  const accept = (key: string, idNumber = '11010519491231002X') =>
    clerk.request('POST', '/api/cases', {
      body: {
        items: [{ implementationCode }],
        applicant: { kind: 'person', idNumber, name: '张三' },
        materials: [{ materialCode: 'M-ID', originals: 1, copies: 1 }],
      },
      headers: { 'idempotency-key': key },
      csrf: true,
    });
  const acceptanceEntries = async () =>
    (
      await api.deps.db.auditEntry.findMany({ where: { action: 'POST /api/cases' }, orderBy: { seq: 'asc' } })
    ).map((e) => ({
      actorUserId: e.actorUserId,
      target: e.target,
      payload: JSON.parse(e.payload ?? 'null'),
    }));
  const startCommand = (caseNo: string) =>
    api.deps.db.idempotencyRecord.findUniqueOrThrow({ where: { key: `workflow-start:${caseNo}` } });

  it('one audit entry per acceptance, in its transaction; the next acceptance marks the earlier start', async () => {
    const first = await accept('writes-first');
    expect(first.status).toBe(201);
    const { caseNo: firstNo } = (await first.json()) as { caseNo: string };
    const clerkId = (await api.deps.db.user.findUniqueOrThrow({ where: { username: 'clerk' } })).id;
    expect(await acceptanceEntries()).toEqual([
      { actorUserId: clerkId, target: '/api/cases', payload: { status: 201, caseNo: firstNo } },
    ]);

    const second = await accept('writes-second', '110105194912310038');
    expect(second.status).toBe(201);
    const { caseNo: secondNo } = (await second.json()) as { caseNo: string };
    expect(secondNo).not.toBe(firstNo);
    // The first workflow was started before the second acceptance's transaction, which marked its command.
    expect((await startCommand(firstNo)).status).toBe(1);

    // A replay writes no case: the response gets the middleware's entry.
    const replay = await accept('writes-second', '110105194912310038');
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { caseNo: string }).caseNo).toBe(secondNo);
    // A refused application writes nothing at all.
    const refused = await accept('writes-refused', '110105194912310020');
    expect(refused.status).toBe(400);

    expect(await acceptanceEntries()).toEqual([
      { actorUserId: clerkId, target: '/api/cases', payload: { status: 201, caseNo: firstNo } },
      { actorUserId: clerkId, target: '/api/cases', payload: { status: 201, caseNo: secondNo } },
      { actorUserId: clerkId, target: '/api/cases', payload: { status: 200 } },
    ]);
    expect(await api.deps.db.case.count()).toBe(2);
    expect(await verifyAuditChain(api.deps.db)).toMatchObject({ ok: true });
    // Both workflows run on the server under their case numbers.
    for (const caseNo of [firstNo, secondNo])
      expect((await api.deps.temporal.client.workflow.getHandle(caseNo).describe()).type).toBe(
        'caseWorkflow',
      );
  }, 120_000);
});
