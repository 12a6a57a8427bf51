import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { addWorkingDays, endOfShanghaiDay, toShanghaiDate } from '@onewindow/calendar';
import type { SubmissionReceipt, SubmissionSummary } from '@onewindow/contracts';
import type { CaseWorkflowInput, SubmissionWorkflowInput } from '@onewindow/workflows';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { getCalendarInForce } from '../src/calendar/calendar-in-force';
import { deemSubmissionAccepted } from '../src/submissions/submissions.service';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { HttpSession, signedIn, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

/**
 * 网上申报 on the real Express app over a migrated SQLite file: the public form's submission (checked like an
 * acceptance, Chinese messages, nothing stored for bad input, one submission per Idempotency-Key), the status
 * look-up, the window's pre-review queue, the clerk's three outcomes, and deemed acceptance (Art. 32) dated at
 * receipt. Temporal is not running: its client records the workflow starts and the clerk's Updates, and can
 * refuse an Update as the submission's workflow does once the submission was deemed accepted.
 */
describe('online submissions (网上申报) and pre-review (预审)', () => {
  let api: TestApi;
  let clerk: HttpSession;
  const anonymous = () => new HttpSession(api.baseUrl);
  const starts: { workflowId: string; input: unknown }[] = [];
  const updates: { workflowId: string; args: unknown }[] = [];
  let refuseUpdates: string | undefined;
  const FOOD = '11370800MB28559184301011700201A';
  const applicant = { kind: 'person', idNumber: '11010519491231002X', name: '张三', phone: '13800138000' };
  const form = {
    items: [{ implementationCode: FOOD }],
    applicant,
    materials: [{ materialCode: 'M-FOOD-APP', form: 'electronic' }],
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
    api.deps.temporal.client = {
      workflow: {
        start: async (_wf: unknown, options: { workflowId: string; args: [unknown] }) => {
          starts.push({ workflowId: options.workflowId, input: options.args[0] });
          return {};
        },
        getHandle: (workflowId: string) => ({
          executeUpdate: async (_u: unknown, options: { args: [unknown] }) => {
            if (refuseUpdates)
              throw new WorkflowUpdateFailedError(
                'refused',
                ApplicationFailure.create({ message: refuseUpdates }),
              );
            updates.push({ workflowId, args: options.args[0] });
            return {};
          },
        }),
      },
    } as unknown as Client;
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  const submit = async (body: unknown, key?: string) => {
    const res = await anonymous().request('POST', '/api/public/submissions', {
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
    return { status: res.status, body: (await res.json()) as SubmissionReceipt & { detail?: string } };
  };
  const clerkPost = async (route: string, body: unknown = {}) => {
    const res = await clerk.request('POST', route, { body, csrf: true });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { detail?: string } };
  };
  const received = async () => {
    const first = await submit(form);
    expect(first.status).toBe(201);
    return first.body.submissionNo;
  };

  it('refuses bad input with Chinese messages and stores nothing, starts nothing', async () => {
    const cases = [
      [{}, '请至少选择一个事项'],
      [{ ...form, applicant: { ...applicant, idNumber: '110105194912310021' } }, '证件号码第 18 位不正确'],
      [
        { ...form, items: [{ implementationCode: 'NO-SUCH-ITEM' }] },
        '目录中没有可申报的事项（编码 NO-SUCH-ITEM）',
      ],
      [{ ...form, applicant: { ...applicant, name: ' ' } }, '请填写申请人名称'],
      [{ ...form, applicant: { ...applicant, phone: '12345' } }, '联系电话应为手机号或带区号的固定电话'],
      [
        { ...form, applicant: { ...applicant, email: 'zhangsan@' } },
        '电子邮箱格式不正确：应为“用户名@域名”形式的完整地址',
      ],
      [{ ...form, applicant: { ...applicant, email: '张三 at example.com' } }, '电子邮箱格式不正确'],
      [{ ...form, materials: [form.materials[0], form.materials[0]] }, '同一材料声明了两次'],
    ] as const;
    for (const [body, message] of cases) {
      const res = await submit(body);
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('申报内容有误');
      expect(res.body.detail).toContain(message);
    }
    expect(await api.deps.db.submission.count()).toBe(0);
    expect(starts).toHaveLength(0);
  });

  it('stores a good submission with its notice deadline (5 working days), starts its timer, and answers a retry with the same receipt', async () => {
    const before = Date.now();
    const first = await submit(form, 'apply-0001-abcdef');
    expect(first.status).toBe(201);
    const { submissionNo } = first.body;
    expect(submissionNo).toMatch(/^WS\d{14}$/);
    const today = toShanghaiDate(before);
    const { calendar } = await getCalendarInForce(api.deps);
    expect(first.body).toMatchObject({
      status: 'pending',
      deadline: addWorkingDays(calendar, today, 5),
      lookupPath: `/apply/status?no=${submissionNo}`,
    });
    const input = starts.at(-1)!.input as SubmissionWorkflowInput;
    expect(starts.at(-1)!.workflowId).toBe(`submission:${submissionNo}`);
    expect(input).toEqual({
      submissionNo,
      receivedOn: today,
      deadline: first.body.deadline,
      deemedAtMs: endOfShanghaiDay(first.body.deadline),
      intakeTaskQueue: 'test.intake',
    });
    // No personal data in the workflow's input.
    expect(JSON.stringify(input)).not.toContain(applicant.idNumber);
    const again = await submit(form, 'apply-0001-abcdef');
    expect(again).toEqual({ status: 200, body: first.body });
    expect(await api.deps.db.submission.count({ where: { idempotencyKey: 'apply-0001-abcdef' } })).toBe(1);

    // The applicant's look-up: the number and the last 4 characters of the ID number.
    const ok = await anonymous().request('POST', `/api/public/submissions/${submissionNo}/status`, {
      body: { code: '002x' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ submissionNo, status: 'pending', deadline: first.body.deadline });
    const wrong = await anonymous().request('POST', `/api/public/submissions/${submissionNo}/status`, {
      body: { code: '1234' },
    });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { detail: string }).detail).toContain(
      '没有与申报编号和证件号码后 4 位相符',
    );
  });

  it('lists pending submissions in 预审 for the window only', async () => {
    const submissionNo = await received();
    expect((await anonymous().request('GET', '/api/submissions')).status).toBe(401);
    const res = await clerk.request('GET', '/api/submissions');
    expect(res.status).toBe(200);
    const { submissions } = (await res.json()) as { submissions: SubmissionSummary[] };
    const row = submissions.find((s) => s.submissionNo === submissionNo)!;
    expect(row).toMatchObject({
      status: 'pending',
      items: [{ implementationCode: FOOD, name: '食品经营许可' }],
      applicant: { name: '张三', idNumber: applicant.idNumber },
    });
    const bad = await clerk.request('GET', '/api/submissions?status=whatever');
    expect(bad.status).toBe(400);
  });

  it('受理 by the clerk: the case counts from the receipt time, the workflow is told first, and it happens once', async () => {
    const submissionNo = await received();
    // Received three days ago (as if the clerk opened it later): acceptance counts from then.
    const receivedAt = new Date(Date.now() - 3 * 86_400_000);
    await api.deps.db.submission.update({ where: { submissionNo }, data: { receivedAt } });
    const res = await clerkPost(`/api/submissions/${submissionNo}/accept`);
    expect(res.status).toBe(200);
    const caseNo = res.body.caseNo as string;
    expect(res.body).toMatchObject({ status: 'accepted', acceptedOn: toShanghaiDate(receivedAt.getTime()) });
    expect(updates.at(-1)).toEqual({
      workflowId: `submission:${submissionNo}`,
      args: { outcome: 'accepted', actor: 'demo-clerk' },
    });
    const row = await api.deps.db.case.findUniqueOrThrow({ where: { caseNo } });
    expect(row.acceptedAt?.getTime()).toBe(receivedAt.getTime());
    const caseStart = starts.find((s) => s.workflowId === caseNo)!.input as CaseWorkflowInput;
    expect(caseStart.acceptedOn).toBe(toShanghaiDate(receivedAt.getTime()));
    const again = await clerkPost(`/api/submissions/${submissionNo}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已处理（已受理');
  });

  it('an e-mail given online is shown in 预审 and kept on the applicant of the accepted case (their messages go there)', async () => {
    const withEmail = {
      ...form,
      applicant: { ...applicant, idNumber: '110105198001010016', name: '李四', email: 'lisi@example.com' },
    };
    const submitted = await submit(withEmail);
    expect(submitted.status).toBe(201);
    const { submissionNo } = submitted.body;
    const queue = (await (await clerk.request('GET', '/api/submissions')).json()) as {
      submissions: SubmissionSummary[];
    };
    expect(queue.submissions.find((s) => s.submissionNo === submissionNo)?.applicant).toMatchObject({
      name: '李四',
      email: 'lisi@example.com',
    });
    const res = await clerkPost(`/api/submissions/${submissionNo}/accept`);
    expect(res.status).toBe(200);
    const accepted = await api.deps.db.case.findUniqueOrThrow({
      where: { caseNo: res.body.caseNo as string },
      select: { applicant: { select: { idNumber: true, email: true } } },
    });
    expect(accepted.applicant).toEqual({ idNumber: '110105198001010016', email: 'lisi@example.com' });
    const caseStart = starts.find((s) => s.workflowId === res.body.caseNo)!.input as CaseWorkflowInput;
    expect(caseStart.applicantMessages).toBe(true);
    // The address stays out of the workflow's history, like every other personal datum.
    expect(JSON.stringify(caseStart)).not.toContain('lisi@example.com');
  });

  it('一次性告知 and 不予受理: bad input is refused before the workflow hears of it; good input gives the notice or decision', async () => {
    const noticed = await received();
    const sent = updates.length;
    const empty = await clerkPost(`/api/submissions/${noticed}/correction-notice`, { missing: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toContain('一次性告知至少列出一项材料');
    expect(updates).toHaveLength(sent);
    const notice = await clerkPost(`/api/submissions/${noticed}/correction-notice`, {
      missing: [{ materialCode: 'M-LEASE', problem: '未提交经营场所租赁合同' }],
    });
    expect(notice.status).toBe(200);
    expect(notice.body.status).toBe('correction_notified');
    expect(
      await api.deps.db.case.findUniqueOrThrow({ where: { caseNo: notice.body.caseNo as string } }),
    ).toMatchObject({
      status: 'needs_correction',
      acceptedAt: null,
    });

    const refused = await received();
    const noReason = await clerkPost(`/api/submissions/${refused}/refusal`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.detail).toContain('请填写不予受理的理由');
    const decision = await clerkPost(`/api/submissions/${refused}/refusal`, {
      reason: '不属于本机关受理范围。',
    });
    expect(decision.status).toBe(200);
    expect(decision.body.status).toBe('refused');
    expect(
      await api.deps.db.submission.findUniqueOrThrow({ where: { submissionNo: refused } }),
    ).toMatchObject({ status: 'refused', caseNo: decision.body.caseNo, settledBy: 'demo-clerk' });
  });

  it('Art. 32: deemed acceptance accepts from the receipt day, once; a clerk after it is refused and nothing is recorded', async () => {
    const submissionNo = await received();
    // Received eight days ago: the notice period has run out.
    const receivedAt = new Date(Date.now() - 8 * 86_400_000);
    await api.deps.db.submission.update({ where: { submissionNo }, data: { receivedAt } });
    const cases = await api.deps.db.case.count();
    const deemed = await deemSubmissionAccepted(api.deps, { submissionNo });
    expect(deemed.deemed).toBe(true);
    const caseNo = deemed.caseNo!;
    const row = await api.deps.db.case.findUniqueOrThrow({ where: { caseNo } });
    // No clerk accepted it: the system did (视为受理), for the window of the first active window clerk.
    expect(row).toMatchObject({ status: 'accepted', acceptedBy: 'system', windowDepartmentCode: 'SFS-ZWFW' });
    expect(row.acceptedAt?.getTime()).toBe(receivedAt.getTime());
    const counted = (await (
      await clerk.request('GET', `/api/window/counters?day=${toShanghaiDate(receivedAt.getTime())}`)
    ).json()) as { accepted: number };
    expect(counted.accepted).toBe(0);
    // The 受理通知书 says who accepted it: the system (once the workflow projected the due dates).
    await api.deps.db.case.update({
      where: { caseNo },
      data: { statutoryDueDate: toShanghaiDate(Date.now() + 20 * 86_400_000) },
    });
    const listed = await clerk.request('GET', `/api/cases/${caseNo}/documents`);
    expect(listed.status).toBe(200);
    const documents = (await listed.json()) as {
      documents: { kind: string; issuedBy: string }[];
    };
    expect(documents.documents.find((d) => d.kind === 'acceptance_notice')?.issuedBy).toBe(
      '系统（视为受理）',
    );
    // So does the case file.
    const file = (await (await clerk.request('GET', `/api/cases/${caseNo}`)).json()) as {
      acceptedBy?: { kind: string; name: string };
    };
    expect(file.acceptedBy).toEqual({ kind: 'system', name: '系统（视为受理）' });
    // The window's clerks still have it: its 待出件 once decided.
    await api.deps.db.case.update({ where: { caseNo }, data: { status: 'decided' } });
    const queue = (await (await clerk.request('GET', '/api/window/queue')).json()) as {
      items: { caseNo: string }[];
    };
    expect(queue.items.map((i) => i.caseNo)).toContain(caseNo);
    await api.deps.db.case.update({ where: { caseNo }, data: { status: 'accepted' } });
    // The case workflow's clocks start on the receipt day.
    const caseStart = starts.find((s) => s.workflowId === caseNo)!.input as CaseWorkflowInput;
    expect(caseStart.acceptedOn).toBe(toShanghaiDate(receivedAt.getTime()));
    expect(await api.deps.db.submission.findUniqueOrThrow({ where: { submissionNo } })).toMatchObject({
      status: 'deemed_accepted',
      caseNo,
      settledBy: 'system',
    });
    // The activity retried: nothing new.
    expect(await deemSubmissionAccepted(api.deps, { submissionNo })).toEqual({ deemed: false, caseNo });
    expect(await api.deps.db.case.count()).toBe(cases + 1);

    // A clerk racing the deadline: the workflow refuses, nothing is recorded.
    const late = await received();
    refuseUpdates = `网上申报 ${late} 在期限前未收到补正告知，已依法视为受理，不能再作处理`;
    try {
      const res = await clerkPost(`/api/submissions/${late}/refusal`, { reason: '不属于本机关受理范围。' });
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('已依法视为受理');
      expect(await api.deps.db.submission.findUniqueOrThrow({ where: { submissionNo: late } })).toMatchObject(
        {
          status: 'pending',
          caseNo: null,
        },
      );
      expect(await api.deps.db.case.count()).toBe(cases + 1);
    } finally {
      refuseUpdates = undefined;
    }
  });
});
