import type { WindowCorrectionsPage } from '@onewindow/contracts';
import type { Client } from '@temporalio/client';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

/**
 * 补正待收 (GET /api/window/queue?view=corrections) on the real Express app over a migrated SQLite file: an
 * application with a one-time notice, a step a department returned for 补正 and one it sent back to the window
 * (the Decision rows the worker's projection writes), each until the window's answer closes it. Temporal is
 * not running: its client records the start commands.
 */
describe('the window queue of corrections', () => {
  let api: TestApi;
  let clerk: HttpSession;
  const FOOD = '11370800MB28559184301011700201A';
  const applicant = { kind: 'person', idNumber: '11010519491231002X', name: '张三' };
  const application = {
    applicant,
    items: [{ implementationCode: FOOD }],
    materials: [{ materialCode: 'M-FOOD-APP', provenance: 'submitted', originals: 1 }],
  };

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoUsers(api.deps.db);
    await seedCatalogueItem(api.deps.db, {
      code: FOOD,
      name: '食品经营许可',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
    });
    await api.deps.db.materialStandard.create({
      data: { code: 'M-LEASE', name: '经营场所租赁合同', data: '{}' },
    });
    api.deps.temporal.client = { workflow: { start: async () => ({}) } } as unknown as Client;
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  const post = async (route: string, body: unknown) => {
    const res = await clerk.request('POST', route, { body, csrf: true });
    return (await res.json()) as { caseNo: string };
  };
  const corrections = async (query = 'view=corrections') => {
    const res = await clerk.request('GET', `/api/window/queue?${query}`);
    return { status: res.status, body: (await res.json()) as WindowCorrectionsPage & { detail?: string } };
  };
  let seq = 100;
  const decide = (caseNo: string, stepId: string, verb: string, payload: unknown, at: string) =>
    api.deps.db.decision.create({
      data: {
        id: `${caseNo}:${seq}`,
        caseNo,
        eventSeq: seq++,
        stepId,
        verb,
        actorUserId: 'demo-approver-scjg',
        payload: JSON.stringify(payload),
        decidedAt: new Date(at),
      },
    });

  it('lists a one-time notice, a 补正 and a 退回窗口 until each is answered, oldest first', async () => {
    const noticed = await post('/api/intake/correction-notices', {
      application,
      missing: [{ materialCode: 'M-LEASE', problem: '租赁合同已过期' }],
    });
    const supplement = await post('/api/cases', application);
    const returned = await post('/api/cases', application);
    await api.deps.db.case.updateMany({
      where: { caseNo: { in: [supplement.caseNo, returned.caseNo] } },
      data: { status: 'in_review' },
    });
    await decide(
      supplement.caseNo,
      'item_food',
      'return_for_supplement',
      { materials: ['营业场所平面图'], note: '标注灶台位置' },
      '2020-01-01T02:00:00Z',
    );
    await decide(
      returned.caseNo,
      'item_food',
      'send_back',
      { to: 'window', reason: '申请人签名与身份证不符', generation: 1 },
      '2020-01-01T03:00:00Z',
    );
    // A 退回 to an earlier step is the department's business, not the window's.
    await decide(returned.caseNo, 'other', 'send_back', { to: 'first', reason: 'x' }, '2020-01-01T04:00:00Z');

    const page = (await corrections()).body;
    expect(page.view).toBe('corrections');
    expect(page.items.map((e) => [e.caseNo, e.kind])).toEqual([
      [supplement.caseNo, 'supplement'],
      [returned.caseNo, 'returned'],
      [noticed.caseNo, 'intake'],
    ]);
    expect(page.items[0]).toMatchObject({
      stepId: 'item_food',
      asked: ['营业场所平面图'],
      note: '标注灶台位置',
      applicantName: '张三',
      applicantIdMasked: expect.not.stringContaining('19491231'),
      items: [{ implementationCode: FOOD, itemKey: FOOD, name: '食品经营许可' }],
    });
    expect(page.items[1].asked).toEqual(['申请人签名与身份证不符']);
    expect(page.items[2]).toMatchObject({
      asked: ['经营场所租赁合同：租赁合同已过期'],
      documentNo: `BZ-${noticed.caseNo}-1`,
      stepId: null,
    });

    // Answered: the supplement handed in, the step resubmitted, the application accepted under its number.
    await decide(
      supplement.caseNo,
      'item_food',
      'supplement_submitted',
      { materials: [] },
      '2020-01-02T02:00:00Z',
    );
    await decide(returned.caseNo, 'item_food', 'resubmitted_from_window', {}, '2020-01-02T03:00:00Z');
    await post('/api/cases', { ...application, applicationNo: noticed.caseNo });
    expect((await corrections()).body.items).toEqual([]);
  });

  it('refuses an unknown view with a Chinese message that lists the views', async () => {
    const bad = await corrections('view=returns');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('view 只能是 issuance、corrections');
  });
});
