// Drives real cases over HTTP: the clerk accepts a five-department application, the five approvers decide
// in parallel, the clerk issues every result (统一出件).
import { LoadSession } from './http-session';
import { clerkLogin, fiveDepartmentApplication, loadPassword, type LoadItem } from './load-fixtures';

export interface CaseTimings {
  acceptMs: number;
  decisionMs: number[];
  issueMs: number;
  totalMs: number;
}

export class CaseDriver {
  private constructor(
    private readonly clerk: LoadSession,
    private readonly approvers: Map<string, LoadSession>,
    readonly items: LoadItem[],
    private readonly runId: string,
  ) {}

  static async signIn(baseUrl: string, items: LoadItem[]): Promise<CaseDriver> {
    const clerk = await LoadSession.signIn(baseUrl, clerkLogin.username, clerkLogin.password);
    const approvers = new Map<string, LoadSession>();
    for (const item of items)
      approvers.set(item.department, await LoadSession.signIn(baseUrl, item.approver, loadPassword));
    return new CaseDriver(clerk, approvers, items, Date.now().toString(36));
  }

  private seq = 0;

  /** POST /api/cases (受理) with an Idempotency-Key; resolves with the case number once the workflow has started. */
  async open(): Promise<{ caseNo: string; ms: number }> {
    const key = `load-${this.runId}-${++this.seq}`;
    const t0 = performance.now();
    const res = await this.clerk.call('POST', '/api/cases', fiveDepartmentApplication(this.items), {
      'idempotency-key': key,
    });
    const ms = performance.now() - t0;
    if (res.status !== 201)
      throw new Error(`accept: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return { caseNo: res.body.caseNo as string, ms };
  }

  /** POST /api/cases/:caseNo/actions approve, as the department's approver; resolves with the HTTP round trip. */
  async decide(caseNo: string, item: LoadItem): Promise<number> {
    const t0 = performance.now();
    const res = await this.approvers
      .get(item.department)!
      .call('POST', `/api/cases/${caseNo}/actions`, { verb: 'approve', stepId: item.stepId });
    const ms = performance.now() - t0;
    if (res.status !== 200)
      throw new Error(
        `approve ${item.department}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    return ms;
  }

  async issue(caseNo: string): Promise<number> {
    const t0 = performance.now();
    const res = await this.clerk.call('POST', `/api/cases/${caseNo}/issue`, {
      delivery: { method: 'window' },
    });
    const ms = performance.now() - t0;
    if (res.status !== 200 || res.body?.outcome !== 'approved')
      throw new Error(`issue: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return ms;
  }

  /** Decisions sent before the new workflow registered its handlers (answered 409, sent again). */
  notReadyRetries = 0;

  /**
   * An approval right after acceptance: a real approver acts from the inbox, once the step is open; the
   * driver instead retries (20 ms apart, at most 30 s) while the workflow has not yet run its first task.
   */
  async decideWhenOpen(caseNo: string, item: LoadItem): Promise<number> {
    const until = performance.now() + 30_000;
    for (;;) {
      try {
        return await this.decide(caseNo, item);
      } catch (error) {
        if (!/No registered handler|still starting/.test(String(error)) || performance.now() > until)
          throw error;
        this.notReadyRetries += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }

  /** One complete case: accept → 5 parallel approvals → issuance. */
  async complete(): Promise<CaseTimings> {
    const t0 = performance.now();
    const { caseNo, ms: acceptMs } = await this.open();
    const decisionMs = await Promise.all(this.items.map((item) => this.decideWhenOpen(caseNo, item)));
    const issueMs = await this.issue(caseNo);
    return { acceptMs, decisionMs, issueMs, totalMs: performance.now() - t0 };
  }
}
