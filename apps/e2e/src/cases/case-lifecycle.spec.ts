import type { Client } from '@temporalio/client';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import type { RunningStack } from '../support/start-stack';
import { startSeededStack, type SeededStack } from './seeded-stack';
import {
  application,
  approverOf,
  badPersonId,
  eventually,
  foodImplementationCode,
  goodPersonId,
  items,
  password,
  restaurant,
  seedStandardCatalogue,
} from './case-fixtures';
import { ApiSession } from './http-session';
import { pdfText } from '../support/pdf-text';

describe('cases over HTTP against the real stack', () => {
  let stack: RunningStack;
  let db: Db;
  let temporal: Client;
  let clerk: ApiSession;
  let approver: (departmentCode: string) => ApiSession;
  let seeded: SeededStack | undefined;
  beforeAll(async () => {
    seeded = await startSeededStack();
    ({ stack, db, clerk, approver, temporal } = seeded);
  }, 120_000);
  afterAll(() => seeded?.stop(), 60_000);

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    clerk.call(method, path, body, headers);
  const codes = items.map((i) => i.implementationCode);
  const openTasks = (department: string) =>
    approver(department).call('GET', `/api/tasks?department=${department}&state=open`);
  const approve = (caseNo: string, code: string, key?: string) => {
    const item = items.find((i) => i.implementationCode === code)!;
    return approver(item.departmentCode).call(
      'POST',
      `/api/cases/${caseNo}/actions`,
      { verb: 'approve', stepId: itemStepId(code) },
      key ? { 'idempotency-key': key } : {},
    );
  };
  const caseWorkflows = async () => {
    let n = 0;
    for await (const _ of temporal.workflow.list({ query: `WorkflowType = 'caseWorkflow'` })) n += 1;
    return n;
  };

  it('accepts a three-department case, approvers act in any order, the window issues every result', async () => {
    const accepted = await call('POST', '/api/cases', application(codes), {
      'idempotency-key': 'window-1-0001',
    });
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    expect(caseNo).toMatch(/^YC\d{14}$/);
    expect(accepted.body.limits.statutory).toEqual({ value: 10, unit: 'working_day' });
    expect(accepted.body.limits.promised).toEqual({ value: 5, unit: 'working_day' });

    // The same submission retried: the same case, never a second one.
    const retried = await call('POST', '/api/cases', application(codes), {
      'idempotency-key': 'window-1-0001',
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(accepted.body);
    const reused = await call('POST', '/api/cases', application(codes.slice(0, 1)), {
      'idempotency-key': 'window-1-0001',
    });
    expect(reused.status).toBe(422);
    expect(await db.case.count({ where: { idempotencyKey: 'window-1-0001' } })).toBe(1);

    for (const item of items) {
      const inbox = await eventually(async () => {
        const page = await openTasks(item.departmentCode);
        return page.body.items.some((t: { caseNo: string }) => t.caseNo === caseNo) ? page.body : undefined;
      });
      expect(inbox.items.find((t: { caseNo: string }) => t.caseNo === caseNo)).toMatchObject({
        stepId: itemStepId(item.implementationCode),
        state: 'open',
        assigneeUserId: approverOf(item.departmentCode),
      });
    }

    // The workflow's validator refuses a stranger, with its reason.
    const stranger = await approver('SFS-XFJY').call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'approve',
      stepId: itemStepId(codes[0]),
    });
    expect(stranger.status).toBe(409);
    expect(stranger.type).toContain('application/problem+json');
    expect(stranger.body.detail).toContain('不是您所在部门（消防救援支队）的任务，本次操作未执行');
    const refusalWithoutReason = await approver('SFS-SCJG').call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'refuse',
      stepId: itemStepId(codes[0]),
      reasons: [],
    });
    expect(refusalWithoutReason.status).toBe(400);
    expect(refusalWithoutReason.body.errors).toEqual([expect.objectContaining({ path: 'reasons' })]);
    const early = await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'window' } });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/nothing to issue/);

    // Approve in reverse order; the first approval is sent twice with one Idempotency-Key.
    const first = await approve(caseNo, codes[2], 'approve-cgj-1');
    expect(first.status).toBe(200);
    expect(first.body.result).toMatchObject({ stepId: itemStepId(codes[2]), status: 'approved' });
    expect((await approve(caseNo, codes[2], 'approve-cgj-1')).body).toEqual(first.body);
    for (const code of [codes[1], codes[0]]) expect((await approve(caseNo, code)).status).toBe(200);

    const view = await call('GET', `/api/cases/${caseNo}`);
    expect(view.body).toMatchObject({
      source: 'workflow',
      view: { phase: 'awaiting_issuance', outcome: 'approved' },
    });
    expect(view.body.applicant.idNumberMasked).not.toContain('19491231');
    expect(view.body.applicant.idNumber).toBe(goodPersonId);
    expect(view.body.view.steps).toHaveLength(3);
    // An approver sees their own department's step and task only.
    const asApprover = await approver('SFS-SCJG').call('GET', `/api/cases/${caseNo}`);
    expect(asApprover.body.view.steps.map((st: { departmentCode: string }) => st.departmentCode)).toEqual([
      'SFS-SCJG',
    ]);
    expect(asApprover.body.tasks.map((t: { departmentCode: string }) => t.departmentCode)).toEqual([
      'SFS-SCJG',
    ]);

    const done0 = (await db.case.findUnique({ where: { caseNo } }))!;
    // 待出件: the window's queue lists the case once the projection has it decided, with its Art. 44 due date.
    const queued = await eventually(async () => {
      const queue = await call('GET', '/api/window/queue?view=issuance');
      return queue.body.items?.find((e: { caseNo: string }) => e.caseNo === caseNo);
    });
    expect(queued.issuanceDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(queued.applicantIdMasked).not.toContain('19491231');

    const issued = await call('POST', `/api/cases/${caseNo}/issue`, {
      delivery: {
        method: 'post',
        address: '济南市历下区泉城路 1 号',
        carrier: '中国邮政 EMS',
        trackingNo: '1187654321098',
        recipientName: '张三',
      },
    });
    expect(issued.status).toBe(200);
    expect(issued.body.outcome).toBe('approved');
    expect(issued.body.certificates).toHaveLength(2);

    // The documents: the 受理通知书 from acceptance and the 送达回证 of the issuance, each a PDF.
    const documents = await call('GET', `/api/cases/${caseNo}/documents`);
    expect(documents.body.documents.map((d: { documentNo: string }) => d.documentNo)).toEqual([
      `SL-${caseNo}`,
      `SD-${caseNo}-1`,
    ]);
    const textOf = async (documentNo: string) => {
      const pdf = await clerk.download(`/api/cases/${caseNo}/documents/${documentNo}`);
      expect(pdf.type).toBe('application/pdf');
      return pdfText(pdf.bytes);
    };
    const notice = await textOf(`SL-${caseNo}`);
    expect(notice).toContain(caseNo);
    expect(notice).toContain('受理通知书');
    // (A long name wraps inside its table cell, so only the short first one is read whole.)
    expect(notice).toContain(items[0].name);
    const [y, m, d] = (done0.statutoryDueDate as string).split('-').map(Number);
    expect(notice).toContain(`法定办结时限${y}年${m}月${d}日前`);
    const receipt = await textOf(`SD-${caseNo}-1`);
    expect(receipt).toContain('邮寄送达');
    expect(receipt).toContain('运单号1187654321098');
    for (const c of issued.body.certificates as { certificateNo: string }[])
      expect(receipt).toContain(c.certificateNo);
    // Issuing again is refused, and stores no second receipt.
    expect(
      (await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'window' } })).status,
    ).toBe(409);
    expect(await db.notice.count({ where: { caseNo } })).toBe(2);

    const done = await eventually(async () => {
      const row = await db.case.findUnique({ where: { caseNo } });
      return row?.status === 'issued' ? row : undefined;
    });
    expect(done.statutoryDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const library = await db.certificate.findMany({
      where: { sourceCaseNo: caseNo },
      orderBy: { typeCode: 'asc' },
    });
    expect(library.map((c) => [c.typeCode, c.holderIdNumber, c.status])).toEqual([
      ['11100000000013338W001', '11010519491231002X', 'valid'],
      ['11100000000013338W002', '11010519491231002X', 'valid'],
    ]);
    expect(library.map((c) => c.number).sort()).toEqual(
      issued.body.certificates.map((c: { certificateNo: string }) => c.certificateNo).sort(),
    );
    expect(await db.task.count({ where: { caseNo } })).toBe(3);
    expect(await db.task.count({ where: { caseNo, state: 'done' } })).toBe(3);
    expect(await db.decision.count({ where: { caseNo, verb: 'approve' } })).toBe(3);
    for (const item of items)
      expect(
        (await openTasks(item.departmentCode)).body.items.some(
          (t: { caseNo: string }) => t.caseNo === caseNo,
        ),
      ).toBe(false);

    const final = await call('GET', `/api/cases/${caseNo}`);
    expect(final.body).toMatchObject({
      status: 'issued',
      view: { phase: 'completed' },
      certificates: [{ status: 'valid' }, { status: 'valid' }],
    });
    const afterwards = await approve(caseNo, codes[0]);
    expect(afterwards.status).toBe(409);

    // 证照复用: a later application cites the issued licence instead of a paper copy.
    const reuse = (certificateId: string) =>
      call(
        'POST',
        '/api/cases',
        application(codes.slice(2), {
          materials: [{ materialCode: 'M-FOOD-LIC', provenance: 'reused_certificate', certificateId }],
        }),
      );
    const unknown = await reuse('NO-SUCH-CERT');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'materials.0.certificateId' })]);
    const citing = await reuse(library[0].number);
    expect(citing.status).toBe(201);
    expect(await db.caseMaterial.findMany({ where: { caseNo: citing.body.caseNo } })).toEqual([
      expect.objectContaining({
        materialCode: 'M-FOOD-LIC',
        provenance: 'reused_certificate',
        certificateId: library[0].number,
      }),
    ]);
  }, 90_000);

  it('rejects a bad application naming every bad field, writing nothing and starting nothing', async () => {
    const [cases, applicants, workflows] = [
      await db.case.count(),
      await db.applicant.count(),
      await caseWorkflows(),
    ];
    const bad = await call(
      'POST',
      '/api/cases',
      application([codes[0], 'NO-SUCH-ITEM'], {
        applicant: { kind: 'person', idNumber: badPersonId, name: '李四' },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    const paths = bad.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['applicant.idNumber', 'items.1.implementationCode']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'applicant.idNumber').message).toMatch(
      /check digit/,
    );

    const shapeless = await call('POST', '/api/cases', {
      items: [],
      applicant: { kind: 'robot' },
      actor: 'someone-else',
    });
    expect(shapeless.status).toBe(400);
    expect(shapeless.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['items', 'applicant.kind', '(root)']),
    );

    await new Promise((r) => setTimeout(r, 1000));
    expect([await db.case.count(), await db.applicant.count(), await caseWorkflows()]).toEqual([
      cases,
      applicants,
      workflows,
    ]);
  }, 30_000);

  it('three concurrent submissions with one Idempotency-Key make one case and one workflow', async () => {
    const body = application(codes.slice(1));
    const answers = await Promise.all(
      [1, 2, 3].map(() => call('POST', '/api/cases', body, { 'idempotency-key': 'window-1-race-01' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.caseNo)).size).toBe(1);
    expect(await db.case.count({ where: { idempotencyKey: 'window-1-race-01' } })).toBe(1);
    const handle = temporal.workflow.getHandle(answers[0].body.caseNo);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  }, 30_000);

  it('the window returns a step for supplement (补正): the clocks stop, then run again when the materials come', async () => {
    const accepted = await call('POST', '/api/cases', application(codes.slice(0, 1)));
    const caseNo: string = accepted.body.caseNo;
    const stepId = itemStepId(codes[0]);
    // Approvers act from their inbox: the task row exists once the step is open.
    await eventually(async () => ((await db.task.count({ where: { caseNo } })) === 1 ? true : undefined));
    const returned = await approver('SFS-SCJG').call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'return_for_supplement',
      stepId,
      materials: ['营业场所平面图'],
    });
    expect(returned.status).toBe(200);
    expect(returned.body.result.suspension).toMatchObject({
      kind: 'supplement',
      materials: ['营业场所平面图'],
    });
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo } }))?.status === 'awaiting_supplement' ? true : undefined,
    );
    const blocked = await approver('SFS-SCJG').call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'approve',
      stepId,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toMatch(/suspended/);
    const supplied = await clerk.call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'submit_supplement',
      stepId,
      materials: ['营业场所平面图'],
    });
    expect(supplied.status).toBe(200);
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo } }))?.status === 'in_review' ? true : undefined,
    );
    expect(
      (await approver('SFS-SCJG').call('POST', `/api/cases/${caseNo}/actions`, { verb: 'approve', stepId }))
        .status,
    ).toBe(200);
    const kinds = (await db.clockEvent.findMany({ where: { caseNo }, orderBy: { eventSeq: 'asc' } })).map(
      (e) => `${e.clockId}:${e.kind}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'case:start',
        `step:${stepId}:suspend`,
        'case:suspend',
        `step:${stepId}:resume`,
        'case:resume',
        'issuance:start',
      ]),
    );
    expect(await db.decision.count({ where: { caseNo } })).toBe(3);
  }, 30_000);

  it('runs 开办餐饮店 from the standards seed catalogue: four departments in parallel, three licences issued', async () => {
    await seedStandardCatalogue(db);
    const ambiguous = await call('POST', '/api/cases', application([foodImplementationCode]));
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.errors[0]).toMatchObject({
      path: 'items.0.implementationCode',
      message: expect.stringMatching(/several handling items/),
    });

    const parts = Object.values(restaurant);
    const accepted = await call('POST', '/api/cases', application(parts.map((p) => p.code)));
    expect(accepted.status).toBe(201);
    // The items one by one, not as the bundle: the strictest item's limit, extensible by 10 (Art. 42 ¶1).
    expect(accepted.body.limits).toEqual({
      statutory: { value: 20, unit: 'working_day' },
      promised: { value: 3, unit: 'working_day' },
      maxExtensionDays: 10,
    });
    expect(accepted.body.limitBasis).toMatchObject({ rule: 'strictest_item', maxExtensionDays: 10 });
    const caseNo: string = accepted.body.caseNo;
    const shuffled = [parts[2], parts[0], parts[3], parts[1]];
    for (const part of shuffled) {
      const session = await ApiSession.signIn(
        stack.baseUrl,
        `approver-${part.department.toLowerCase()}`,
        password,
      );
      await eventually(async () =>
        (await session.call('GET', `/api/tasks?department=${part.department}`)).body.items.some(
          (t: { caseNo: string }) => t.caseNo === caseNo,
        )
          ? true
          : undefined,
      );
      const done = await session.call('POST', `/api/cases/${caseNo}/actions`, {
        verb: 'approve',
        stepId: itemStepId(part.code),
      });
      expect(done.status).toBe(200);
    }
    const issued = await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'electronic' } });
    expect(issued.status).toBe(200);
    expect(
      issued.body.certificates.map((c: { certificateTypeCode: string }) => c.certificateTypeCode).sort(),
    ).toEqual(['11100000MB9000024X002', '11100000MB9000089K001', '11100000MB90001280001']);
    expect(
      await db.certificate.count({
        where: { sourceCaseNo: caseNo, holderIdNumber: goodPersonId, status: 'valid' },
      }),
    ).toBe(3);
  }, 60_000);

  it('answers 404 for an unknown case, for reads and actions alike', async () => {
    expect((await call('GET', '/api/cases/YC20991231999999')).status).toBe(404);
    expect(
      (
        await approver('SFS-SCJG').call('POST', '/api/cases/YC20991231999999/actions', {
          verb: 'approve',
          stepId: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await call('GET', '/api/cases/not-a-case')).status).toBe(404);
  }, 30_000);

  it('puts every route behind authorisation: no session → 401, another department → 403', async () => {
    const anonymous = (method: string, path: string, body?: unknown) =>
      fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then((r) => r.status);
    expect(await anonymous('POST', '/api/cases', application(codes))).toBe(401);
    expect(await anonymous('GET', '/api/tasks?department=SFS-SCJG')).toBe(401);
    const accepted = await call('POST', '/api/cases', application(codes.slice(0, 1)));
    expect(accepted.status).toBe(201);
    const caseNo = accepted.body.caseNo;
    expect(await anonymous('GET', `/api/cases/${caseNo}`)).toBe(401);
    // CGJ has no step in this case: it may neither read nor decide it, nor read another department's inbox.
    const outsider = approver('CGJ');
    expect((await outsider.call('GET', `/api/cases/${caseNo}`)).status).toBe(403);
    expect(
      (
        await outsider.call('POST', `/api/cases/${caseNo}/actions`, {
          verb: 'approve',
          stepId: itemStepId(codes[0]),
        })
      ).status,
    ).toBe(403);
    expect((await outsider.call('GET', '/api/tasks?department=SFS-SCJG')).status).toBe(403);
    // Approvers cannot accept applications or issue; the clerk cannot decide.
    expect((await approver('SFS-SCJG').call('POST', '/api/cases', application(codes))).status).toBe(403);
    expect(
      (
        await approver('SFS-SCJG').call('POST', `/api/cases/${caseNo}/issue`, {
          delivery: { method: 'window' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await clerk.call('POST', `/api/cases/${caseNo}/actions`, {
          verb: 'approve',
          stepId: itemStepId(codes[0]),
        })
      ).status,
    ).toBe(403);
    expect((await approver('SFS-SCJG').call('GET', `/api/cases/${caseNo}`)).status).toBe(200);
    const withdrawn = await clerk.call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'withdraw',
      by: 'applicant',
      reason: '申请人撤回',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.result).toMatchObject({ phase: 'withdrawn' });
  }, 60_000);

  it('a worker killed mid-case: a new worker finishes it, nothing lost or duplicated', async () => {
    const accepted = await call('POST', '/api/cases', application(codes.slice(0, 2)));
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(async () => ((await db.task.count({ where: { caseNo } })) === 2 ? true : undefined));
    expect((await approve(caseNo, codes[0])).status).toBe(200);

    await stack.stopWorker();
    // With no worker, reads fall back to the projection.
    const meanwhile = await call('GET', `/api/cases/${caseNo}`);
    expect(meanwhile.body).toMatchObject({ source: 'projection', note: expect.any(String) });
    await stack.startWorker();

    expect((await approve(caseNo, codes[1])).status).toBe(200);
    const issued = await call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'electronic' } });
    expect(issued.status).toBe(200);
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo } }))?.status === 'issued' ? true : undefined,
    );
    expect(await db.task.count({ where: { caseNo } })).toBe(2);
    expect(await db.task.count({ where: { caseNo, state: 'done' } })).toBe(2);
    expect(await db.decision.count({ where: { caseNo } })).toBe(2);
    expect(await db.certificate.count({ where: { sourceCaseNo: caseNo } })).toBe(2);
    const clockEvents = await db.clockEvent.findMany({ where: { caseNo } });
    expect(new Set(clockEvents.map((e) => e.eventSeq)).size).toBe(clockEvents.length);
  }, 90_000);
});
