import { demoPassword, seedDemoUsers } from '../src';
import { taskInboxPage } from '../src/tasks/task-inbox';
import { listTasksQuerySchema } from '@onewindow/contracts';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * The approver's inbox (GET /api/tasks views and filters), the case file view's extra data and the
 * department user directory, over real HTTP and a real SQLite file (Temporal not running: nothing here
 * needs it). The time status is checked through the service with a fixed "now", never today's date.
 */
let api: TestApi;
let scjg: HttpSession;
let xfjy: HttpSession;
const me = 'demo-approver.scjg';
const food = 'IMPL-FOOD';
const fire = 'IMPL-FIRE';

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  const db = api.deps.db;
  await seedDemoUsers(db);
  await db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三丰' },
  });
  const version = await db.catalogueVersion.create({ data: { label: 't', source: 'seed', createdBy: 't' } });
  for (const [code, name, departmentCode] of [
    [food, '食品经营许可', 'SFS-SCJG'],
    [fire, '消防安全检查', 'SFS-XFJY'],
  ]) {
    await db.item.create({
      data: {
        id: `${code}@1`,
        itemKey: code,
        basicCode: code,
        implementationCode: code,
        name,
        itemType: '01',
        departmentCode,
        version: 1,
        statutoryLimitValue: 20,
        statutoryLimitUnit: 'working_day',
        promisedLimitValue: 10,
        promisedLimitUnit: 'working_day',
        data: '{}',
        catalogueVersionId: version.id,
      },
    });
  }
  await db.flowVersion.create({
    data: {
      id: 'flow-1',
      subjectCode: food,
      version: 1,
      planJson: JSON.stringify({
        nodes: [
          { id: 'item_FOOD', type: 'department', name: '食品经营许可审查', departmentCode: 'SFS-SCJG' },
        ],
      }),
      planHash: 'h',
      publishedBy: 't',
    },
  });
  await db.applicant.create({
    data: { id: 'A2', kind: 'organisation', idNumber: '91370800MA3C5LQX1K', name: '济宁味道餐饮有限公司' },
  });
  const caseOf = async (caseNo: string, codes: string[], applicantId = 'A1') => {
    await db.case.create({
      data: {
        caseNo,
        applicantId,
        kind: 'item',
        status: 'in_review',
        flowVersionId: 'flow-1',
        items: { create: codes.map((implementationCode) => ({ implementationCode, itemVersion: 1 })) },
      },
    });
  };
  const task = (caseNo: string, state: string, holder: string, dueDate: string | null, openedAt: string) =>
    db.task.create({
      data: {
        id: `${caseNo}:item_FOOD:1`,
        caseNo,
        stepId: 'item_FOOD',
        seq: 1,
        departmentCode: 'SFS-SCJG',
        role: 'dept_approver',
        assigneeUserId: holder,
        holders: { create: [{ userId: holder }] },
        state,
        openedAt: new Date(openedAt),
        dueDate,
        closedAt: state === 'done' ? new Date(openedAt) : null,
        outcome: state === 'done' ? 'approved' : null,
      },
    });
  // Due Wed 9 Dec, Fri 4 Dec (before "now", Mon 7 Dec 2026), Mon 21 Dec; one suspended for 补正; one done; one of the lead's.
  await caseOf('YC20261201000001', [food, fire]);
  await task('YC20261201000001', 'open', me, '2026-12-09', '2026-11-30T02:00:00Z');
  await caseOf('YC20261201000002', [food]);
  await task('YC20261201000002', 'open', me, '2026-12-04', '2026-11-20T02:00:00Z');
  await caseOf('YC20261201000003', [food], 'A2');
  await task('YC20261201000003', 'open', me, '2026-12-21', '2026-12-03T02:00:00Z');
  await caseOf('YC20261201000004', [food]);
  await task('YC20261201000004', 'open', me, '2026-12-08', '2026-12-01T02:00:00Z');
  await caseOf('YC20261201000005', [food]);
  await task('YC20261201000005', 'done', me, '2026-12-02', '2026-11-25T02:00:00Z');
  await caseOf('YC20261201000006', [food]);
  await task('YC20261201000006', 'open', 'demo-lead.scjg', '2026-12-10', '2026-12-01T02:00:00Z');
  // Case 4's step waits for the applicant's 补正: the decision, then the step clock's suspension.
  await db.decision.create({
    data: {
      id: 'd4',
      caseNo: 'YC20261201000004',
      eventSeq: 5,
      stepId: 'item_FOOD',
      verb: 'return_for_supplement',
      actorUserId: me,
      decidedAt: new Date('2026-12-02T02:00:00Z'),
    },
  });
  await db.clockEvent.create({
    data: {
      id: 'c4',
      caseNo: 'YC20261201000004',
      eventSeq: 6,
      clockId: 'step:item_FOOD',
      kind: 'suspend',
      at: new Date('2026-12-02T02:00:00Z'),
      reason: '补正: 营业执照',
    },
  });
  // …and the step clock on its task row, as the worker's projection writes it with that event.
  await db.task.update({
    where: { id: 'YC20261201000004:item_FOOD:1' },
    data: { clockState: 'supplement', clockReason: '补正: 营业执照' },
  });
  // Two reminders on case 1's step.
  for (const seq of [7, 8])
    await db.clockEvent.create({
      data: {
        id: `r${seq}`,
        caseNo: 'YC20261201000001',
        eventSeq: seq,
        clockId: 'step:item_FOOD',
        kind: 'reminder',
        at: new Date('2026-12-04T02:00:00Z'),
      },
    });
  await db.caseMaterial.create({
    data: {
      id: 'm1',
      caseNo: 'YC20261201000001',
      materialCode: 'M-ID',
      provenance: 'submitted',
      originals: 1,
    },
  });
  scjg = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  xfjy = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

