import type { TaskEvent } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import type { Logger } from 'pino';

/** How often the shared poller reads the Task table while someone listens. */
export const TASK_POLL_MS = 500;

type Listener = (event: TaskEvent) => void;

/**
 * Per department, how many Task rows it has in each state. The worker (another process) only inserts
 * rows (openTask) and moves an open row to done / cancelled / superseded (closeTask), never back: every
 * open or close since the last read changes at least one of these counts. One grouped count over the
 * (departmentCode, state, …) index; due-date and holder changes of an open row are not seen here.
 */
export async function taskCountsByDepartment(db: Db): Promise<Map<string, string>> {
  const groups = await db.task.groupBy({ by: ['departmentCode', 'state'], _count: { _all: true } });
  const counts = new Map<string, string[]>();
  for (const g of groups) {
    const list = counts.get(g.departmentCode) ?? [];
    list.push(`${g.state}=${g._count._all}`);
    counts.set(g.departmentCode, list);
  }
  return new Map([...counts].map(([department, list]) => [department, list.sort().join(',')]));
}

/** The departments whose counts differ between two reads (appeared, changed or vanished). */
export function changedDepartments(before: Map<string, string>, after: Map<string, string>): string[] {
  const departments = new Set([...before.keys(), ...after.keys()]);
  return [...departments].filter((d) => before.get(d) !== after.get(d)).sort();
}

/**
 * One poller per API process, shared by every connected inbox: while at least one listener is
 * subscribed it reads the Task counts every TASK_POLL_MS (the next read starts after the previous one
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
      const now = await taskCountsByDepartment(this.db);
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
      if (concerned.length > 0) listener({ departments: concerned, at });
    }
  }
}
