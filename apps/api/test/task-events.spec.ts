import { createSqliteTestDatabase, insertOnce, type Db } from '@onewindow/db';
import { taskEventSchema, type TaskEvent } from '@onewindow/contracts';
import { demoPassword, seedDemoUsers } from '../src';
import { TaskChangeFeed } from '../src/tasks/task-change-feed';
import { endTaskEventStreams } from '../src/tasks/task-events';
import { signedIn, type HttpSession, type TestApi, startTestApi } from './support/test-api';

/**
 * GET /api/tasks/events over real HTTP and a real SQLite file: Task rows written the way the worker's
 * projection writes them (openTask's insertOnce of the row and its holders, closeTask's UPDATE) reach
 * the connected inboxes of that department as `tasks` events, and only those. Waits are bounded
 * (WAIT_MS) but nothing asserts how fast an event came.
 */
const WAIT_MS = 20_000;

/** One open server-sent event stream: its frames as they come, parsed. */
class EventStream {
  readonly frames: { id?: string; event?: string; data?: string; retry?: string; comment?: string }[] = [];
  private buffer = '';
  private waiters: (() => void)[] = [];

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  static async open(
    session: HttpSession,
    headers: Record<string, string> = {},
    baseUrl = session.baseUrl,
  ): Promise<EventStream> {
    const abort = new AbortController();
    const cookie = [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${baseUrl}/api/tasks/events`, {
      headers: { cookie, accept: 'text/event-stream', ...headers },
      signal: abort.signal,
    });
    const stream = new EventStream(response, abort);
    if (response.ok) void stream.read();
    return stream;
  }

  private async read(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.response.body as unknown as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) this.frames.push({ comment: line.slice(1).trim() });
          }
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':') && line.includes(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
          );
          if (Object.keys(fields).length > 0) this.frames.push(fields);
          for (const wake of this.waiters.splice(0)) wake();
        }
      }
    } catch {
      // Aborted by close().
    }
  }

  /** The `tasks` events so far. */
  get events(): (TaskEvent & { id?: string })[] {
    return this.frames
      .filter((f) => f.event === 'tasks')
      .map((f) => ({ ...taskEventSchema.parse(JSON.parse(f.data ?? '')), id: f.id }));
  }

  /** The id the stream opened with (the departments' versions then). */
  async openingId(): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    while (!this.frames.some((f) => f.retry)) {
      if (Date.now() > deadline) throw new Error(`no opening block within ${WAIT_MS} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.frames.find((f) => f.retry)!.id ?? '';
  }

  /** Waits (at most WAIT_MS) until there are `count` events. */
  async nthEvent(count: number): Promise<TaskEvent & { id?: string }> {
    const deadline = Date.now() + WAIT_MS;
    while (this.events.length < count) {
      if (Date.now() > deadline)
        throw new Error(`no event #${count} within ${WAIT_MS} ms: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.events[count - 1];
  }

  close(): void {
    this.abort.abort();
  }
}

let api: TestApi;
let db: Db;
let scjg: HttpSession;
let xfjy: HttpSession;
const streams: EventStream[] = [];
const open = async (session: HttpSession, headers?: Record<string, string>, baseUrl?: string) => {
  const stream = await EventStream.open(session, headers, baseUrl);
  streams.push(stream);
  return stream;
};

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  db = api.deps.db;
  await seedDemoUsers(db);
  await db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三丰' },
  });
  for (const n of [1, 2, 3])
    await db.case.create({
      data: { caseNo: `YC2026120100000${n}`, applicantId: 'A1', kind: 'item', status: 'in_review' },
    });
  scjg = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  xfjy = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
});

afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});

afterAll(async () => {
  await api?.stop();
});

/** openTask's write: the row and its holders, once. */
const openTask = (caseNo: string, stepId: string, departmentCode: string, holder: string) =>
  insertOnce(db, 'task', {
    id: `${caseNo}:${stepId}:1`,
    caseNo,
    stepId,
    seq: 1,
    departmentCode,
    role: 'dept_approver',
    assigneeUserId: holder,
    state: 'open',
    openedAt: new Date('2026-12-01T02:00:00Z'),
    dueDate: '2026-12-15',
  }).then(() => insertOnce(db, 'taskHolder', [{ taskId: `${caseNo}:${stepId}:1`, userId: holder }]));

/** closeTask's write. */
const closeTask = (id: string) =>
  db.$executeRaw`UPDATE "Task" SET "state" = 'done', "outcome" = 'approved', "closedAt" = ${new Date('2026-12-02T02:00:00Z')} WHERE "id" = ${id} AND "state" = 'open'`;

describe('GET /api/tasks/events', () => {
  it('is a text/event-stream with a retry hint; a new task reaches its department’s inbox, and only there', async () => {
    const a = await open(scjg);
    const b = await open(xfjy);
    expect(a.response.status).toBe(200);
    expect(a.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(a.response.headers.get('cache-control')).toContain('no-transform');
    expect(a.response.headers.get('content-encoding')).toBeNull();

    await openTask('YC20261201000001', 'item_FOOD', 'SFS-SCJG', 'demo-approver.scjg');
    const first = await a.nthEvent(1);
    expect(first.departments).toEqual(['SFS-SCJG']);
    expect(first.id).toMatch(/^SFS-SCJG=\d+$/);
    expect(a.frames.some((f) => f.retry === '2000')).toBe(true);

    // Then a fire-brigade task: the fire approver's first event is that one (the market task sent it none).
    await openTask('YC20261201000002', 'item_FIRE', 'SFS-XFJY', 'demo-approver.xfjy');
    expect((await b.nthEvent(1)).departments).toEqual(['SFS-XFJY']);
    expect(b.events).toHaveLength(1);

    // A task that vanishes from the inbox (closed by a decision) is an event too.
    await closeTask('YC20261201000001:item_FOOD:1');
    expect((await a.nthEvent(2)).departments).toEqual(['SFS-SCJG']);
  });

  it('sends an event when an open task’s due date, holders or step clock change, not only when tasks come and go', async () => {
    await openTask('YC20261201000002', 'item_FOOD', 'SFS-SCJG', 'demo-approver.scjg');
    const a = await open(scjg);
    await a.openingId();
    // An approved extension moves the due date (setOpenTaskDueDate's write).
    await db.task.updateMany({
      where: { caseNo: 'YC20261201000002', stepId: 'item_FOOD', state: 'open' },
      data: { dueDate: '2026-12-22' },
    });
    expect((await a.nthEvent(1)).departments).toEqual(['SFS-SCJG']);
    // A vote or a claim changes who holds it (setTaskHolders' writes).
    await db.$transaction([
      db.taskHolder.deleteMany({ where: { taskId: 'YC20261201000002:item_FOOD:1' } }),
      db.taskHolder.createMany({
        data: [{ taskId: 'YC20261201000002:item_FOOD:1', userId: 'demo-lead.scjg' }],
      }),
      db.task.update({
        where: { id: 'YC20261201000002:item_FOOD:1' },
        data: { holdersSeq: 9, assigneeUserId: 'demo-lead.scjg' },
      }),
    ]);
    expect((await a.nthEvent(2)).departments).toEqual(['SFS-SCJG']);
    // 补正 stops the step clock: the task moves to 待补正 without a Task write.
    await insertOnce(db, 'clockEvent', {
      id: 'YC20261201000002:50',
      caseNo: 'YC20261201000002',
      eventSeq: 50,
      clockId: 'step:item_FOOD',
      kind: 'suspend',
      at: new Date('2026-12-03T02:00:00Z'),
      reason: '补正',
    });
    expect((await a.nthEvent(3)).departments).toEqual(['SFS-SCJG']);
    // Each event's id is the department's version after it: all different, all newer than the opening one.
    const ids = [await a.openingId(), ...a.events.map((e) => e.id)];
    expect(new Set(ids).size).toBe(4);
  });

  it('tells a client that reconnects with an old or unknown Last-Event-ID to reload at once', async () => {
    const again = await open(scjg, { 'last-event-id': 'deadbeef-7' });
    expect(again.response.status).toBe(200);
    expect((await again.nthEvent(1)).departments).toEqual(['SFS-SCJG']);
    // The reload event carries the current version, the same the next plain connection opens with.
    expect(again.events[0].id).toBe(await (await open(scjg)).openingId());
  });

  it('sends nothing at once to a client that reconnects having seen the current version', async () => {
    const first = await open(scjg);
    const seen = await first.openingId();
    first.close();
    const again = await open(scjg, { 'last-event-id': seen });
    expect(await again.openingId()).toBe(seen);
    await closeTask('YC20261201000002:item_FOOD:1');
    // Its first event is the close, not a reload: the id moved on from what it had seen.
    const event = await again.nthEvent(1);
    expect(event.id).not.toBe(seen);
    expect(again.events).toHaveLength(1);
  });

  it('ends every open stream at shutdown, so live inboxes reconnect to the next API instead of holding it open', async () => {
    const cookie = [...scjg.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${api.baseUrl}/api/tasks/events`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const whole = response.text(); // settles only when the server ends the stream
    endTaskEventStreams();
    await expect(whole).resolves.toContain('retry: ');
  });

  it('needs a session, and task.list in the department asked for', async () => {
    const anonymous = await fetch(`${api.baseUrl}/api/tasks/events`);
    expect(anonymous.status).toBe(401);
    const cookie = [...scjg.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const other = await fetch(`${api.baseUrl}/api/tasks/events?department=SFS-XFJY`, { headers: { cookie } });
    expect(other.status).toBe(403);
    const junk = await fetch(`${api.baseUrl}/api/tasks/events?what=1`, { headers: { cookie } });
    expect(junk.status).toBe(400);
  });
});

describe('TaskChangeFeed', () => {
  it('polls only while someone listens, once for all of them, and tells each only its departments', async () => {
    const feed = new TaskChangeFeed(db, api.deps.logger, 50);
    expect(feed.polling).toBe(false);
    const market: TaskEvent[] = [];
    const fire: TaskEvent[] = [];
    const stopMarket = feed.subscribe(['SFS-SCJG'], (e) => market.push(e));
    const stopFire = feed.subscribe(['SFS-XFJY'], (e) => fire.push(e));
    expect(feed.polling).toBe(true);
    await feed.ready();
    await openTask('YC20261201000003', 'item_FOOD', 'SFS-SCJG', 'demo-approver.scjg');
    const deadline = Date.now() + WAIT_MS;
    while (market.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(market.map((e) => e.departments)).toEqual([['SFS-SCJG']]);
    expect(fire).toEqual([]);
    stopMarket();
    expect(feed.polling).toBe(true);
    stopFire();
    expect(feed.polling).toBe(false);
    expect(feed.size).toBe(0);
  });
});

describe('an API restart', () => {
  it('a client that reconnects to the next API gets what it missed while the API was down', async () => {
    const database = await createSqliteTestDatabase();
    const before = await startTestApi({ LOGIN_RATE_LIMIT: 1000 }, database);
    let after: TestApi | undefined;
    try {
      await seedDemoUsers(database.db);
      await database.db.applicant.create({
        data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三丰' },
      });
      await database.db.case.create({
        data: { caseNo: 'YC20261201000009', applicantId: 'A1', kind: 'item', status: 'in_review' },
      });
      const session = await signedIn(before.baseUrl, 'approver.scjg', demoPassword);
      const stream = await open(session);
      const seen = await stream.openingId();
      // The API goes away (its streams end); the worker keeps writing: a task opens for the department.
      endTaskEventStreams();
      await before.stop();
      await insertOnce(database.db, 'task', {
        id: 'YC20261201000009:item_FOOD:1',
        caseNo: 'YC20261201000009',
        stepId: 'item_FOOD',
        seq: 1,
        departmentCode: 'SFS-SCJG',
        role: 'dept_approver',
        assigneeUserId: 'demo-approver.scjg',
        state: 'open',
        openedAt: new Date('2026-12-01T02:00:00Z'),
        dueDate: '2026-12-15',
      });
      // The next API (same database, a new process's feed) answers the browser's reconnect with Last-Event-ID.
      after = await startTestApi({ LOGIN_RATE_LIMIT: 1000 }, database);
      const again = await open(session, { 'last-event-id': seen }, after.baseUrl);
      expect(again.response.status).toBe(200);
      const missed = await again.nthEvent(1);
      expect(missed.departments).toEqual(['SFS-SCJG']);
      expect(missed.id).not.toBe(seen);
    } finally {
      for (const stream of streams.splice(0)) stream.close();
      await after?.stop();
      await database.dispose();
    }
  });
});
