import ExcelJS from 'exceljs';
import { bothTestDatabases } from '@onewindow/db';
import { demoPassword } from '../src';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';
import { FOOD, seedSupervisedCentre } from './support/seed-supervised-centre';

/**
 * 终止办理 in the supervision figures, over real HTTP and real rows on SQLite and on PostgreSQL: a case ended
 * because a tolerated material missed its date (status `terminated`, its open tasks cancelled, a `terminate`
 * decision) is counted per department on its own — not as decided, not as open, not as a withdrawal — by the
 * Asia/Shanghai day of its termination. The period is given, so nothing depends on today's date.
 */
describe.each(bothTestDatabases)('终止办理 in the figures on %s', (_kind, createDatabase) => {
  let api: TestApi;
  let supervisor: HttpSession;
  let lead: HttpSession;
  const no = (n: number) => `YC2026120100020${n}`;
  const query = 'from=2026-12-01&to=2026-12-15&on=2026-12-16';

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 }, await createDatabase());
    const db = api.deps.db;
    await seedSupervisedCentre(db);
    const ended = async (
      n: number,
      status: 'terminated' | 'withdrawn',
      at: string,
      tasks: { departmentCode: string; state: 'done' | 'cancelled'; closedAt: string }[],
    ) => {
      await db.case.create({
        data: {
          caseNo: no(n),
          applicantId: 'A1',
          kind: 'item',
          status,
          acceptedAt: new Date('2026-11-16T02:00:00Z'),
          items: { create: [{ implementationCode: FOOD, itemVersion: 1 }] },
          tasks: {
            create: tasks.map((t, i) => ({
              id: `${no(n)}:s${i}:1`,
              stepId: `s${i}`,
              seq: 1,
              departmentCode: t.departmentCode,
              role: 'dept_approver',
              state: t.state,
              outcome: t.state === 'done' ? 'approved' : 'cancelled',
              openedAt: new Date('2026-11-16T02:00:00Z'),
              dueDate: '2026-12-14',
              closedAt: new Date(t.closedAt),
            })),
          },
          decisions: {
            create: [
              {
                id: `${no(n)}:9`,
                eventSeq: 9,
                verb: status === 'terminated' ? 'terminate' : 'withdraw',
                actorUserId: 'system',
                payload: '{}',
                decidedAt: new Date(at),
              },
            ],
          },
        },
      });
    };
    // Terminated on 12-08 with its market-supervision step still open (cancelled then).
    await ended(1, 'terminated', '2026-12-08T02:00:00Z', [
      { departmentCode: 'SFS-SCJG', state: 'cancelled', closedAt: '2026-12-08T02:00:00Z' },
    ]);
    // Approved by market supervision on 12-03 (a decided task), terminated on 12-10 with health's step open.
    await ended(2, 'terminated', '2026-12-10T02:00:00Z', [
      { departmentCode: 'SFS-SCJG', state: 'done', closedAt: '2026-12-03T02:00:00Z' },
      { departmentCode: 'SFS-WJW', state: 'cancelled', closedAt: '2026-12-10T02:00:00Z' },
    ]);
    // Terminated before the period.
    await ended(3, 'terminated', '2026-11-20T02:00:00Z', [
      { departmentCode: 'SFS-SCJG', state: 'cancelled', closedAt: '2026-11-20T02:00:00Z' },
    ]);
    // Withdrawn in the period: a status of its own, not 终止办理.
    await ended(4, 'withdrawn', '2026-12-09T02:00:00Z', [
      { departmentCode: 'SFS-SCJG', state: 'cancelled', closedAt: '2026-12-09T02:00:00Z' },
    ]);
    // 00:30 in Shanghai on 12-16 (after the period) and on 12-01 (its first day), both 16:30 UTC the day before.
    await ended(5, 'terminated', '2026-12-15T16:30:00Z', [
      { departmentCode: 'SFS-SCJG', state: 'cancelled', closedAt: '2026-12-15T16:30:00Z' },
    ]);
    await ended(6, 'terminated', '2026-11-30T16:30:00Z', [
      { departmentCode: 'SFS-SCJG', state: 'cancelled', closedAt: '2026-11-30T16:30:00Z' },
    ]);
    supervisor = await signedIn(api.baseUrl, 'supervisor', demoPassword);
    lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await api?.database.dispose();
  });

  const department = (body: { departments: { departmentCode: string }[] }, code: string) =>
    body.departments.find((d) => d.departmentCode === code);

  it('counts the cases terminated in the period per department, apart from the decided, the open and the withdrawn', async () => {
    const res = await supervisor.request('GET', `/api/supervision/figures?${query}`);
    const body = await json(res);
    expect([res.status, body.detail]).toEqual([200, undefined]);
    expect(department(body, 'SFS-SCJG')).toMatchObject({
      terminated: 3, // cases 1, 2 and 6
      closed: 1, // case 2's approval
      onTime: 1,
      open: 0,
      overdue: 0,
    });
    expect(department(body, 'SFS-WJW')).toMatchObject({ terminated: 1, closed: 0, open: 0 });
    const lastDay = await json(
      await supervisor.request('GET', '/api/supervision/figures?from=2026-12-16&to=2026-12-16&on=2026-12-16'),
    );
    expect(department(lastDay, 'SFS-SCJG')).toMatchObject({ terminated: 1 }); // case 5
  });

  it("gives a lead their own department's count, in the XLSX export too", async () => {
    const body = await json(await lead.request('GET', `/api/supervision/figures?${query}`));
    expect(body.departments.map((d: { departmentCode: string }) => d.departmentCode)).toEqual(['SFS-SCJG']);
    expect(body.departments[0]).toMatchObject({ terminated: 3 });
    const res = await lead.request('GET', `/api/supervision/export/figures.xlsx?${query}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = ws.getRow(1).values as unknown[];
    const column = headers.indexOf('终止办理');
    expect(column).toBeGreaterThan(0);
    expect(ws.getRow(2).getCell(column).value).toBe(3);
  });
});
