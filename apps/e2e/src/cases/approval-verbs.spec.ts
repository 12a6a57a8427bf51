import { hashPassword } from '@onewindow/api';
import type { Db } from '@onewindow/db';
import { hashPlan, itemStepId, planBuilder } from '@onewindow/flow-model';
import type { RunningStack } from '../support/start-stack';
import { startSeededStack, type SeededStack } from './seeded-stack';
import { application, eventually, goodPersonId, items, password } from './case-fixtures';
import { ApiSession } from './http-session';

/**
 * The approval verbs over HTTP against the real stack (Temporal dev server, worker, API, SQLite): 转办, 委派,
 * 加签, 退回窗口, 抄送 and the leads' bulk actions, each seen in the workflow, the inbox and the projection.
 */
describe('approval verbs over HTTP against the real stack', () => {
  const [food, fire, sign] = items; // SFS-SCJG, SFS-XFJY, CGJ — one approver each when the cases are accepted
  const stepOf = (item: (typeof items)[number]) => itemStepId(item.implementationCode);
  const twoStep = {
    implementationCode: '11370800MB28559184337011700209Y',
    name: '食品生产许可（两级审批）',
    departmentCode: 'SFS-SCJG',
  };
  let stack: RunningStack;
  let db: Db;
  let clerk: ApiSession;
  let approver: (departmentCode: string) => ApiSession;
  const session: Record<string, ApiSession> = {};
  const cases: Record<string, string> = {};

  // Everybody hired after the cases were accepted, so each plan has the department's one approver.
  const hires = [
    { id: 'approver-scjg-2', departmentCode: 'SFS-SCJG', role: 'dept_approver' },
    { id: 'approver-xfjy-2', departmentCode: 'SFS-XFJY', role: 'dept_approver' },
    { id: 'approver-cgj-2', departmentCode: 'CGJ', role: 'dept_approver' },
    { id: 'lead-cgj', departmentCode: 'CGJ', role: 'dept_lead' },
  ];

  const accept = async (name: string, item: (typeof items)[number]) => {
    const res = await clerk.call('POST', '/api/cases', application([item.implementationCode]));
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    cases[name] = res.body.caseNo;
    await eventually(async () =>
      (await db.task.count({ where: { caseNo: res.body.caseNo, state: 'open' } })) === 1 ? true : undefined,
    );
  };
  const act = (who: ApiSession, name: string, body: Record<string, unknown>) =>
    who.call('POST', `/api/cases/${cases[name]}/actions`, body);
  /** The caseNos in a user's inbox (open tasks of their department they hold). */
  const inboxOf = async (who: string, departmentCode: string): Promise<string[]> => {
    const res = await session[who].call(
      'GET',
      `/api/tasks?department=${departmentCode}&state=open&assignee=${who}`,
    );
    expect(res.status).toBe(200);
    return res.body.items.map((t: { caseNo: string }) => t.caseNo);
  };
  const stepView = async (name: string, stepId: string) => {
    const res = await clerk.call('GET', `/api/cases/${cases[name]}`);
    return res.body.view.steps.find((s: { stepId: string }) => s.stepId === stepId);
  };
  const tasksOf = (name: string) =>
    db.task.findMany({ where: { caseNo: cases[name] }, orderBy: { seq: 'asc' }, include: { holders: true } });

  let seeded: SeededStack | undefined;
  beforeAll(async () => {
    seeded = await startSeededStack();
    ({ stack, db, clerk, approver } = seeded);
    for (const [id, code] of [
      ['approver-scjg', 'SFS-SCJG'],
      ['approver-xfjy', 'SFS-XFJY'],
      ['approver-cgj', 'CGJ'],
    ])
      session[id] = approver(code);
    // A designer published a flow for the fire-safety item: one approver, countersign single.
    const plan = planBuilder(`flow:${fire.implementationCode}`, { name: fire.name })
      .accept()
      .department({
        id: stepOf(fire),
        name: fire.name,
        itemCode: fire.implementationCode,
        departmentCode: fire.departmentCode,
        limitWorkingDays: fire.promised,
        assignees: ['approver-xfjy'],
        role: 'dept_approver',
        countersign: { mode: 'single' },
      })
      .issue()
      .build();
    await db.flowVersion.create({
      data: {
        id: 'fv-e2e-fire',
        subjectCode: fire.implementationCode,
        version: 1,
        planJson: JSON.stringify(plan),
        planHash: hashPlan(plan),
        publishedBy: 'designer-e2e',
      },
    });

    // And a two-step item of the market regulator (受理审查 → 决定), to send a step back to the one before it.
    const catalogue = await db.catalogueVersion.findFirstOrThrow();
    await db.item.create({
      data: {
        ...twoStep,
        id: `${twoStep.implementationCode}@1`,
        itemKey: twoStep.implementationCode,
        basicCode: twoStep.implementationCode.slice(19),
        itemType: '01',
        version: 1,
        statutoryLimitValue: 20,
        statutoryLimitUnit: 'working_day',
        promisedLimitValue: 10,
        promisedLimitUnit: 'working_day',
        data: '{"results":[]}',
        catalogueVersionId: catalogue.id,
      },
    });
    const step = (id: string, name: string) => ({
      id,
      name,
      itemCode: twoStep.implementationCode,
      departmentCode: 'SFS-SCJG',
      limitWorkingDays: 5,
      assignees: ['approver-scjg'],
      role: 'dept_approver',
      countersign: { mode: 'single' as const },
    });
    const sequence = planBuilder(`flow:${twoStep.implementationCode}`, { name: twoStep.name })
      .accept()
      .department(step('review', '受理审查'))
      .department(step('decide', '决定'))
      .issue()
      .build();
    await db.flowVersion.create({
      data: {
        id: 'fv-e2e-two-step',
        subjectCode: twoStep.implementationCode,
        version: 1,
        planJson: JSON.stringify(sequence),
        planHash: hashPlan(sequence),
        publishedBy: 'designer-e2e',
      },
    });

    for (const name of ['transfer', 'delegate', 'sendBack', 'copy', 'bulk1', 'bulk2', 'bulk3'])
      await accept(name, food);
    await accept('sequence', { ...food, ...twoStep });
    await accept('signers', fire);
    for (const name of ['reassign1', 'reassign2']) await accept(name, sign);

    const passwordHash = await hashPassword(password);
    for (const h of hires) {
      await db.user.create({
        data: {
          id: h.id,
          username: h.id,
          displayName: h.id,
          departmentCode: h.departmentCode,
          passwordHash,
          roles: { create: [{ role: h.role }] },
        },
      });
      session[h.id] = await ApiSession.signIn(stack.baseUrl, h.id, password);
    }
  }, 180_000);
  afterAll(() => seeded?.stop(), 60_000);

  it('转办 to another approver of the same department: the new holder has it in the inbox, the old one not, and the new one approves', async () => {
    const stepId = stepOf(food);
    const elsewhere = await act(session['approver-scjg'], 'transfer', {
      verb: 'transfer',
      stepId,
      to: ['approver-cgj'],
      reason: '休假',
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.type).toContain('application/problem+json');
    expect(elsewhere.body.errors).toEqual([
      {
        path: 'to.0',
        message: expect.stringMatching(
          /approver-cgj" belongs to CGJ, not SFS-SCJG: 转办 \(transfer\) stays inside the department/,
        ),
      },
    ]);
    const nobody = await act(session['approver-scjg'], 'transfer', {
      verb: 'transfer',
      stepId,
      to: ['approver-scjg-2', 'no-such-user'],
      groupName: '一组',
      reason: '休假',
    });
    expect(nobody.status).toBe(422);
    expect(nobody.body.errors).toEqual([{ path: 'to.1', message: 'no user has the id "no-such-user"' }]);
    expect((await stepView('transfer', stepId)).assignees).toEqual([
      expect.objectContaining({ userId: 'approver-scjg', status: 'pending' }),
    ]);

    const moved = await act(session['approver-scjg'], 'transfer', {
      verb: 'transfer',
      stepId,
      to: ['approver-scjg-2'],
      reason: '休假',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.result.assignees).toEqual([
      expect.objectContaining({ userId: 'approver-scjg', status: 'removed' }),
      expect.objectContaining({ userId: 'approver-scjg-2', status: 'pending', source: 'transferred' }),
    ]);
    expect(await inboxOf('approver-scjg-2', 'SFS-SCJG')).toContain(cases.transfer);
    expect(await inboxOf('approver-scjg', 'SFS-SCJG')).not.toContain(cases.transfer);
    const old = await act(session['approver-scjg'], 'transfer', { verb: 'approve', stepId });
    expect(old.status).toBe(409);
    expect(old.body.detail).toMatch(/approver-scjg is not an assignee/);
    expect(
      (await act(session['approver-scjg-2'], 'transfer', { verb: 'approve', stepId, comment: '同意' }))
        .status,
    ).toBe(200);

    expect((await tasksOf('transfer')).map((t) => [t.seq, t.state, t.outcome, t.assigneeUserId])).toEqual([
      [1, 'superseded', 'transferred', 'approver-scjg'],
      [2, 'done', 'approved', 'approver-scjg-2'],
    ]);
    const decisions = await db.decision.findMany({
      where: { caseNo: cases.transfer },
      orderBy: { eventSeq: 'asc' },
    });
    expect(decisions.map((d) => [d.verb, d.actorUserId])).toEqual([
      ['transfer', 'approver-scjg'],
      ['approve', 'approver-scjg-2'],
    ]);
    expect(JSON.parse(decisions[0].payload!)).toEqual({
      from: 'approver-scjg',
      to: ['approver-scjg-2'],
      reason: '休假',
      authority: 'assignee',
    });
  }, 60_000);

  it('委派: the owner cannot decide while delegated, the delegate resolves, the task comes back and the owner approves', async () => {
    const stepId = stepOf(food);
    const delegated = await act(session['approver-scjg'], 'delegate', {
      verb: 'delegate',
      stepId,
      to: 'approver-scjg-2',
      reason: '请核实现场',
    });
    expect(delegated.status).toBe(200);
    expect(await inboxOf('approver-scjg-2', 'SFS-SCJG')).toContain(cases.delegate);
    expect(await inboxOf('approver-scjg', 'SFS-SCJG')).not.toContain(cases.delegate);

    const owner = await act(session['approver-scjg'], 'delegate', { verb: 'approve', stepId });
    expect(owner.status).toBe(409);
    expect(owner.body.detail).toMatch(/delegated step .* to approver-scjg-2 \(委派\)/);
    const delegate = await act(session['approver-scjg-2'], 'delegate', { verb: 'approve', stepId });
    expect(delegate.status).toBe(409);
    expect(delegate.body.detail).toMatch(/as a delegate \(委派\): answer with resolveDelegation/);

    const resolved = await act(session['approver-scjg-2'], 'delegate', {
      verb: 'resolve_delegation',
      stepId,
      opinion: 'agree',
      comment: '现场符合要求',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.result.assignees[0]).toMatchObject({
      userId: 'approver-scjg',
      opinions: [expect.objectContaining({ by: 'approver-scjg-2', opinion: 'agree' })],
    });
    expect(await inboxOf('approver-scjg', 'SFS-SCJG')).toContain(cases.delegate);
    expect(await inboxOf('approver-scjg-2', 'SFS-SCJG')).not.toContain(cases.delegate);
    const approved = await act(session['approver-scjg'], 'delegate', { verb: 'approve', stepId });
    expect(approved.status).toBe(200);
    expect(approved.body.result.status).toBe('approved');

    expect(
      (await tasksOf('delegate')).map((t) => [t.seq, t.state, t.outcome, t.holders.map((h) => h.userId)]),
    ).toEqual([
      [1, 'superseded', 'delegated', ['approver-scjg']],
      [2, 'superseded', 'delegation_resolved', ['approver-scjg-2']],
      [3, 'done', 'approved', ['approver-scjg']],
    ]);
    expect(
      (await db.decision.findMany({ where: { caseNo: cases.delegate }, orderBy: { eventSeq: 'asc' } })).map(
        (d) => [d.verb, d.reason],
      ),
    ).toEqual([
      ['delegate', '请核实现场'],
      ['delegation_resolved', '现场符合要求'],
      ['approve', null],
    ]);
  }, 60_000);

  it('加签 in parallel on a single-signer step: both signers must approve, each from their inbox', async () => {
    const stepId = stepOf(fire);
    const outsider = await act(session['approver-xfjy'], 'signers', {
      verb: 'add_signers',
      stepId,
      signers: ['approver-scjg'],
      position: 'parallel',
      reason: '涉及食品',
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors[0]).toMatchObject({
      path: 'signers.0',
      message: expect.stringMatching(/belongs to SFS-SCJG, not SFS-XFJY/),
    });
    const add = () =>
      act(session['approver-xfjy'], 'signers', {
        verb: 'add_signers',
        stepId,
        signers: ['approver-xfjy-2'],
        position: 'parallel',
        reason: '复核',
      });
    expect((await add()).status).toBe(200);
    // 减签 takes the added signer off again (the step is back to one signer), then 加签 once more.
    const removed = await act(session['approver-xfjy'], 'signers', {
      verb: 'remove_signers',
      stepId,
      signers: ['approver-xfjy-2'],
      reason: '无需复核',
    });
    expect(removed.status).toBe(200);
    expect(
      removed.body.result.assignees.map((a: { userId: string; status: string }) => [a.userId, a.status]),
    ).toEqual([
      ['approver-xfjy', 'pending'],
      ['approver-xfjy-2', 'removed'],
    ]);
    expect(await inboxOf('approver-xfjy-2', 'SFS-XFJY')).not.toContain(cases.signers);
    const self = await act(session['approver-xfjy'], 'signers', {
      verb: 'remove_signers',
      stepId,
      signers: ['approver-xfjy'],
      reason: 'x',
    });
    expect(self.status).toBe(409);
    expect(self.body.detail).toMatch(/cannot remove themselves/);
    const added = await add();
    expect(added.status).toBe(200);
    expect(
      added.body.result.assignees.map((a: { userId: string; source: string; status: string }) => [
        a.userId,
        a.source,
        a.status,
      ]),
    ).toEqual([
      ['approver-xfjy', 'plan', 'pending'],
      ['approver-xfjy-2', 'added', 'removed'],
      ['approver-xfjy-2', 'added', 'pending'],
    ]);
    const open = await db.task.findFirstOrThrow({
      where: { caseNo: cases.signers, state: 'open' },
      include: { holders: true },
    });
    expect(open.assigneeUserId).toBeNull();
    expect(open.holders.map((h) => h.userId).sort()).toEqual(['approver-xfjy', 'approver-xfjy-2']);
    expect(await inboxOf('approver-xfjy-2', 'SFS-XFJY')).toContain(cases.signers);

    const first = await act(session['approver-xfjy'], 'signers', { verb: 'approve', stepId });
    expect(first.status).toBe(200);
    expect(first.body.result.status).toBe('open');
    const second = await act(session['approver-xfjy-2'], 'signers', { verb: 'approve', stepId });
    expect(second.status).toBe(200);
    expect(second.body.result.status).toBe('approved');
    expect((await clerk.call('GET', `/api/cases/${cases.signers}`)).body.view.phase).toBe(
      'awaiting_issuance',
    );
    expect((await tasksOf('signers')).map((t) => [t.seq, t.state, t.outcome])).toEqual([
      [1, 'superseded', 'signers_changed'],
      [2, 'superseded', 'signers_changed'],
      [3, 'superseded', 'signers_changed'],
      [4, 'done', 'approved'],
    ]);
  }, 60_000);

  it('退回 to the window: the task closes as returned, the approver cannot decide, the window resubmits and the approver approves', async () => {
    const stepId = stepOf(food);
    const previous = await act(session['approver-scjg'], 'sendBack', {
      verb: 'send_back',
      stepId,
      to: { kind: 'previous' },
      reason: '材料不一致',
    });
    expect(previous.status).toBe(409);
    expect(previous.body.detail).toMatch(
      /no earlier step on its sequence: send it back to the window instead/,
    );
    const badTarget = await act(session['approver-scjg'], 'sendBack', {
      verb: 'send_back',
      stepId,
      to: { kind: 'upstairs' },
      reason: 'x',
    });
    expect(badTarget.status).toBe(400);
    expect(badTarget.body.errors[0]).toMatchObject({ path: 'to.kind' });

    const back = await act(session['approver-scjg'], 'sendBack', {
      verb: 'send_back',
      stepId,
      to: { kind: 'window' },
      reason: '申请表缺签字',
    });
    expect(back.status).toBe(200);
    expect(back.body.result.hold).toMatchObject({ kind: 'at_window' });
    expect(await inboxOf('approver-scjg', 'SFS-SCJG')).not.toContain(cases.sendBack);
    const blocked = await act(session['approver-scjg'], 'sendBack', { verb: 'approve', stepId });
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toMatch(/sent back to the window \(退回窗口\)/);
    // Resubmission is the window's verb.
    expect(
      (await act(session['approver-scjg'], 'sendBack', { verb: 'resubmit_from_window', stepId })).status,
    ).toBe(403);

    const again = await act(clerk, 'sendBack', { verb: 'resubmit_from_window', stepId, note: '已补签' });
    expect(again.status).toBe(200);
    expect(await inboxOf('approver-scjg', 'SFS-SCJG')).toContain(cases.sendBack);
    expect((await act(session['approver-scjg'], 'sendBack', { verb: 'approve', stepId })).status).toBe(200);
    expect((await tasksOf('sendBack')).map((t) => [t.seq, t.state, t.outcome])).toEqual([
      [1, 'done', 'returned'],
      [2, 'done', 'approved'],
    ]);
    expect(
      (await db.decision.findMany({ where: { caseNo: cases.sendBack }, orderBy: { eventSeq: 'asc' } })).map(
        (d) => d.verb,
      ),
    ).toEqual(['send_back', 'resubmitted_from_window', 'approve']);
  }, 60_000);

  it('退回 to the step before: that step opens again as its next generation, the returned one follows once it is approved again', async () => {
    const me = session['approver-scjg'];
    const on = (stepId: string, body: Record<string, unknown>) => act(me, 'sequence', { ...body, stepId });
    expect((await on('review', { verb: 'approve' })).status).toBe(200);
    await eventually(async () =>
      (await db.task.count({ where: { caseNo: cases.sequence, stepId: 'decide', state: 'open' } })) === 1
        ? true
        : undefined,
    );
    const chosen = await on('decide', {
      verb: 'send_back',
      to: { kind: 'step', stepId: 'nowhere' },
      reason: 'x',
    });
    expect(chosen.status).toBe(409);
    expect(chosen.body.detail).toMatch(
      /cannot send "decide" back to "nowhere": it is not a step of this plan \(can send back to: review\)/,
    );
    const back = await on('decide', {
      verb: 'send_back',
      to: { kind: 'previous' },
      reason: '审查意见不完整',
    });
    expect(back.status).toBe(200);
    expect(back.body.result.status).toBe('returned');
    const reopened = await eventually(
      async () =>
        (await db.task.findFirst({ where: { caseNo: cases.sequence, stepId: 'review', state: 'open' } })) ??
        undefined,
    );
    expect(reopened).toMatchObject({ seq: 2, assigneeUserId: 'approver-scjg' });
    expect((await on('decide', { verb: 'approve' })).status).toBe(409);
    expect((await on('review', { verb: 'approve', comment: '已补充审查意见' })).status).toBe(200);
    await eventually(async () =>
      (await db.task.count({ where: { caseNo: cases.sequence, stepId: 'decide', state: 'open' } })) === 1
        ? true
        : undefined,
    );
    expect((await on('decide', { verb: 'approve' })).status).toBe(200);
    const rows = await db.task.findMany({
      where: { caseNo: cases.sequence },
      orderBy: [{ openedAt: 'asc' }, { seq: 'asc' }],
    });
    expect(rows.map((t) => [t.stepId, t.seq, t.state, t.outcome]).sort()).toEqual(
      [
        ['review', 1, 'done', 'approved'],
        ['decide', 1, 'done', 'returned'],
        ['review', 2, 'done', 'approved'],
        ['decide', 2, 'done', 'approved'],
      ].sort(),
    );
    const sent = await db.decision.findFirstOrThrow({ where: { caseNo: cases.sequence, verb: 'send_back' } });
    expect(JSON.parse(sent.payload!)).toEqual({ to: 'review', reason: '审查意见不完整', generation: 1 });
    expect((await clerk.call('GET', `/api/cases/${cases.sequence}`)).body.view.phase).toBe(
      'awaiting_issuance',
    );
  }, 60_000);

  it('抄送 lets the copied person read the case (masked, read-only); anyone else still gets 403', async () => {
    const stepId = stepOf(food);
    const url = `/api/cases/${cases.copy}`;
    expect((await session['approver-xfjy'].call('GET', url)).status).toBe(403);
    const unknown = await act(session['approver-scjg'], 'copy', {
      verb: 'copy_to',
      stepId,
      to: ['no-such-user'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'to.0', message: 'no user has the id "no-such-user"' }]);

    const copied = await act(session['approver-scjg'], 'copy', {
      verb: 'copy_to',
      stepId,
      to: ['approver-xfjy'],
      note: '请知悉',
    });
    expect(copied.status).toBe(200);
    expect(copied.body.result.cc).toEqual([
      expect.objectContaining({ userId: 'approver-xfjy', by: 'approver-scjg', note: '请知悉' }),
    ]);

    const read = await session['approver-xfjy'].call('GET', url);
    expect(read.status).toBe(200);
    expect(read.body.applicant.idNumber).toBeUndefined();
    expect(read.body.applicant.idNumberMasked).not.toBe(goodPersonId);
    expect(read.body.view.steps.map((s: { stepId: string }) => s.stepId)).toEqual([stepId]);
    // Read-only: the copied person may not act on it.
    expect((await act(session['approver-xfjy'], 'copy', { verb: 'approve', stepId })).status).toBe(403);
    expect((await session['approver-cgj'].call('GET', url)).status).toBe(403);

    const mine = await session['approver-xfjy'].call('GET', '/api/cases/copied');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        caseNo: cases.copy,
        stepId,
        by: 'approver-scjg',
        note: '请知悉',
        caseStatus: expect.any(String),
      }),
    ]);
    expect((await session['approver-cgj'].call('GET', '/api/cases/copied')).body.items).toEqual([]);
    expect(await db.caseCopy.count({ where: { caseNo: cases.copy } })).toBe(1);
  }, 60_000);

  it('bulk approve: a batch with one invalid task is refused whole (nothing sent); a valid batch approves each task', async () => {
    const stepId = stepOf(food);
    const me = session['approver-scjg'];
    const bad = await me.call('POST', '/api/tasks/approve', {
      tasks: [
        { caseNo: cases.bulk1, stepId },
        { caseNo: cases.bulk2, stepId },
        { caseNo: cases.reassign1, stepId: stepOf(sign) },
        { caseNo: 'YC20991231999999', stepId },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toMatch(/Nothing was approved/);
    expect(bad.body.errors).toEqual([
      {
        path: 'tasks.2',
        message: expect.stringMatching(/belongs to CGJ, not to your department \(SFS-SCJG\)/),
      },
      { path: 'tasks.3', message: 'no case YC20991231999999' },
    ]);
    for (const name of ['bulk1', 'bulk2']) expect((await stepView(name, stepId)).status).toBe('open');
    expect(await db.decision.count({ where: { caseNo: { in: [cases.bulk1, cases.bulk2] } } })).toBe(0);

    const batch = {
      tasks: ['bulk1', 'bulk2', 'bulk3'].map((name) => ({ caseNo: cases[name], stepId })),
      comment: '批量同意',
    };
    const ok = await me.call('POST', '/api/tasks/approve', batch, { 'idempotency-key': 'bulk-approve-0001' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: 3, refused: 0 });
    expect(ok.body.items.map((i: { caseNo: string; outcome: string }) => [i.caseNo, i.outcome])).toEqual(
      batch.tasks.map((t) => [t.caseNo, 'ok']),
    );
    for (const name of ['bulk1', 'bulk2', 'bulk3'])
      expect((await stepView(name, stepId)).status).toBe('approved');
    // The same batch retried with its key: the first answer, nothing applied twice; the key with another batch: 422.
    const retried = await me.call('POST', '/api/tasks/approve', batch, {
      'idempotency-key': 'bulk-approve-0001',
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(ok.body);
    const reused = await me.call(
      'POST',
      '/api/tasks/approve',
      { tasks: batch.tasks.slice(0, 1) },
      { 'idempotency-key': 'bulk-approve-0001' },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.detail).toMatch(/already used for a different/);
    expect(
      await db.decision.count({
        where: { caseNo: { in: batch.tasks.map((t) => t.caseNo) }, verb: 'approve' },
      }),
    ).toBe(3);
    // An approver of another department cannot approve these; the audit trail has the request and its items.
    expect(
      (
        await session['approver-cgj'].call('POST', '/api/tasks/approve', {
          tasks: [{ caseNo: cases.bulk1, stepId }],
        })
      ).status,
    ).toBe(422);
    const audit = await db.auditEntry.findMany({
      where: { action: { in: ['task.approved_in_bulk', 'POST /api/tasks/approve'] } },
      orderBy: { seq: 'asc' },
    });
    // The batch (its items in the payload) and the request, then the replayed retry's request; refused requests change nothing and are not kept.
    expect(audit.map((a) => a.action)).toEqual([
      'task.approved_in_bulk',
      'POST /api/tasks/approve',
      'POST /api/tasks/approve',
    ]);
    expect(JSON.parse(audit[0].payload!).items).toHaveLength(3);
    expect(audit[0].actorUserId).toBe('approver-scjg');
  }, 60_000);

  it('bulk reassign: a lead moves every open task of a person to a colleague of the same department', async () => {
    const stepId = stepOf(sign);
    const body = { from: 'approver-cgj', to: 'approver-cgj-2', reason: '调岗' };
    expect((await session['approver-cgj'].call('POST', '/api/tasks/reassign', body)).status).toBe(403);
    expect(
      (
        await session['lead-cgj'].call('POST', '/api/tasks/reassign', {
          from: 'approver-scjg',
          to: 'approver-scjg-2',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const elsewhere = await session['lead-cgj'].call('POST', '/api/tasks/reassign', {
      ...body,
      to: 'approver-scjg',
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors).toEqual([
      { path: 'to', message: expect.stringMatching(/belongs to SFS-SCJG, not CGJ/) },
    ]);
    expect(await inboxOf('approver-cgj', 'CGJ')).toEqual(
      expect.arrayContaining([cases.reassign1, cases.reassign2]),
    );

    const moved = await session['lead-cgj'].call('POST', '/api/tasks/reassign', body);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      from: 'approver-cgj',
      to: 'approver-cgj-2',
      departmentCode: 'CGJ',
      ok: 2,
      refused: 0,
    });
    expect(
      moved.body.items.map((i: { caseNo: string; stepId: string }) => [i.caseNo, i.stepId]).sort(),
    ).toEqual(
      [
        [cases.reassign1, stepId],
        [cases.reassign2, stepId],
      ].sort(),
    );
    expect(await inboxOf('approver-cgj', 'CGJ')).toEqual([]);
    expect((await inboxOf('approver-cgj-2', 'CGJ')).sort()).toEqual(
      [cases.reassign1, cases.reassign2].sort(),
    );
    const transfer = await db.decision.findFirstOrThrow({
      where: { caseNo: cases.reassign1, verb: 'transfer' },
    });
    expect(transfer.actorUserId).toBe('lead-cgj');
    expect(JSON.parse(transfer.payload!)).toMatchObject({
      from: 'approver-cgj',
      to: ['approver-cgj-2'],
      authority: 'lead',
      reason: '调岗',
    });
    expect(
      (
        await session['approver-cgj-2'].call('POST', `/api/cases/${cases.reassign1}/actions`, {
          verb: 'approve',
          stepId,
        })
      ).status,
    ).toBe(200);

    // One task back by the lead (转办 of someone else's place); an approver may hand on only their own.
    const notMine = await session['approver-cgj'].call('POST', `/api/cases/${cases.reassign2}/actions`, {
      verb: 'transfer',
      stepId,
      from: 'approver-cgj-2',
      to: ['approver-cgj'],
      reason: '收回',
    });
    expect(notMine.status).toBe(409);
    expect(notMine.body.detail).toMatch(/can transfer only their own place/);
    const back = await session['lead-cgj'].call('POST', `/api/cases/${cases.reassign2}/actions`, {
      verb: 'transfer',
      stepId,
      from: 'approver-cgj-2',
      to: ['approver-cgj'],
      reason: '收回',
    });
    expect(back.status).toBe(200);
    expect(await inboxOf('approver-cgj', 'CGJ')).toEqual([cases.reassign2]);
    const last = await db.decision.findFirstOrThrow({
      where: { caseNo: cases.reassign2, verb: 'transfer' },
      orderBy: { eventSeq: 'desc' },
    });
    expect(JSON.parse(last.payload!)).toMatchObject({ from: 'approver-cgj-2', authority: 'lead' });
    expect(await db.auditEntry.count({ where: { action: 'task.reassigned', actorUserId: 'lead-cgj' } })).toBe(
      1,
    );
  }, 60_000);

  it('bulk reassign in a department the person is granted a role in: named by departmentCode, only that department’s tasks move', async () => {
    const stepId = stepOf(sign);
    // 市场监管's approver also approves for CGJ (docs/decisions/0023); CGJ's lead hands them the CGJ case.
    await db.userRole.create({
      data: { userId: 'approver-scjg', role: 'dept_approver', departmentCode: 'CGJ' },
    });
    const handed = await session['lead-cgj'].call('POST', `/api/cases/${cases.reassign2}/actions`, {
      verb: 'transfer',
      stepId,
      from: 'approver-cgj',
      to: ['approver-scjg'],
      reason: '支援',
    });
    expect(handed.status).toBe(200);
    expect(await inboxOf('approver-scjg', 'CGJ')).toEqual([cases.reassign2]);
    const homeTasks = async () =>
      (
        await db.task.findMany({
          where: {
            departmentCode: 'SFS-SCJG',
            state: 'open',
            holders: { some: { userId: 'approver-scjg' } },
          },
          select: { id: true },
          orderBy: { id: 'asc' },
        })
      ).map((t) => t.id);
    const homeBefore = await homeTasks();
    expect(homeBefore.length).toBeGreaterThan(0);

    const body = { from: 'approver-scjg', to: 'approver-cgj-2', reason: '支援结束' };
    // Without a department: their home department, which CGJ's lead does not lead.
    const home = await session['lead-cgj'].call('POST', '/api/tasks/reassign', body);
    expect(home.status).toBe(403);
    const noRole = await session['lead-cgj'].call('POST', '/api/tasks/reassign', {
      ...body,
      departmentCode: 'SFS-XFJY',
    });
    expect(noRole.status).toBe(400);
    expect(noRole.body.errors).toEqual([
      {
        path: 'departmentCode',
        message: expect.stringContaining('用户“approver-scjg”在部门 SFS-XFJY 没有角色'),
      },
    ]);
    expect(await inboxOf('approver-scjg', 'CGJ')).toEqual([cases.reassign2]);

    const moved = await session['lead-cgj'].call('POST', '/api/tasks/reassign', {
      ...body,
      departmentCode: 'CGJ',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      from: 'approver-scjg',
      to: 'approver-cgj-2',
      departmentCode: 'CGJ',
      ok: 1,
      refused: 0,
    });
    expect(moved.body.items.map((i: { caseNo: string }) => i.caseNo)).toEqual([cases.reassign2]);
    await eventually(async () => ((await inboxOf('approver-scjg', 'CGJ')).length === 0 ? true : undefined));
    expect(await inboxOf('approver-cgj-2', 'CGJ')).toContain(cases.reassign2);
    // Their work in 市场监管 stays theirs.
    expect(await homeTasks()).toEqual(homeBefore);
  }, 60_000);
});
