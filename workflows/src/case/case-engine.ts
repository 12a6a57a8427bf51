import { ApplicationFailure, allHandlersFinished, condition, patched } from '@temporalio/workflow';
import {
  PlanRuntimeError,
  type FlatNode,
  type NodeOutcome,
  type PlanRun,
  type PlanRunStep,
} from '@onewindow/flow-model';
import type { ActivityBase, CaseActivities } from './case-activities';
import { caseActivities } from './case-activity-proxies';
import {
  dueField,
  shanghaiDate,
  startClock,
  timerFiresAt,
  type CalendarData,
  type WorkingCalendar,
} from './case-clock';
import type { ParsedCaseInput } from './case-input';
import { CASE_PATCHES, type CasePatchId } from './case-patches';
import type { CaseState, HistoryEntry, StepState } from './case-state';
import { releaseReachedPauses } from './case-holds';
import { releaseCaseClocks } from './case-suspensions';
import { openDepartmentStep, runAutomaticStep } from './case-work-nodes';
import { refusalReasons } from './step-reducer';

/** The case's mutable core: plan progression, step lifecycle, refusal policy. Handlers and the main loop share it. */
export class CaseEngine {
  /** Work nodes the plan activated that the main loop has not started yet. */
  readonly queue: FlatNode[] = [];
  /** Bumped on every change so the main loop re-plans its timers. */
  version = 0;
  automaticInFlight = 0;
  readonly acts: CaseActivities;
  /** Set when the plan cannot go on with this case's data; the main loop then fails the case (failForPlanError). */
  planError?: PlanRuntimeError;

  constructor(
    readonly input: ParsedCaseInput,
    readonly state: CaseState,
    readonly run: PlanRun,
    /** Replaced by refreshCalendar when a year's data is published; carried by continue-as-new. */
    public calendarData: CalendarData,
    public calendar: WorkingCalendar,
  ) {
    this.acts = caseActivities(input.projections);
  }

  /**
   * Whether a patched behaviour applies (see case-patches.ts). Cases started with local projections
   * were all started by code that has every patch listed there, so for them it is true without a
   * marker: patch markers (and the search-attribute upsert each one brings) among local-activity
   * markers and Update completions replayed nondeterministically on SDK 1.24 (docs/decisions/0003).
   */
  patched(id: CasePatchId): boolean {
    return this.input.projections !== 'activity' || patched(id);
  }

  get finished(): boolean {
    return this.state.phase === 'completed' || this.state.phase === 'withdrawn';
  }

  nowIso(): string {
    return new Date(Date.now()).toISOString();
  }

  today(): string {
    return shanghaiDate(Date.now());
  }

  /** A fresh idempotency key and timestamp for one activity call. */
  base(): ActivityBase {
    this.state.seq += 1;
    return {
      idempotencyKey: `${this.state.caseNo}:${this.state.seq}`,
      caseNo: this.state.caseNo,
      at: this.nowIso(),
    };
  }

  log(actor: string, action: string, stepId?: string, details?: Record<string, unknown>): HistoryEntry {
    const entry: HistoryEntry = { seq: this.state.history.length + 1, at: this.nowIso(), actor, action };
    if (stepId) entry.stepId = stepId;
    if (details) entry.details = details;
    this.state.history.push(entry);
    this.version += 1;
    return entry;
  }

  /** Reports a work node's outcome to the plan and queues what it activates. */
  completeNode(nodeId: string, outcome: NodeOutcome): void {
    if (this.state.run.nodes[nodeId] !== 'active') return;
    const step = this.planStep(() => this.run.complete(this.state.run, nodeId, outcome));
    if (!step) return;
    this.state.run = step.state;
    this.queue.push(...step.activated);
    this.version += 1;
  }

  /**
   * Runs one PlanRun transition. A PlanRuntimeError (a FEEL condition that fails, a gateway with no
   * holding condition and no default) leaves the run state as it was and is kept for the main loop,
   * which fails the case; before CASE_PATCHES.planRuntimeErrors it failed the workflow task (retried forever).
   */
  planStep(transition: () => PlanRunStep): PlanRunStep | undefined {
    try {
      return transition();
    } catch (e) {
      if (!(e instanceof PlanRuntimeError) || !this.patched(CASE_PATCHES.planRuntimeErrors)) throw e;
      this.planError ??= e;
      this.version += 1;
      return undefined;
    }
  }

