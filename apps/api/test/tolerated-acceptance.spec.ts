import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AcceptedCaseResponse, CaseDocumentList, WindowQueuePage } from '@onewindow/contracts';
import type { Client } from '@temporalio/client';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

/**
 * 容缺受理 on the real Express app over a migrated SQLite file: a gap only on a material the catalogue marks as
 * tolerable, with a due date within the promised limit; the case gets its 容缺受理通知书 beside the 受理通知书;
 * 统一出件 is refused while the gap is open; the window records the material, and issuance goes through.
 * Temporal is not running: its client records the start and answers the issuance update.
 */
describe('容缺受理: the tolerated gap blocks issuance until the window records the material', () => {
  let api: TestApi;
  let clerk: HttpSession;
  const dir = mkdtempSync(path.join(tmpdir(), 'ow-tolerated-'));
  const FOOD = '11370800MB28559184301011700201A';
  const applicant = { kind: 'person', idNumber: '11010519491231002X', name: '张三' };
  const issued: string[] = [];
  // The Shanghai day of acceptance: a due date on it is always within the limit.
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const application = (materials: unknown[]) => ({
    applicant,
    items: [{ implementationCode: FOOD }],
    materials: [{ materialCode: 'M-FOOD-APP', provenance: 'submitted', originals: 1 }, ...materials],
  });

  beforeAll(async () => {
    api = await startTestApi();
    Object.assign(api.deps.config, { PUBLIC_BASE_URL: 'https://zwfw.example.gov.cn' });
    await seedDemoUsers(api.deps.db);
    await seedCatalogueItem(api.deps.db, {
      code: FOOD,
      name: '食品经营许可',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
    });
    // The catalogue: the lease may be tolerated (容缺后补), the application form may not.
    await api.deps.db.item.update({
      where: { id: `${FOOD}@1` },
      data: {
        data: JSON.stringify({
          results: [],
          materials: [
            { code: 'M-FOOD-APP', necessity: 'required' },
            { code: 'M-LEASE', necessity: 'tolerated_missing' },
          ],
        }),
      },
    });
    await api.deps.db.materialStandard.createMany({
      data: [
        { code: 'M-FOOD-APP', name: '食品经营许可申请书', data: '{}' },
        { code: 'M-LEASE', name: '经营场所租赁合同', data: '{}' },
      ],
    });
    api.deps.temporal.client = {
      workflow: {
        start: async () => ({}),
        getHandle: (caseNo: string) => ({
          executeUpdate: async () => {
            issued.push(caseNo);
            return {
              caseNo,
              outcome: 'approved',
              certificates: [{ stepId: 's1', certificateNo: 'TEST-0001', certificateTypeCode: 'T' }],
              refusals: [],
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
  const cases = () => api.deps.db.case.count();

  it('refuses a gap on a material the catalogue does not tolerate, without a due date, or beyond the promised limit — in Chinese, writing nothing', async () => {
    const before = await cases();
    const notTolerable = await call('POST', '/api/cases', {
      ...application([]),
      materials: [{ materialCode: 'M-FOOD-APP', provenance: 'tolerated_missing', dueDate: today() }],
    });
    expect(notTolerable.status).toBe(400);
    expect(notTolerable.body.detail).toContain('材料「食品经营许可申请书」在所申请事项的目录中不允许容缺');

    const undated = await call(
      'POST',
      '/api/cases',
      application([{ materialCode: 'M-LEASE', provenance: 'tolerated_missing' }]),
    );
    expect(undated.status).toBe(400);
    expect(undated.body.detail).toContain('容缺材料「经营场所租赁合同」须填写申请人承诺的补齐日期');

    const late = await call(
      'POST',
      '/api/cases',
      application([{ materialCode: 'M-LEASE', provenance: 'tolerated_missing', dueDate: '2099-12-31' }]),
    );
    expect(late.status).toBe(400);
    expect(late.body.detail).toMatch(/补齐日期 2099-12-31 晚于办件的承诺办结日期 \d{4}-\d{2}-\d{2}/);

    const past = await call(
      'POST',
      '/api/cases',
      application([{ materialCode: 'M-LEASE', provenance: 'tolerated_missing', dueDate: '2000-01-03' }]),
    );
    expect(past.status).toBe(400);
    expect(past.body.detail).toContain('补齐日期 2000-01-03 早于今天');
    expect(await cases()).toBe(before);
  });

  it('accepts with the gap, lists the 容缺受理通知书, refuses issuance until the material is recorded, then issues', async () => {
    const due = today();
    const accepted = await call(
      'POST',
      '/api/cases',
      application([{ materialCode: 'M-LEASE', provenance: 'tolerated_missing', dueDate: due }]),
    );
    expect(accepted.status).toBe(201);
    const { caseNo } = accepted.body as unknown as AcceptedCaseResponse;
    expect(await api.deps.db.case.findUniqueOrThrow({ where: { caseNo } })).toMatchObject({
      acceptanceMode: 'tolerated',
    });
    // The due dates the workflow's projection would write, and the decision (待出件).
    await api.deps.db.case.update({
      where: { caseNo },
      data: { statutoryDueDate: '2027-01-05', promisedDueDate: '2026-12-21', status: 'decided' },
    });
    const documents = (await call('GET', `/api/cases/${caseNo}/documents`))
      .body as unknown as CaseDocumentList;
    expect(documents.documents.map((d) => [d.documentNo, d.title])).toEqual(
      expect.arrayContaining([
        [`SL-${caseNo}`, '受理通知书'],
        [`RQ-${caseNo}`, '容缺受理通知书'],
      ]),
    );
    const pdf = await clerk.request('GET', `/api/cases/${caseNo}/documents/RQ-${caseNo}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dir, `${caseNo}.pdf`);
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('容缺受理通知书');
    expect(text).toContain(caseNo);
    expect(text).toContain('经营场所租赁合同');
    const [y, m, d] = due.split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日前`);

    // The queue shows the open gap.
    const queue = (await call('GET', '/api/window/queue')).body as unknown as WindowQueuePage;
    expect(queue.items.find((e) => e.caseNo === caseNo)?.toleratedGaps).toEqual([
      { materialCode: 'M-LEASE', name: '经营场所租赁合同', dueDate: due },
    ]);

    // 统一出件 is refused while the gap is open; the workflow is not asked.
    const refused = await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'electronic' } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('容缺材料尚未补齐，不能出件：「经营场所租赁合同」');
    expect(issued).not.toContain(caseNo);

    // Bad records change nothing.
    const empty = await call('POST', `/api/cases/${caseNo}/tolerated-materials/M-LEASE`, {});
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('请填写补齐材料的原件或复印件份数，或选择电子材料');
    const notAGap = await call('POST', `/api/cases/${caseNo}/tolerated-materials/M-FOOD-APP`, {
      originals: 1,
    });
    expect(notAGap.status).toBe(404);
    expect(notAGap.body.detail).toContain('没有容缺材料「食品经营许可申请书」');
    expect(
      await api.deps.db.caseMaterial.findUniqueOrThrow({
        where: { caseNo_materialCode: { caseNo, materialCode: 'M-LEASE' } },
      }),
    ).toMatchObject({ receivedAt: null });

    const recorded = await call('POST', `/api/cases/${caseNo}/tolerated-materials/M-LEASE`, { copies: 1 });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ caseNo, materialCode: 'M-LEASE', name: '经营场所租赁合同' });
    const again = await call('POST', `/api/cases/${caseNo}/tolerated-materials/M-LEASE`, { copies: 1 });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已于');
    const after = (await call('GET', '/api/window/queue')).body as unknown as WindowQueuePage;
    expect(after.items.find((e) => e.caseNo === caseNo)?.toleratedGaps).toEqual([]);

    const done = await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'electronic' } });
    expect(done.status).toBe(200);
    expect(issued).toContain(caseNo);
  });
});
