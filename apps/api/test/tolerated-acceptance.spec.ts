import { toShanghaiDate } from '@onewindow/calendar';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AcceptedCaseResponse, CaseDocumentList, WindowQueuePage } from '@onewindow/contracts';
import type { Client } from '@temporalio/client';
import type { CaseWorkflowInput } from '@onewindow/workflows';
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
  const started: CaseWorkflowInput[] = [];
  const updates: { caseNo: string; name: string; payload: Record<string, unknown>; updateId?: string }[] = [];
  // The Shanghai day of acceptance: a due date on it is always within the limit.
  const today = () => toShanghaiDate(Date.now());
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
        start: async (_workflow: unknown, options: { args: [CaseWorkflowInput] }) => {
          started.push(options.args[0]);
          return {};
        },
        getHandle: (caseNo: string) => ({
          executeUpdate: async (
            update: { name: string },
            options: { args: [Record<string, unknown>]; updateId?: string },
          ) => {
            updates.push({ caseNo, name: update.name, payload: options.args[0], updateId: options.updateId });
            if (update.name !== 'issueResults') return {};
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
    // The workflow tracks the gap: its code, the promised date and the catalogue's rule (none named: wait).
    expect(started.find((i) => i.caseNo === caseNo)?.toleratedGaps).toEqual([
      { materialCode: 'M-LEASE', dueDate: due, onOverdue: 'wait' },
    ]);
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
    // The catalogue names no rule for a missed date: the notice says the case keeps waiting.
    expect(text).toContain('逾期未补齐的，本中心将督促补齐，办件继续等待');

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

    expect(updates.filter((u) => u.caseNo === caseNo)).toEqual([]);
    const recorded = await call('POST', `/api/cases/${caseNo}/tolerated-materials/M-LEASE`, { copies: 1 });
    expect(recorded.status).toBe(200);
    // The workflow was told, with an update id of its own for the material (a retry is recorded once there).
    expect(updates.filter((u) => u.caseNo === caseNo)).toEqual([
      {
        caseNo,
        name: 'supplyToleratedMaterial',
        payload: { actor: 'demo-clerk', materialCode: 'M-LEASE' },
        updateId: `tolerated-supply:${caseNo}:M-LEASE`,
      },
    ]);
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

  it('a case the workflow terminated for an overdue gap gets its 终止办理通知书: the missing material, its date, the consequence and the rights', async () => {
    const due = today();
    const accepted = await call(
      'POST',
      '/api/cases',
      application([{ materialCode: 'M-LEASE', provenance: 'tolerated_missing', dueDate: due }]),
    );
    const { caseNo } = accepted.body as unknown as AcceptedCaseResponse;
    // What the worker's projections write when the workflow terminates the case (recordDecision, completeCase).
    await api.deps.db.decision.create({
      data: {
        id: `${caseNo}:9`,
        caseNo,
        eventSeq: 9,
        verb: 'terminate',
        actorUserId: 'system',
        reason: 'tolerated_gap_overdue',
        payload: JSON.stringify({
          reason: 'tolerated_gap_overdue',
          overdue: 'M-LEASE',
          missing: [{ materialCode: 'M-LEASE', dueDate: due }],
        }),
        decidedAt: new Date('2027-01-04T02:00:00Z'),
      },
    });
    await api.deps.db.case.update({ where: { caseNo }, data: { status: 'terminated' } });
    const documents = (await call('GET', `/api/cases/${caseNo}/documents`))
      .body as unknown as CaseDocumentList;
    expect(documents.documents.find((d) => d.kind === 'termination_notice')).toMatchObject({
      documentNo: `ZZ-${caseNo}`,
      title: '终止办理通知书',
      issuedOn: '2027-01-04',
    });
    const pdf = await clerk.request('GET', `/api/cases/${caseNo}/documents/ZZ-${caseNo}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dir, `${caseNo}-zz.pdf`);
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const [y, m, d] = due.split('-').map(Number);
    expect(text).toContain('终止办理通知书');
    expect(text).toContain(caseNo);
    expect(text).toContain('自2027年1月4日起终止办理');
    expect(text).toContain(`经营场所租赁合同${y}年${m}月${d}日前`);
    expect(text).toContain('已作出的审批结果不予发放');
    expect(text).toContain('申请行政复议');
    expect(text).toContain('提起行政诉讼');
    // A terminated case takes no more supplies.
    const late = await call('POST', `/api/cases/${caseNo}/tolerated-materials/M-LEASE`, { copies: 1 });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('已结束');
  });
});
