import { hashPassword } from '@onewindow/api';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { startStack, type RunningStack } from '../support/start-stack';
import { pdfText } from '../support/pdf-text';
import {
  application,
  approverOf,
  eventually,
  items,
  password,
  seedCatalogue,
  signInAll,
} from './case-fixtures';
import { ApiSession } from './http-session';

/**
 * 批准延期 (行政许可法第四十二条) against the real stack: only a lead of the step's department or the centre
 * supervisor approves; never the requester; at most the statutory extension (10 working days on a 20-day
 * limit) in all. Every refusal is in Chinese and changes nothing; an approval moves the case's statutory due date
 * and issues the 延期通知书, listed among the case's documents as a PDF.
 */
describe('extension approvals in the supervision workspace', () => {
  let stack: RunningStack;
  let db: Db;
  let approver: (departmentCode: string) => ApiSession;
  let clerk: ApiSession;
  let leadScjg: ApiSession;
  let leadXfjy: ApiSession;
  let supervisor: ApiSession;
  const food = items[0]; // SFS-SCJG, 20 working days
  const sign = items[2]; // CGJ, 20 working days

  beforeAll(async () => {
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
    const passwordHash = await hashPassword(password);
    for (const [id, departmentCode, role] of [
      ['lead-scjg', 'SFS-SCJG', 'dept_lead'],
      ['lead-xfjy', 'SFS-XFJY', 'dept_lead'],
      ['supervisor-1', 'SFS-ZWFW', 'supervisor'],
    ]) {
      await db.user.create({
        data: {
          id,
          username: id,
          displayName: `${id} 负责人`,
          departmentCode,
          passwordHash,
          roles: { create: [{ role }] },
        },
      });
    }
    ({ clerk, approver } = await signInAll(stack.baseUrl));
    leadScjg = await ApiSession.signIn(stack.baseUrl, 'lead-scjg', password);
    leadXfjy = await ApiSession.signIn(stack.baseUrl, 'lead-xfjy', password);
    supervisor = await ApiSession.signIn(stack.baseUrl, 'supervisor-1', password);
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const accept = async (codes: string[]) => {
    const res = await clerk.call('POST', '/api/cases', application(codes));
    expect(res.status).toBe(201);
    const caseNo: string = res.body.caseNo;
    await eventually(async () => {
      const row = await db.case.findUnique({ where: { caseNo } });
      const tasks = await db.task.count({ where: { caseNo, state: 'open' } });
      return row?.statutoryDueDate && tasks === codes.length ? row : undefined;
    });
    return caseNo;
  };
  const requestExtension = (caseNo: string, item: (typeof items)[number], days: number, reason: string) =>
    approver(item.departmentCode).call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'request_extension',
      stepId: itemStepId(item.implementationCode),
      days,
      reason,
    });
  const approve = (session: ApiSession, caseNo: string, item: (typeof items)[number], body = {}) =>
    session.call(
      'POST',
      `/api/supervision/cases/${caseNo}/steps/${itemStepId(item.implementationCode)}/approve-extension`,
      body,
    );
  const statutoryDue = async (caseNo: string) =>
    (await db.case.findUniqueOrThrow({ where: { caseNo } })).statutoryDueDate;

  it('a lead of the step department approves; an approver, another department’s lead and the requester may not', async () => {
    const caseNo = await accept([food.implementationCode]);
    expect((await requestExtension(caseNo, food, 6, '需组织现场核查')).status).toBe(200);
    const dueBefore = await statutoryDue(caseNo);

    // The request is waiting in the lead's and the supervisor's overview.
    const overview = await leadScjg.call('GET', '/api/supervision/overview');
    expect(overview.body.extensions).toEqual([
      expect.objectContaining({ caseNo, days: 6, reason: '需组织现场核查', departmentCode: 'SFS-SCJG' }),
    ]);
    const all = await supervisor.call('GET', '/api/supervision/overview');
    expect(all.body.extensions.map((x: { caseNo: string }) => x.caseNo)).toContain(caseNo);

    // An approver (case.decide only), through the workspace or the case's actions: 403.
    const byApprover = await approve(approver('SFS-XFJY'), caseNo, food);
    expect(byApprover.status).toBe(403);
    const generic = await approver('SFS-SCJG').call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'approve_extension',
      stepId: itemStepId(food.implementationCode),
    });
    expect(generic.status).toBe(403);
    // Another department's lead: 403 (own department only).
    expect((await approve(leadXfjy, caseNo, food)).status).toBe(403);
    // The requester, even once a lead: refused in Chinese.
    await db.userRole.create({ data: { userId: approverOf('SFS-SCJG'), role: 'dept_lead' } });
    const requesterAsLead = await ApiSession.signIn(stack.baseUrl, approverOf('SFS-SCJG'), password);
    const own = await approve(requesterAsLead, caseNo, food);
    expect(own.status).toBe(409);
    expect(own.body.detail).toContain('延期申请人不能批准自己的申请');
    await db.userRole.delete({
      where: {
        userId_role_departmentCode: { userId: approverOf('SFS-SCJG'), role: 'dept_lead', departmentCode: '' },
      },
    });
    // Nothing changed by any refusal.
    expect(await statutoryDue(caseNo)).toBe(dueBefore);
    expect(await db.decision.count({ where: { caseNo, verb: 'extension_approved' } })).toBe(0);

    const approved = await approve(leadScjg, caseNo, food, { reason: '同意延期' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ caseNo, days: 6, previousDue: dueBefore });
    expect(approved.body.newDue > dueBefore!).toBe(true);
    await eventually(async () => ((await statutoryDue(caseNo)) === approved.body.newDue ? true : undefined));

    // The 延期通知书 is listed among the case's documents and prints as a PDF.
    const documentNo = `YQ-${caseNo}-1`;
    expect(approved.body.document).toEqual({
      documentNo,
      href: `/api/cases/${caseNo}/documents/${documentNo}`,
    });
    const documents = await clerk.call('GET', `/api/cases/${caseNo}/documents`);
    expect(documents.body.documents).toContainEqual(
      expect.objectContaining({ documentNo, kind: 'extension_notice', title: '延期通知书' }),
    );
    const pdf = await clerk.download(`/api/cases/${caseNo}/documents/${documentNo}`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('延期通知书');
    expect(text).toContain('需组织现场核查');
    expect(text).toContain('延长6个工作日');
    expect(text).toContain('lead-scjg负责人');
    // No longer waiting.
    expect((await leadScjg.call('GET', '/api/supervision/overview')).body.extensions).toEqual([]);
  }, 120_000);

  it('the centre supervisor approves any department’s; beyond the statutory bound is refused in Chinese and nothing changes', async () => {
    const caseNo = await accept([food.implementationCode, sign.implementationCode]);
    // Both requests fit the bound on their own (nothing approved yet): 6 + 6 > 10 once both are approved.
    expect((await requestExtension(caseNo, food, 6, '需专家论证')).status).toBe(200);
    expect((await requestExtension(caseNo, sign, 6, '需征求意见')).status).toBe(200);
    expect((await approve(supervisor, caseNo, food)).status).toBe(200);
    const due = await eventually(async () => {
      const d = await statutoryDue(caseNo);
      return (await db.notice.count({ where: { caseNo, kind: 'extension_notice' } })) === 1 ? d : undefined;
    });

    const beyond = await approve(supervisor, caseNo, sign);
    expect(beyond.status).toBe(409);
    expect(beyond.body.detail).toContain('延期超出法定上限，未作任何更改');
    expect(beyond.body.detail).toContain('最多延长 10 个工作日');
    expect(beyond.body.detail).toContain('最多还可延长 4 个工作日');
    expect(await statutoryDue(caseNo)).toBe(due);
    expect(await db.decision.count({ where: { caseNo, verb: 'extension_approved' } })).toBe(1);
    expect(await db.notice.count({ where: { caseNo, kind: 'extension_notice' } })).toBe(1);
    // Still waiting, for a smaller request.
    const overview = await supervisor.call('GET', '/api/supervision/overview?department=CGJ');
    expect(overview.body.extensions).toEqual([expect.objectContaining({ caseNo, days: 6 })]);
  }, 120_000);
});
