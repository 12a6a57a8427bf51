import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AcceptedCaseResponse, CaseDocumentList } from '@onewindow/contracts';
import type { Client } from '@temporalio/client';
import type { CaseWorkflowInput } from '@onewindow/workflows';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

/**
 * Intake outcomes on the real Express app over a migrated SQLite file: 一次性告知 (the application gets its
 * number and waits as needs_correction with a 材料补正一次性告知书 and no workflow; accepting it later with
 * applicationNo keeps the number and starts the workflow then) and 不予受理 (its number and the decision). Temporal is not running: its client records the start commands.
 */
describe('intake: the one-time notice, acceptance after correction, and 不予受理', () => {
  let api: TestApi;
  let clerk: HttpSession;
  const started: CaseWorkflowInput[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'ow-correction-'));
  const FOOD = '11370800MB28559184301011700201A';
  const applicant = { kind: 'person', idNumber: '11010519491231002X', name: '张三' };
  const application = {
    applicant,
    items: [{ implementationCode: FOOD }],
    materials: [{ materialCode: 'M-FOOD-APP', provenance: 'submitted', originals: 1 }],
  };
  const notice = { application, missing: [{ materialCode: 'M-LEASE', problem: '租赁合同已过期' }] };

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
    api.deps.temporal.client = {
      workflow: {
        start: async (_wf: unknown, options: { args: [CaseWorkflowInput] }) => {
          started.push(options.args[0]);
          return {};
        },
      },
    } as unknown as Client;
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  const post = async (route: string, body: unknown, key?: string) => {
    const res = await clerk.request('POST', route, {
      body,
      csrf: true,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { detail?: string } };
  };

  it('numbers the application, lists every missing material in the notice, and starts no workflow', async () => {
    const first = await post('/api/intake/correction-notices', notice, 'notice-0001');
    expect(first.status).toBe(201);
    const caseNo = first.body.caseNo as string;
    expect(first.body).toEqual({ caseNo, status: 'needs_correction', documentNo: `BZ-${caseNo}-1` });
    // A retry with the same key: the same application, not a second one.
    expect(await post('/api/intake/correction-notices', notice, 'notice-0001')).toEqual({
      status: 200,
      body: first.body,
    });
    expect(await api.deps.db.case.count({ where: { applicant: { idNumber: applicant.idNumber } } })).toBe(1);
    const row = await api.deps.db.case.findUniqueOrThrow({ where: { caseNo } });
    expect(row).toMatchObject({ status: 'needs_correction', acceptedAt: null, statutoryDueDate: null });
    expect(started).toHaveLength(0);

    const list = (await (
      await clerk.request('GET', `/api/cases/${caseNo}/documents`)
    ).json()) as CaseDocumentList;
    expect(list.documents.map((d) => [d.documentNo, d.title])).toEqual([
      [`BZ-${caseNo}-1`, '材料补正一次性告知书'],
    ]);
    const pdf = await clerk.request('GET', list.documents[0].href);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dir, `${caseNo}.pdf`);
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('材料补正一次性告知书');
    expect(text).toContain('经营场所租赁合同');
    expect(text).toContain('租赁合同已过期');
    expect(text).toContain('食品经营许可');
    expect(text).toContain('第三十二条第一款第（四）项');
  });

  it('accepts the completed application under the same number, starting its clocks then; only once, and only for its applicant', async () => {
    const noticed = await post('/api/intake/correction-notices', notice, 'notice-0002');
    const caseNo = noticed.body.caseNo as string;
    const complete = (body: object, key: string) =>
      post(
        '/api/cases',
        {
          ...application,
          materials: [
            ...application.materials,
            { materialCode: 'M-LEASE', provenance: 'submitted', copies: 1 },
          ],
          applicationNo: caseNo,
          ...body,
        },
        key,
      );

    const stranger = await complete(
      { applicant: { kind: 'person', idNumber: '110101199003074514', name: '李四' } },
      'complete-0000',
    );
    expect(stranger.status).toBe(409);
    expect(stranger.body.detail).toContain('申请人与本次填写的证件号码不一致');

    const accepted = await complete({}, 'complete-0001');
    expect(accepted.status).toBe(201);
    expect((accepted.body as unknown as AcceptedCaseResponse).caseNo).toBe(caseNo);
    expect(started.map((s) => s.caseNo)).toEqual([caseNo]);
    const row = await api.deps.db.case.findUniqueOrThrow({ where: { caseNo }, include: { materials: true } });
    expect(row.status).toBe('accepted');
    expect(row.acceptedAt).not.toBeNull();
    expect(row.materials.map((m) => m.materialCode).sort()).toEqual(['M-FOOD-APP', 'M-LEASE']);

    const again = await complete({}, 'complete-0002');
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('不在待补正状态');
    expect(started).toHaveLength(1);
  });

  it('a second one-time notice for an application back at the window goes to the same application and keeps its number', async () => {
    const noticed = await post('/api/intake/correction-notices', notice, 'notice-0003');
    const caseNo = noticed.body.caseNo as string;
    const applications = () =>
      api.deps.db.case.count({ where: { applicant: { idNumber: applicant.idNumber } } });
    const before = await applications();
    // The applicant brings the lease, but the floor plan is still missing.
    const second = {
      application: {
        ...application,
        materials: [
          ...application.materials,
          { materialCode: 'M-LEASE', provenance: 'submitted', copies: 1 },
        ],
        applicationNo: caseNo,
      },
      missing: [{ materialCode: 'M-PLAN', problem: '未提交' }],
    };
    const again = await post('/api/intake/correction-notices', second, 'notice-0004');
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ caseNo, status: 'needs_correction', documentNo: `BZ-${caseNo}-2` });
    expect(await applications()).toBe(before);
    const row = await api.deps.db.case.findUniqueOrThrow({
      where: { caseNo },
      include: { materials: true, notices: true },
    });
    expect(row.status).toBe('needs_correction');
    expect(row.materials.map((m) => m.materialCode).sort()).toEqual(['M-FOOD-APP', 'M-LEASE']);
    expect(row.notices.map((n) => n.number).sort()).toEqual([`BZ-${caseNo}-1`, `BZ-${caseNo}-2`]);
    // A retry of the same request: the same answer, nothing more.
    expect(await post('/api/intake/correction-notices', second, 'notice-0004')).toEqual({
      status: 200,
      body: again.body,
    });
    // The application, once accepted, takes no further notice.
    const accepted = await post('/api/cases', { ...second.application }, 'notice-0003-accept');
    expect(accepted.status).toBe(201);
    const late = await post('/api/intake/correction-notices', second, 'notice-0005');
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('不在待补正状态');
    expect(await applications()).toBe(before);
  });

  it('不予受理 of an application back at the window after a notice: the same application ends refused, under its number', async () => {
    const noticed = await post('/api/intake/correction-notices', notice, 'notice-0006');
    const caseNo = noticed.body.caseNo as string;
    const before = await api.deps.db.case.count();
    const refused = await post(
      '/api/intake/refusals',
      { application: { ...application, applicationNo: caseNo }, reason: '申请事项依法不需要取得行政许可。' },
      'refusal-after-notice-0001',
    );
    expect(refused.status).toBe(201);
    expect(refused.body).toEqual({ caseNo, status: 'rejected_at_intake', documentNo: `BSL-${caseNo}` });
    expect(await api.deps.db.case.count()).toBe(before);
    const row = await api.deps.db.case.findUniqueOrThrow({ where: { caseNo }, include: { notices: true } });
    expect(row.status).toBe('rejected_at_intake');
    expect(row.notices.map((n) => n.number).sort()).toEqual([`BSL-${caseNo}`, `BZ-${caseNo}-1`]);
  });

  it('refuses a notice that names no material, or an unknown item, and writes nothing', async () => {
    const before = await api.deps.db.case.count();
    const empty = await post('/api/intake/correction-notices', { ...notice, missing: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('a one-time notice names at least one material');
    const unknown = await post('/api/intake/correction-notices', {
      ...notice,
      application: { ...application, items: [{ implementationCode: 'NO-SUCH-ITEM' }] },
    });
    expect(unknown.status).toBe(400);
    expect(await api.deps.db.case.count()).toBe(before);
  });

  it('不予受理: the application ends with its number and the decision, which states the reason, the authority to go to and the rights', async () => {
    const refusal = {
      application,
      reason: '该经营场所位于住宅楼内，不属于本机关受理范围。',
      redirectTo: '示范市住房和城乡建设局',
    };
    const first = await post('/api/intake/refusals', refusal, 'refusal-0001');
    expect(first.status).toBe(201);
    const caseNo = first.body.caseNo as string;
    expect(first.body).toEqual({ caseNo, status: 'rejected_at_intake', documentNo: `BSL-${caseNo}` });
    expect((await post('/api/intake/refusals', refusal, 'refusal-0001')).status).toBe(200);
    // The same key for another request is refused.
    expect(
      (await post('/api/intake/refusals', { ...refusal, reason: '其他理由' }, 'refusal-0001')).status,
    ).toBe(422);
    expect(await api.deps.db.case.findUniqueOrThrow({ where: { caseNo } })).toMatchObject({
      status: 'rejected_at_intake',
      acceptedAt: null,
    });
    const pdf = await clerk.request('GET', `/api/cases/${caseNo}/documents/BSL-${caseNo}`);
    const file = path.join(dir, `${caseNo}-refusal.pdf`);
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('不予受理决定书');
    expect(text).toContain('不属于本机关受理范围');
    expect(text).toContain('请向示范市住房和城乡建设局申请');
    expect(text).toContain('六十日内向本级人民政府申请行政复议');
    // A refused application cannot be accepted later under its number.
    const accept = await post('/api/cases', { ...application, applicationNo: caseNo }, 'refused-accept-1');
    expect(accept.status).toBe(409);
    expect(started.map((s) => s.caseNo)).not.toContain(caseNo);
    // No reason, no refusal.
    expect((await post('/api/intake/refusals', { application, reason: '  ' })).status).toBe(400);
  });
});
