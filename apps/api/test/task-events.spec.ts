import { insertOnce, type Db } from '@onewindow/db';
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

  static async open(session: HttpSession, headers: Record<string, string> = {}): Promise<EventStream> {
    const abort = new AbortController();
    const cookie = [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${session.baseUrl}/api/tasks/events`, {
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
const open = async (session: HttpSession, headers?: Record<string, string>) => {
  const stream = await EventStream.open(session, headers);
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
    expect(first.id).toMatch(/^[0-9a-f]{8}-\d+$/);
    expect(a.frames.some((f) => f.retry === '2000')).toBe(true);

    // Then a fire-brigade task: the fire approver's first event is that one (the market task sent it none).
    await openTask('YC20261201000002', 'item_FIRE', 'SFS-XFJY', 'demo-approver.xfjy');
    expect((await b.nthEvent(1)).departments).toEqual(['SFS-XFJY']);
    expect(b.events).toHaveLength(1);

    // A task that vanishes from the inbox (closed by a decision) is an event too.
    await closeTask('YC20261201000001:item_FOOD:1');
    expect((await a.nthEvent(2)).departments).toEqual(['SFS-SCJG']);
  });

  it('tells a client that reconnects (Last-Event-ID) to reload at once: it may have missed events', async () => {
    const again = await open(scjg, { 'last-event-id': 'deadbeef-7' });
    expect(again.response.status).toBe(200);
    expect((await again.nthEvent(1)).departments).toEqual(['SFS-SCJG']);
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
