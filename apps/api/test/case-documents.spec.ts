import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AcceptedCaseResponse, CaseDocumentList } from '@onewindow/contracts';
import type { Client } from '@temporalio/client';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

/**
 * A case's documents on the real Express app over a migrated SQLite file: the 受理通知书 is issued once the
 * case has its due dates, stored once, listed, and served as a PDF whose text (read back with poppler's
 * pdftotext) carries the case number, the items, the due dates and the holidays crossed. Temporal is not
 * running: its client records the start command, and the test writes the due dates the worker's projection
 * would write once the workflow has started.
 */
describe('case documents: the acceptance notice as a PDF', () => {
  let api: TestApi;
  let clerk: HttpSession;
  let approver: HttpSession;
  const dir = mkdtempSync(path.join(tmpdir(), 'ow-case-documents-'));
  const FOOD = '11370800MB28559184301011700201A';
  const applicant = { kind: 'person', idNumber: '11010519491231002X', name: '张三' };

  beforeAll(async () => {
    api = await startTestApi();
    // Read on every request, as the environment would set them.
    Object.assign(api.deps.config, {
      PUBLIC_BASE_URL: 'https://zwfw.example.gov.cn',
      CENTRE_NAME: '济南市历下区政务服务中心',
    });
    await seedDemoUsers(api.deps.db);
    await seedCatalogueItem(api.deps.db, {
      code: FOOD,
      name: '食品经营许可',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
    });
    await api.deps.db.materialStandard.create({
      data: { code: 'M-FOOD-APP', name: '食品经营许可申请书', data: '{}' },
    });
    api.deps.temporal.client = {
      workflow: { start: async () => ({}) },
    } as unknown as Client;
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  async function acceptedCase(): Promise<AcceptedCaseResponse> {
    const res = await clerk.request('POST', '/api/cases', {
      body: {
        applicant,
        items: [{ implementationCode: FOOD }],
        materials: [{ materialCode: 'M-FOOD-APP', provenance: 'submitted', originals: 1, copies: 2 }],
      },
      csrf: true,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as AcceptedCaseResponse;
  }

  const list = async (session: HttpSession, caseNo: string) => {
    const res = await session.request('GET', `/api/cases/${caseNo}/documents`);
    return { status: res.status, body: (await res.json()) as CaseDocumentList };
  };

  it('lists no notice until the workflow has set the due dates, then one 受理通知书, the same on every request', async () => {
    const accepted = await acceptedCase();
    const before = await list(clerk, accepted.caseNo);
    expect(before).toEqual({ status: 200, body: { caseNo: accepted.caseNo, documents: [] } });

    await api.deps.db.case.update({
      where: { caseNo: accepted.caseNo },
      data: { statutoryDueDate: '2027-01-05', promisedDueDate: '2026-12-21' },
    });
    const [first, again] = await Promise.all([list(clerk, accepted.caseNo), list(approver, accepted.caseNo)]);
    expect(first.body.documents).toEqual([
      {
        documentNo: `SL-${accepted.caseNo}`,
        kind: 'acceptance_notice',
        title: '受理通知书',
        issuedOn: accepted.acceptedOn.slice(0, 10),
        issuedBy: expect.any(String),
        href: `/api/cases/${accepted.caseNo}/documents/SL-${accepted.caseNo}`,
      },
    ]);
    expect(again.body).toEqual(first.body);
    expect(await api.deps.db.notice.count({ where: { caseNo: accepted.caseNo } })).toBe(1);
  });

  it('serves the notice as an A4 PDF with the case number, item, materials, due dates, holidays crossed and lookup', async () => {
    const accepted = await acceptedCase();
    await api.deps.db.case.update({
      where: { caseNo: accepted.caseNo },
      data: { statutoryDueDate: '2027-01-05', promisedDueDate: '2026-12-21' },
    });
    const res = await clerk.request('GET', `/api/cases/${accepted.caseNo}/documents/SL-${accepted.caseNo}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`受理通知书-SL-${accepted.caseNo}.pdf`)}`,
    );
    const file = path.join(dir, `${accepted.caseNo}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('济南市历下区政务服务中心');
    expect(text).toContain('受理通知书');
    expect(text).toContain(`编号：SL-${accepted.caseNo}`);
    expect(text).toContain(accepted.caseNo);
    expect(text).toContain('食品经营许可');
    expect(text).toContain('食品经营许可申请书');
    expect(text).toContain('原件1份、复印件2份');
    expect(text).toContain('法定办结时限2027年1月5日前');
    expect(text).toContain('承诺办结时限2026年12月21日前');
    // 元旦 is in every year's calendar (a notice, or the provisional statutory holidays).
    expect(text).toMatch(/元旦（2027年1月1日/);
    // Which limit applies and why (limitBasis, as the case view says it).
    expect(text).toMatch(
      /时限依据：事项法定时限：食品经营许可\d+个工作日；经本机关负责人批准可延长10个工作日（行政许可法第四十二条第一款）/,
    );
    expect(text).toContain(`https://zwfw.example.gov.cn/lookup?case=${accepted.caseNo}`);
    // The applicant's identity number is masked on paper.
    expect(text).not.toContain(applicant.idNumber);
    expect(text).toContain('张三');
  });

  it('answers 404 with what to do for an unknown or malformed document number, and for an unknown case', async () => {
    const accepted = await acceptedCase();
    const unknown = await clerk.request(
      'GET',
      `/api/cases/${accepted.caseNo}/documents/BZ-${accepted.caseNo}-1`,
    );
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toContain(
      `GET /api/cases/${accepted.caseNo}/documents lists them`,
    );
    const malformed = await clerk.request('GET', `/api/cases/${accepted.caseNo}/documents/..%2Fetc`);
    expect(malformed.status).toBe(404);
    expect((await clerk.request('GET', '/api/cases/YC20000101000001/documents')).status).toBe(404);
  });

  it('is not for the public: no session, no documents', async () => {
    const accepted = await acceptedCase();
    const res = await fetch(`${api.baseUrl}/api/cases/${accepted.caseNo}/documents`);
    expect(res.status).toBe(401);
  });
});