const ids = (page: { items: { caseNo: string }[] }) => page.items.map((t) => t.caseNo.slice(-1));
const inbox = async (query: string) => {
  const res = await scjg.request('GET', `/api/tasks?department=SFS-SCJG&${query}`);
  expect(res.status).toBe(200);
  return json(res);
};

describe('the approver inbox', () => {
  it('views: mine (least remaining time first; a stopped clock keeps its due date of when it stopped), done, 待补正, 特别程序中', async () => {
    expect(ids(await inbox('view=mine'))).toEqual(['2', '4', '1', '3']);
    expect(ids(await inbox('view=done'))).toEqual(['5']);
    expect(ids(await inbox('view=supplement'))).toEqual(['4']);
    expect(ids(await inbox('view=special'))).toEqual([]);
    expect(ids(await inbox('view=department'))).toEqual(['2', '4', '1', '6', '3']);
  });

  it('rows carry the step name, item names, the applicant masked, the clock and reminders', async () => {
    const page = await inbox('view=mine&caseNo=yc20261201000001');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      stepName: '食品经营许可审查',
      items: [
        { implementationCode: fire, name: '消防安全检查' },
        { implementationCode: food, name: '食品经营许可' },
      ],
      applicant: { kind: 'person', name: '张**' },
      clock: { state: 'running', kind: null },
      reminders: 2,
    });
    expect(JSON.stringify(page)).not.toContain('张三丰');
    const suspended = (await inbox('view=supplement')).items[0];
    expect(suspended).toMatchObject({
      clock: { state: 'suspended', kind: 'supplement', reason: '补正: 营业执照' },
      timeStatus: null,
      remainingWorkingDays: null,
    });
  });

  it('filters by case number, item and arrival dates; pages on the server', async () => {
    expect(ids(await inbox('view=mine&item=IMPL-FIRE'))).toEqual(['1']);
    expect(ids(await inbox('view=mine&arrivedFrom=2026-12-01&arrivedTo=2026-12-03'))).toEqual(['4', '3']);
    const second = await inbox('view=mine&page=2&pageSize=3');
    expect([ids(second), second.total]).toEqual([['3'], 4]);
    const bad = await scjg.request('GET', '/api/tasks?department=SFS-SCJG&view=everything');
    expect(bad.status).toBe(400);
  });

  it('filters by due dates, the applicant (name, full or masked ID number) and free text', async () => {
    expect(ids(await inbox('view=mine&dueFrom=2026-12-08&dueTo=2026-12-09'))).toEqual(['4', '1']);
    expect(ids(await inbox('view=mine&dueTo=2026-12-04'))).toEqual(['2']);
    // The applicant: part of the name; the ID number in full or as lists mask it; only its tail.
    expect(ids(await inbox(`view=mine&applicant=${encodeURIComponent('味道餐饮')}`))).toEqual(['3']);
    expect(ids(await inbox(`view=mine&applicant=${encodeURIComponent('张三')}`))).toEqual(['2', '4', '1']);
    expect(ids(await inbox('view=mine&applicant=11010519491231002x'))).toEqual(['2', '4', '1']);
    expect(ids(await inbox(`view=mine&applicant=${encodeURIComponent('110105********002X')}`))).toEqual([
      '2',
      '4',
      '1',
    ]);
    expect(ids(await inbox(`view=mine&applicant=${encodeURIComponent('91370800********1K')}`))).toEqual([
      '3',
    ]);
    expect(ids(await inbox(`view=mine&applicant=${encodeURIComponent('****002X')}`))).toEqual([
      '2',
      '4',
      '1',
    ]);
    expect(ids(await inbox('view=mine&applicant=11010519491231003X'))).toEqual([]);
    // Free text: the case number, the applicant, an item's name or code.
    expect(ids(await inbox('view=mine&search=000003'))).toEqual(['3']);
    expect(ids(await inbox(`view=mine&search=${encodeURIComponent('消防')}`))).toEqual(['1']);
    expect(ids(await inbox('view=mine&search=impl-fire'))).toEqual(['1']);
    expect(ids(await inbox(`view=mine&search=${encodeURIComponent('味道')}`))).toEqual(['3']);
    expect(ids(await inbox(`view=department&search=${encodeURIComponent('食品经营')}`))).toEqual([
      '2',
      '4',
      '1',
      '6',
      '3',
    ]);
    // Filters combine, and the page counts what they leave.
    const both = await inbox(`view=department&search=${encodeURIComponent('张三丰')}&dueFrom=2026-12-09`);
    expect([ids(both), both.total]).toEqual([['1', '6'], 2]);
  });

  it('refuses reversed date ranges and empty texts with a message saying what to fix', async () => {
    const reversed = await scjg.request(
      'GET',
      '/api/tasks?department=SFS-SCJG&dueFrom=2026-12-09&dueTo=2026-12-01',
    );
    expect(reversed.status).toBe(400);
    expect((await json(reversed)).detail).toContain('dueTo is before dueFrom: swap the two days');
    const arrived = await scjg.request(
      'GET',
      '/api/tasks?department=SFS-SCJG&arrivedFrom=2026-12-09&arrivedTo=2026-12-01',
    );
    expect((await json(arrived)).detail).toContain('arrivedTo is before arrivedFrom');
    const blank = await scjg.request('GET', '/api/tasks?department=SFS-SCJG&search=%20%20');
    expect(blank.status).toBe(400);
    expect((await json(blank)).detail).toContain('search is empty');
  });

  it('lists another department for whoever may see every department (a supervisor)', async () => {
    const supervisor = await signedIn(api.baseUrl, 'supervisor', demoPassword);
    const res = await supervisor.request(
      'GET',
      '/api/tasks?department=SFS-SCJG&view=department&search=000001',
    );
    expect(res.status).toBe(200);
    expect(ids(await json(res))).toEqual(['1']);
  });

  it('counts remaining working days and the time status from the calendar (now = Mon 7 Dec 2026)', async () => {
    const now = new Date('2026-12-07T02:00:00Z');
    const page = (q: Record<string, string>) =>
      taskInboxPage(
        api.deps,
        listTasksQuerySchema.parse({ department: 'SFS-SCJG', view: 'mine', ...q }),
        { id: me },
        now,
      );
    const all = await page({});
    expect(all.today).toBe('2026-12-07');
    expect(all.items.map((t) => [t.caseNo.slice(-1), t.remainingWorkingDays, t.timeStatus])).toEqual([
      ['2', -1, 'overdue'],
      ['4', null, null],
      ['1', 2, 'warning'],
      ['3', 10, 'normal'],
    ]);
    expect(ids(await page({ timeStatus: 'overdue' }))).toEqual(['2']);
    expect(ids(await page({ timeStatus: 'warning' }))).toEqual(['1']);
    expect(ids(await page({ timeStatus: 'normal' }))).toEqual(['3']);
  });

  it('is refused for another department (task.list in your own)', async () => {
    const res = await xfjy.request('GET', '/api/tasks?department=SFS-SCJG&view=department');
    expect(res.status).toBe(403);
  });

  it('puts a task without a due date (opened while its clock stood) after the dated ones, across pages', async () => {
    const db = api.deps.db;
    await db.case.create({
      data: {
        caseNo: 'YC20261201000007',
        applicantId: 'A1',
        kind: 'item',
        status: 'in_review',
        flowVersionId: 'flow-1',
      },
    });
    await db.task.create({
      data: {
        id: 'YC20261201000007:item_FOOD:1',
        caseNo: 'YC20261201000007',
        stepId: 'item_FOOD',
        seq: 1,
        departmentCode: 'SFS-SCJG',
        role: 'dept_approver',
        assigneeUserId: 'demo-lead.scjg',
        holders: { create: [{ userId: 'demo-lead.scjg' }] },
        state: 'open',
        openedAt: new Date('2026-12-01T02:00:00Z'),
        dueDate: null,
      },
    });
    try {
      expect(ids(await inbox('view=department&pageSize=10'))).toEqual(['2', '4', '1', '6', '3', '7']);
      const second = await inbox('view=department&page=2&pageSize=4');
      expect([ids(second), second.total]).toEqual([['3', '7'], 6]);
      const third = await inbox('view=department&page=3&pageSize=3');
      expect([ids(third), third.total]).toEqual([[], 6]);
      expect(ids(await inbox('view=department&page=2&pageSize=5'))).toEqual(['7']);
      // A person's tasks (read from their holder rows) keep the same order.
      expect(ids(await inbox('assignee=demo-lead.scjg'))).toEqual(['6', '7']);
      const lead = await inbox('assignee=demo-lead.scjg&page=2&pageSize=1');
      expect([ids(lead), lead.total]).toEqual([['7'], 2]);
    } finally {
      await db.case.delete({ where: { caseNo: 'YC20261201000007' } });
    }
  });
});

describe('the case file view and the user directory', () => {
  it('lists items, materials and each department’s progress without opinions', async () => {
    const res = await scjg.request('GET', '/api/cases/YC20261201000001/file');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      items: expect.arrayContaining([
        { implementationCode: food, name: '食品经营许可', departmentCode: 'SFS-SCJG' },
      ]),
      materials: [{ materialCode: 'M-ID', originals: 1, file: null }],
      departments: [
        { stepId: 'item_FOOD', stepName: '食品经营许可审查', state: 'open', dueDate: '2026-12-09' },
      ],
    });
    expect((await xfjy.request('GET', '/api/cases/YC20261201000002/file')).status).toBe(403);
  });

  it('lists the active users of one’s own department, and refuses another department', async () => {
    const res = await scjg.request('GET', '/api/users?department=SFS-SCJG');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.items.map((u: { id: string }) => u.id).sort()).toEqual([
      'demo-approver.scjg',
      'demo-lead.scjg',
    ]);
    expect(Object.keys(body.items[0]).sort()).toEqual(['displayName', 'id', 'roles']);
    expect((await scjg.request('GET', '/api/users?department=SFS-XFJY')).status).toBe(403);
    expect((await scjg.request('GET', '/api/users')).status).toBe(403);
  });
});
