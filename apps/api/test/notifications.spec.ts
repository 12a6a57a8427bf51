import { bothTestDatabases } from '@onewindow/db';
import { demoPassword, seedDemoUsers } from '../src';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * 通知中心 at the API boundary over real HTTP, on a real SQLite file and a real PostgreSQL database: the notifications derive from the rows the
 * worker and the API write (task rows and holders, clock events, decisions, rectification orders), seeded here as
 * they would be. Times are relative to now (the centre looks back 30 days).
 */
describe.each(bothTestDatabases)('the notification centre on %s', (_name, createDatabase) => {
  let api: TestApi;
  let approver: HttpSession;
  let lead: HttpSession;
  let clerk: HttpSession;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const no = (n: number) => `YC2026120700000${n}`;
  const GROUP = 'group:SFS-SCJG/dept_approver';
  const ME = 'demo-approver.scjg';

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 }, await createDatabase());
    const db = api.deps.db;
    await seedDemoUsers(db);
    await db.user.create({
      data: {
        id: 'other.scjg',
        username: 'other.scjg',
        displayName: '市场监管 张伟',
        departmentCode: 'SFS-SCJG',
      },
    });
    await db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    for (const n of [1, 2, 3, 4, 5])
      await db.case.create({ data: { caseNo: no(n), applicantId: 'A1', kind: 'item', status: 'in_review' } });
    const task = (
      n: number,
      seq: number,
      holders: string[],
      fields: Partial<{
        state: string;
        openedAt: Date;
        closedAt: Date;
        outcome: string;
        claimState: string;
        claimedBy: string;
        claimGroup: string;
        departmentCode: string;
      }>,
    ) =>
      db.task.create({
        data: {
          id: `${no(n)}:item_FOOD:${seq}`,
          caseNo: no(n),
          stepId: 'item_FOOD',
          seq,
          departmentCode: 'SFS-SCJG',
          role: 'dept_approver',
          state: 'open',
          openedAt: ago(600),
          dueDate: '2026-12-31',
          holders: { create: holders.map((userId) => ({ userId })) },
          ...fields,
        },
      });
    // Given to me by name three hours ago.
    await task(1, 1, [ME], { openedAt: ago(180) });
    // Offered to my group five hours ago, claimed by a colleague two hours ago.
    await task(2, 1, [GROUP], {
      openedAt: ago(300),
      state: 'superseded',
      outcome: 'claimed',
      closedAt: ago(120),
      claimState: 'unclaimed',
      claimGroup: GROUP,
    });
    await task(2, 2, ['other.scjg'], { openedAt: ago(120), claimState: 'claimed', claimedBy: 'other.scjg' });
    // Waiting for my group an hour ago.
    await task(3, 1, [GROUP], { openedAt: ago(60), claimState: 'unclaimed', claimGroup: GROUP });
    // Another department's step, overdue.
    await task(4, 1, ['demo-approver.wsjk'], { departmentCode: 'SFS-WJW', openedAt: ago(9000) });
    // Long ago (beyond the 30 days): not shown.
    await task(5, 1, [ME], { openedAt: ago(60 * 24 * 40) });

    const clock = (n: number, seq: number, kind: string, at: Date, payload: Record<string, unknown>) =>
      db.clockEvent.create({
        data: {
          id: `${no(n)}:${seq}`,
          caseNo: no(n),
          eventSeq: seq,
          clockId: 'step:item_FOOD',
          kind,
          at,
          payload: JSON.stringify(payload),
        },
      });
    await clock(1, -1, 'reminder', ago(30), {
      urge: true,
      by: 'demo-lead.scjg',
      to: [ME],
      message: '请今天办结',
    });
    await clock(1, 5, 'reminder', ago(40), {
      recipients: [ME],
      dueDate: '2026-12-31',
      remainingWorkingDays: 2,
    });
    await clock(1, 6, 'reminder', ago(45), { recipients: ['somebody-else'], dueDate: '2026-12-31' });
    await clock(1, 7, 'overdue', ago(50), {
      departmentCode: 'SFS-SCJG',
      role: 'dept_lead',
      leads: ['demo-lead.scjg'],
      dueDate: '2026-12-04',
    });
    await clock(4, 7, 'overdue', ago(55), {
      departmentCode: 'SFS-WJW',
      role: 'dept_lead',
      leads: ['demo-lead.wsjk'],
      dueDate: '2026-12-03',
    });
    const decision = (seq: number, verb: string, at: Date, actor: string, payload: Record<string, unknown>) =>
      db.decision.create({
        data: {
          id: `${no(1)}:${seq}`,
          caseNo: no(1),
          eventSeq: seq,
          stepId: 'item_FOOD',
          verb,
          actorUserId: actor,
          payload: JSON.stringify(payload),
          decidedAt: at,
        },
      });
    await decision(8, 'supplement_submitted', ago(20), 'demo-clerk', { materials: ['消防平面图'] });
    await decision(9, 'extension_approved', ago(10), 'demo-lead.scjg', { reason: '需现场核查' });
    await db.rectificationOrder.create({
      data: {
        id: 'RO-1',
        evaluationId: 'E-1',
        caseNo: no(2),
        departmentCode: 'SFS-SCJG',
        deadline: '2026-12-28',
        state: 'open',
        openedAt: ago(15),
      },
    });
    approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
    lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await api?.database.dispose();
  });

  const list = async (session: HttpSession) => {
    const res = await session.request('GET', '/api/notifications');
    expect(res.status).toBe(200);
    return json(res);
  };
  const kinds = (body: { items: { kind: string; caseNo: string }[] }) =>
    body.items.map((i) => `${i.kind} ${i.caseNo}`);

  it("lists an approver's events newest first: assigned, offered to the group, claimed by a colleague, reminder, 催办, 补正 received, extension decided", async () => {
    const body = await list(approver);
    expect(kinds(body)).toEqual([
      `extension_decided ${no(1)}`,
      `supplement_received ${no(1)}`,
      `urge ${no(1)}`,
      `reminder ${no(1)}`,
      `group_assigned ${no(3)}`,
      `claimed_by_other ${no(2)}`,
      `assigned ${no(1)}`,
      `group_assigned ${no(2)}`,
    ]);
    expect(body.unread).toBe(8);
    expect(body.items.every((i: { read: boolean }) => !i.read)).toBe(true);
    const byKind = (kind: string) => body.items.find((i: { kind: string }) => i.kind === kind);
    expect(byKind('urge')).toMatchObject({
      actor: '市场监管科长 周文',
      detail: '请今天办结',
      stepId: 'item_FOOD',
      stepName: null, // the seeded case runs no published flow version
      link: `/approvals?case=${no(1)}`,
    });
    expect(byKind('claimed_by_other')).toMatchObject({ actor: '市场监管 张伟' });
    expect(byKind('supplement_received')).toMatchObject({ detail: '消防平面图' });
    expect(byKind('extension_decided')).toMatchObject({ detail: '需现场核查' });
  });

  it('shows a lead the escalations and 差评 orders of their own department only, linked to the supervision workspace', async () => {
    const body = await list(lead);
    expect(kinds(body)).toEqual([`rectification_order ${no(2)}`, `escalation ${no(1)}`]);
    expect(body.items.map((i: { link: string }) => i.link)).toEqual(['/supervision', '/supervision']);
    expect(body.items[0]).toMatchObject({ detail: '2026-12-28', departmentCode: 'SFS-SCJG' });
  });

  it('marks one read, then all; an event after that is unread again', async () => {
    const before = await list(approver);
    const urge = before.items.find((i: { kind: string }) => i.kind === 'urge');
    const marked = await approver.request('POST', '/api/notifications/read', {
      csrf: true,
      body: { ids: [urge.id] },
    });
    expect(marked.status).toBe(204);
    const again = await approver.request('POST', '/api/notifications/read', {
      csrf: true,
      body: { ids: [urge.id] },
    });
    expect(again.status).toBe(204);
    const one = await list(approver);
    expect(one.unread).toBe(7);
    expect(one.items.find((i: { id: string }) => i.id === urge.id).read).toBe(true);

    expect((await approver.request('POST', '/api/notifications/read-all', { csrf: true })).status).toBe(204);
    const none = await list(approver);
    expect([none.unread, none.items.filter((i: { read: boolean }) => !i.read).length]).toEqual([0, 0]);
    // The lead's own read state is theirs.
    expect((await list(lead)).unread).toBe(2);

    await new Promise((r) => setTimeout(r, 5));
    await api.deps.db.clockEvent.create({
      data: {
        id: `${no(1)}:urge-2`,
        caseNo: no(1),
        eventSeq: -2,
        clockId: 'step:item_FOOD',
        kind: 'reminder',
        at: new Date(),
        payload: JSON.stringify({ urge: true, by: 'demo-lead.scjg', to: [GROUP], message: '加快办理' }),
      },
    });
    const fresh = await list(approver);
    expect(fresh.unread).toBe(1);
    expect(fresh.items[0]).toMatchObject({ kind: 'urge', detail: '加快办理', read: false });
  });

  it('refuses an empty or oversized mark request with a clear message, and users without an inbox', async () => {
    const empty = await approver.request('POST', '/api/notifications/read', {
      csrf: true,
      body: { ids: [] },
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await json(empty))).toContain('请至少选择一条通知');
    const many = Array.from({ length: 201 }, (_, i) => `x:${i}`);
    const tooMany = await approver.request('POST', '/api/notifications/read', {
      csrf: true,
      body: { ids: many },
    });
    expect(tooMany.status).toBe(400);
    expect((await clerk.request('GET', '/api/notifications')).status).toBe(403);
  });

  it('offers a user the group seats of another department they hold the role in, and only once it is granted', async () => {
    const db = api.deps.db;
    const wjwGroup = 'group:SFS-WJW/dept_approver';
    await db.case.create({ data: { caseNo: no(6), applicantId: 'A1', kind: 'item', status: 'in_review' } });
    await db.task.create({
      data: {
        id: `${no(6)}:item_HEALTH:1`,
        caseNo: no(6),
        stepId: 'item_HEALTH',
        seq: 1,
        departmentCode: 'SFS-WJW',
        role: 'dept_approver',
        state: 'open',
        openedAt: ago(20),
        dueDate: '2026-12-31',
        claimState: 'unclaimed',
        claimGroup: wjwGroup,
        holders: { create: [{ userId: wjwGroup }] },
      },
    });
    const fire = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
    expect(kinds(await list(fire))).not.toContain(`group_assigned ${no(6)}`);
    // 消防's approver is granted the approver role in 卫健 as well (the session reads the grants on each request).
    await db.userRole.create({
      data: { userId: 'demo-approver.xfjy', role: 'dept_approver', departmentCode: 'SFS-WJW' },
    });
    const body = await list(fire);
    expect(kinds(body).filter((k) => k === `group_assigned ${no(6)}`)).toHaveLength(1);
    expect(body.items.find((i: { caseNo: string }) => i.caseNo === no(6))).toMatchObject({
      departmentCode: 'SFS-WJW',
    });
    // 市场监管's approver holds nothing in 卫健: not offered to them.
    expect(kinds(await list(approver))).not.toContain(`group_assigned ${no(6)}`);
  });
});
