import type { Client } from '@temporalio/client';
import { itemStepId } from '@onewindow/flow-model';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

/**
 * 统一出件 of items whose result is not a certificate: the 送达回证 lists the 批复 of each approved item (it used to
 * list certificates and the refusal only, and a case of 批复 alone was answered 400 after the workflow had issued
 * it); a case with nothing to hand over gets no 送达回证. On the real Express app over a migrated SQLite file;
 * Temporal is not running: its client answers the issuance update as the workflow does.
 */
describe('the 送达回证 lists every result handed over', () => {
  let api: TestApi;
  let clerk: HttpSession;
  const PERMIT = '11370800MB28559184301011700201A';
  const LETTER = '11370800MB28559184301011700202B';
  const NOTHING = '11370800MB28559184301011700203C';
  const refusedSteps = new Map<string, string[]>();

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoUsers(api.deps.db);
    await seedCatalogueItem(api.deps.db, {
      code: PERMIT,
      name: '建设工程规划许可',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
      results: [{ name: '批复', kind: 'approval_document' }],
    });
    await seedCatalogueItem(api.deps.db, {
      code: LETTER,
      name: '户外广告设置审批',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
      results: [{ name: '审批决定书', kind: 'other' }],
    });
    await seedCatalogueItem(api.deps.db, {
      code: NOTHING,
      name: '信息变更备案',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
      results: [{ name: '无', kind: 'none' }],
    });
    api.deps.temporal.client = {
      workflow: {
        start: async () => ({}),
        getHandle: (caseNo: string) => ({
          executeUpdate: async () => {
            const refusals = (refusedSteps.get(caseNo) ?? []).map((stepId) => ({
              stepId,
              reasons: ['设置位置不符合规划'],
            }));
            return {
              caseNo,
              outcome: refusals.length > 0 ? 'refused' : 'approved',
              certificates: [],
              refusals,
            };
          },
        }),
      },
    } as unknown as Client;
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  const call = async (method: 'GET' | 'POST', route: string, body?: unknown) => {
    const res = await clerk.request(method, route, { ...(body === undefined ? {} : { body }), csrf: true });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const accept = async (codes: string[]) => {
    const res = await call('POST', '/api/cases', {
      applicant: { kind: 'person', idNumber: '11010519491231002X', name: '张三' },
      items: codes.map((implementationCode) => ({ implementationCode })),
      materials: [],
    });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.caseNo as string;
  };
  const receiptOf = async (caseNo: string) => {
    const row = await api.deps.db.notice.findFirst({ where: { caseNo, kind: 'delivery_receipt' } });
    return row ? (JSON.parse(row.content) as { delivered: { title: string; number?: string }[] }) : undefined;
  };

  it('lists the 批复 and the decision letter of approved items', async () => {
    const caseNo = await accept([PERMIT, LETTER]);
    const issued = await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'electronic' } });
    expect(issued.status).toBe(200);
    expect((await receiptOf(caseNo))?.delivered).toEqual([
      { title: '批复（建设工程规划许可）' },
      { title: '审批决定书（户外广告设置审批）' },
    ]);
  });

  it('leaves out the result of a refused item and lists its 不予许可决定书 instead', async () => {
    const caseNo = await accept([PERMIT, LETTER]);
    refusedSteps.set(caseNo, [itemStepId(LETTER)]);
    const issued = await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'electronic' } });
    expect(issued.status).toBe(200);
    expect((await receiptOf(caseNo))?.delivered).toEqual([
      { title: '批复（建设工程规划许可）' },
      { title: '不予许可决定书', number: `BXK-${caseNo}` },
    ]);
  });

  it('issues a case with nothing to hand over without a 送达回证', async () => {
    const caseNo = await accept([NOTHING]);
    const issued = await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'electronic' } });
    expect(issued.status).toBe(200);
    expect(await receiptOf(caseNo)).toBeUndefined();
  });
});
