import type { AcceptedCaseResponse, CaseDetailsResponse } from '@onewindow/contracts';
import type { CaseWorkflowInput } from '@onewindow/workflows';
import type { Client } from '@temporalio/client';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * Which statutory limit a case runs on (joint handling, 即办件), on the real Express app over a migrated SQLite
 * file: a bundle handled jointly gets 行政许可法 Art. 42 ¶2's 45 working days (+15), other cases the strictest item
 * limit (+10), a 即办件 0 days. Temporal is not running: its client is replaced by one that records the workflow
 * start commands it is given (the API's code is what runs), and the case view then answers from the projection.
 */
describe('acceptance: the joint limit of a bundle, 即办件, and the case view', () => {
  let api: TestApi;
  let clerk: HttpSession;
  const started: CaseWorkflowInput[] = [];
  // Three made-up 31-character implementation codes (not real ones), one per department with demo approvers.
  const FOOD = '11370800MB28559184301011700201A';
  const FIRE = '11370800MB28559184301011700202B';
  const SEAL = '11370800MB28559184301011700203C';
  const applicant = { kind: 'person', idNumber: '11010519491231002X', name: '张三' };

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoUsers(api.deps.db);
    const version = await api.deps.db.catalogueVersion.create({
      data: { label: 'case limits test', source: 'seed', createdBy: 'test' },
    });
    const item = (code: string, name: string, dept: string, statutory: number, promised: number) =>
      api.deps.db.item.create({
        data: {
          id: `${code}@1`,
          itemKey: code,
          basicCode: code.slice(19),
          implementationCode: code,
          name,
          itemType: '01',
          departmentCode: dept,
          version: 1,
          statutoryLimitValue: statutory,
          statutoryLimitUnit: 'working_day',
          promisedLimitValue: promised,
          promisedLimitUnit: 'working_day',
          data: JSON.stringify({ results: [] }),
          catalogueVersionId: version.id,
        },
      });
    await item(FOOD, '食品经营许可', 'SFS-SCJG', 20, 10);
    await item(FIRE, '营业前消防安全检查', 'SFS-XFJY', 20, 5);
    await item(SEAL, '即办证明', 'SFS-WJW', 1, 0);
    const bundle = (code: string, jointHandling?: string) =>
      api.deps.db.bundle.create({
        data: {
          code,
          version: 1,
          name: code,
          data: JSON.stringify({
            code,
            name: code,
            serviceObjects: ['2'],
            items: [{ itemCode: FOOD }, { itemCode: FIRE }, { itemCode: SEAL, optional: true }],
            form: [],
            ...(jointHandling ? { jointHandling } : {}),
          }),
        },
      });
    await bundle('TEST-JOINT', 'unified');
    await bundle('TEST-TOGETHER');
    // The stand-in for Temporal: records the start command; the case view's query finds no workflow.
    api.deps.temporal.client = {
      workflow: {
        start: async (_wf: unknown, options: { args: [CaseWorkflowInput] }) => {
          started.push(options.args[0]);
          return {};
        },
        getHandle: () => ({
          query: async () => {
            throw new Error('workflow not found (test)');
          },
        }),
      },
    } as unknown as Client;
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  async function accept(
    body: object,
  ): Promise<{ status: number; body: AcceptedCaseResponse & { detail: string } }> {
    const res = await clerk.request('POST', '/api/cases', {
      body: { applicant, materials: [], ...body },
      csrf: true,
    });
    return { status: res.status, body: (await res.json()) as AcceptedCaseResponse & { detail: string } };
  }

  it('a bundle handled jointly (统一办理) gets 45 working days, extensible by 15, in the answer and the start command', async () => {
    const res = await accept({
      items: [{ implementationCode: FOOD }, { implementationCode: FIRE }],
      bundleCode: 'TEST-JOINT',
    });
    expect(res.status).toBe(201);
    const body = res.body;
    expect(body).toMatchObject({ kind: 'bundle', bundleCode: 'TEST-JOINT' });
    expect(body.limits).toEqual({
      statutory: { value: 45, unit: 'working_day' },
      promised: { value: 5, unit: 'working_day' },
      maxExtensionDays: 15,
    });
    expect(body.limitBasis).toMatchObject({
      rule: 'joint_handling',
      jointHandling: 'unified',
      declaredBy: 'bundle',
      bundleCode: 'TEST-JOINT',
      maxExtensionDays: 15,
      onTheSpot: false,
    });
    expect(body.limitBasis!.law).toContain('第四十二条第二款');
    expect(body.limitBasis!.explanation).toContain('45个工作日');
    expect(started.at(-1)!.limits).toEqual(body.limits);
    expect(await api.deps.db.case.findUnique({ where: { caseNo: body.caseNo } })).toMatchObject({
      kind: 'bundle',
      bundleCode: 'TEST-JOINT',
    });

    // The case view says the same, and which year without a holiday notice a due date counts on.
    const year = Number(body.acceptedOn.slice(0, 4)) + 2;
    await api.deps.db.case.update({
      where: { caseNo: body.caseNo },
      data: { statutoryDueDate: `${year}-03-01` },
    });
    const view = await clerk.request('GET', `/api/cases/${body.caseNo}`);
    expect(view.status).toBe(200);
    const details = (await view.json()) as CaseDetailsResponse;
    expect(details).toMatchObject({ source: 'projection', kind: 'bundle', bundleCode: 'TEST-JOINT' });
    expect(details.limitBasis).toEqual(body.limitBasis);
    expect(details.provisional?.yearsWithoutNotice).toContain(year);
    expect(details.provisional?.reason).toMatch(
      new RegExp(`^provisional: no holiday notice for .*${year} yet$`),
    );
  }, 30_000);

  it('the same items as a bundle not handled jointly, or without a bundle, run on the strictest item limit (+10)', async () => {
    for (const extra of [{ bundleCode: 'TEST-TOGETHER' }, {}]) {
      const res = await accept({
        items: [{ implementationCode: FOOD }, { implementationCode: FIRE }],
        ...extra,
      });
      expect(res.status).toBe(201);
      expect(res.body.limits).toEqual({
        statutory: { value: 20, unit: 'working_day' },
        promised: { value: 5, unit: 'working_day' },
        maxExtensionDays: 10,
      });
      expect(res.body.limitBasis).toMatchObject({
        rule: 'strictest_item',
        maxExtensionDays: 10,
        onTheSpot: false,
      });
      expect(res.body.limitBasis!.law).toContain('第四十二条第一款');
      const details = (await (
        await clerk.request('GET', `/api/cases/${res.body.caseNo}`)
      ).json()) as CaseDetailsResponse;
      expect(details.provisional).toBeUndefined();
    }
  }, 30_000);

  it('a bundle application names the bundle’s items, every required one', async () => {
    const missing = await accept({ items: [{ implementationCode: FOOD }], bundleCode: 'TEST-JOINT' });
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toContain(`bundle TEST-JOINT also requires ${FIRE}`);
    const unknown = await accept({ items: [{ implementationCode: FOOD }], bundleCode: 'NO-SUCH' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('no active bundle NO-SUCH');
  }, 30_000);

  it('a 即办件 (promised 0 days) gets a 0-day promised clock and a 0-day department step: decided and issued in one visit', async () => {
    const res = await accept({ items: [{ implementationCode: SEAL }] });
    expect(res.status).toBe(201);
    expect(res.body.limits).toMatchObject({
      promised: { value: 0, unit: 'working_day' },
      maxExtensionDays: 10,
    });
    expect(res.body.limitBasis).toMatchObject({ rule: 'strictest_item', onTheSpot: true });
    expect(res.body.limitBasis!.explanation).toContain('当场出件');
    const input = started.at(-1)!;
    expect(input.plan.nodes).toContainEqual(
      expect.objectContaining({ type: 'department', limitWorkingDays: 0 }),
    );
  }, 30_000);

  it('a 即办 item beside timed items does not make the whole case due the day of acceptance', async () => {
    const res = await accept({ items: [{ implementationCode: FOOD }, { implementationCode: SEAL }] });
    expect(res.status).toBe(201);
    // SEAL promises 0 days (即办) and FOOD 10: the case's promised clock is FOOD's, SEAL's own step is 0 days.
    expect(res.body.limits).toEqual({
      statutory: { value: 1, unit: 'working_day' },
      promised: { value: 10, unit: 'working_day' },
      maxExtensionDays: 10,
    });
    expect(res.body.limitBasis).toMatchObject({ rule: 'strictest_item', onTheSpot: false });
    expect(started.at(-1)!.plan.nodes).toContainEqual(
      expect.objectContaining({ type: 'department', limitWorkingDays: 0 }),
    );
  }, 30_000);
});