  /**
   * Ends a case whose plan cannot go on: records `plan_error` (history and recordDecision, with the gateway,
   * the expression and the message), cancels the open tasks, then fails the workflow with a non-retryable
   * `PlanRuntimeError` failure. No legal outcome (approved/refused) is invented for it.
   */
  async failForPlanError(): Promise<never> {
    const e = this.planError!;
    const details = {
      gateway: e.nodeId,
      ...(e.expression ? { expression: e.expression } : {}),
      reason: e.message,
    };
    this.state.planError = { ...details, at: this.nowIso() };
    this.log('system', 'plan_error', undefined, details);
    const open = Object.values(this.state.steps).filter((step) => step.status === 'open');
    for (const step of open) {
      this.state.steps[step.stepId] = { ...step, status: 'cancelled', closedAt: this.nowIso() };
      this.log('system', 'step_cancelled', step.stepId, { reason: 'plan_error' });
    }
    this.queue.length = 0;
    this.state.timers = {};
    await this.acts.recordDecision({ ...this.base(), action: 'plan_error', actor: 'system', details });
    await Promise.all(
      open.map((step) =>
        this.acts.closeTask({
          ...this.base(),
          stepId: step.stepId,
          generation: step.generation,
          status: 'cancelled',
        }),
      ),
    );
    await condition(allHandlersFinished);
    throw ApplicationFailure.nonRetryable(
      `case ${this.state.caseNo} cannot go on: ${e.message}`,
      'PlanRuntimeError',
      details,
    );
  }

  /**
   * Starts the queued work nodes (called by the main loop only). Each starter changes the state before
   * its first await, so every activated step is open within the same workflow task.
   */
  async activateQueued(): Promise<void> {
    const started: Promise<void>[] = [];
    while (this.queue.length > 0) {
      const node = this.queue.shift()!;
      if (this.state.run.nodes[node.id] !== 'active') continue;
      if (node.type === 'department') started.push(openDepartmentStep(this, node));
      else if (node.type === 'timer')
        this.state.timers[node.id] = timerFiresAt(this.calendar, this.today(), node.wait);
      else if (node.type === 'automatic') void runAutomaticStep(this, node);
      else if (node.type === 'issue') started.push(this.enterIssuance(node.limitWorkingDays));
      this.version += 1;
    }
    // A 退回 pause ends in the same task that reaches its step again.
    await Promise.all([...started, releaseReachedPauses(this)]);
  }

  /** Closes a decided department step: task row, plan progression, refusal policy. */
  async closeStep(step: StepState): Promise<void> {
    if (step.status === 'open') return;
    const status = step.status;
    if (status === 'refused') {
      await this.refuse(step.stepId, refusalReasons(step));
    } else {
      this.completeNode(step.stepId, status === 'approved' ? 'completed' : 'cancelled');
    }
    await this.acts.closeTask({ ...this.base(), stepId: step.stepId, generation: step.generation, status });
  }

  /** Records a refusal; under fail_fast every other open branch is cancelled at once. */
  async refuse(nodeId: string, reasons: string[]): Promise<void> {
    this.state.refusals.push({ stepId: nodeId, reasons });
    this.completeNode(nodeId, 'refused');
    if (this.run.plan.refusalPolicy === 'fail_fast')
      await this.cancelOpenWork(`refused at ${nodeId} (fail_fast)`);
  }

  /** Cancels every open step, timer and automatic step (fail_fast refusal, withdrawal). */
  async cancelOpenWork(reason: string): Promise<void> {
    const closing: StepState[] = [];
    const releasing: string[] = [];
    for (const node of this.run.activeNodes(this.state.run)) {
      if (node.type === 'issue') continue;
      const step = this.state.steps[node.id];
      if (step?.status === 'open') {
        this.state.steps[node.id] = { ...step, status: 'cancelled', closedAt: this.nowIso() };
        closing.push(this.state.steps[node.id]);
        if (step.suspension) releasing.push(node.id);
      }
      delete this.state.timers[node.id];
      this.log('system', 'step_cancelled', node.id, { reason });
      this.completeNode(node.id, 'cancelled');
    }
    await Promise.all(releasing.map((stepId) => releaseCaseClocks(this, stepId)));
    for (const step of closing) {
      await this.acts.closeTask({
        ...this.base(),
        stepId: step.stepId,
        generation: step.generation,
        status: 'cancelled',
      });
    }
  }

  private async enterIssuance(limitWorkingDays: number): Promise<void> {
    this.state.phase = 'awaiting_issuance';
    this.state.outcome = this.state.refusals.length > 0 ? 'refused' : 'approved';
    this.state.decidedAt = this.nowIso();
    this.state.clocks.issuance = startClock(
      this.today(),
      { value: limitWorkingDays, unit: 'working_day' },
      this.input.countStartDay,
    );
    this.log('system', 'awaiting_issuance', undefined, { outcome: this.state.outcome });
    await this.acts.recordClockEvent({
      ...this.base(),
      clock: 'issuance',
      event: 'started',
      ...dueField(this.state.clocks.issuance, this.calendar),
    });
  }
}
