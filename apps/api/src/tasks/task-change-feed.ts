import type { TaskEvent } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import type { Logger } from 'pino';

/** How often the shared poller reads the feed versions while someone listens. */
export const TASK_POLL_MS = 500;

/** A listener gets the event and the stream id of its departments' versions after it (see versionId). */
type Listener = (event: TaskEvent, id: string) => void;

/**
 * Per department, the version of its inbox rows (TaskFeedVersion). Database triggers bump it on every
 * write that changes what an inbox shows, whoever writes it (the worker's projection is another process):
 * a task row opened or closed, its due date, holders, assignee or claim changed, and every clock event of
 * an open step (补正 or a special procedure stops it, a resume, a reminder). One read of a row per department.
 */
async function taskFeedVersions(db: Db): Promise<Map<string, string>> {
  const rows = await db.taskFeedVersion.findMany();
  return new Map(rows.map((r) => [r.departmentCode, String(r.version)]));
}

/** The departments whose versions differ between two reads (appeared, changed or vanished). */
export function changedDepartments(before: Map<string, string>, after: Map<string, string>): string[] {
  const departments = new Set([...before.keys(), ...after.keys()]);
  return [...departments].filter((d) => before.get(d) !== after.get(d)).sort();
}

/**
 * One poller per API process, shared by every connected inbox: while at least one listener is
 * subscribed it reads the departments' feed versions every TASK_POLL_MS (the next read starts after the previous one
 * ends), and tells each listener whose departments changed. The first read after starting is the
 * baseline (no event; ready() resolves after it); with no listener left it stops.
 */
export class TaskChangeFeed {
  private readonly listeners = new Map<Listener, ReadonlySet<string>>();
  private timer: NodeJS.Timeout | undefined;
  private last: Map<string, string> | undefined;
  private running = false;
  /** Bumped by stop(): a read still under way from before belongs to an old run and is dropped. */
  private run = 0;
  private baseline: Promise<void> = Promise.resolve();
  private baselineRead: () => void = () => undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly pollMs = TASK_POLL_MS,
  ) {}

  /** Listens to the departments' changes; returns the unsubscribe. */
  subscribe(departments: readonly string[], listener: Listener): () => void {
    this.listeners.set(listener, new Set(departments));
    if (!this.running) {
      this.running = true;
      this.baseline = new Promise((resolve) => (this.baselineRead = resolve));
      this.schedule(0);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Resolves once the running poller has its baseline: changes from then on reach the listeners. */
  ready(): Promise<void> {
    return this.baseline;
  }

  /**
   * The departments' versions as of the last read, as one SSE event id (`SFS-SCJG=12`; a department
   * nobody wrote yet is 0). Undefined before the poller's first successful read.
   */
  versionId(departments: readonly string[]): string | undefined {
    const last = this.last;
    if (!last) return undefined;
    return [...new Set(departments)]
      .sort()
      .map((d) => `${d}=${last.get(d) ?? '0'}`)
      .join(',');
  }

  /** How many listeners are connected (for tests and logs). */
  get size(): number {
    return this.listeners.size;
  }

  /** Whether the poller is running (it runs only while someone listens). */
  get polling(): boolean {
    return this.running;
  }

  private stop(): void {
    this.running = false;
    this.run += 1;
    this.baselineRead();
    this.last = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay: number): void {
    const run = this.run;
    this.timer = setTimeout(() => void this.poll(run), delay);
    this.timer.unref();
  }

  private async poll(run: number): Promise<void> {
    this.timer = undefined;
    try {
      const now = await taskFeedVersions(this.db);
      if (run !== this.run) return;
      const changed = this.last ? changedDepartments(this.last, now) : [];
      this.last = now;
      if (changed.length > 0) this.notify(changed);
    } catch (error) {
      if (run !== this.run) return;
      this.logger.warn({ err: error }, 'task change poll failed; trying again');
    }
    this.baselineRead();
    this.schedule(this.pollMs);
  }

  private notify(changed: string[]): void {
    const at = new Date().toISOString();
    for (const [listener, departments] of [...this.listeners]) {
      const concerned = changed.filter((d) => departments.has(d));
      if (concerned.length > 0) listener({ departments: concerned, at }, this.versionId([...departments])!);
    }
  }
}
