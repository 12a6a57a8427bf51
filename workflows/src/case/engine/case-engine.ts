import { ApplicationFailure, allHandlersFinished, condition, patched } from '@temporalio/workflow';
import {
  PlanRuntimeError,
  type FlatNode,
  type NodeOutcome,
  type PlanRun,
  type PlanRunStep,
} from '@onewindow/flow-model';
import type { ActivityBase, CaseActivities, SendApplicantMessageInput } from '../activities/case-activities';
import { caseActivities } from '../activities/case-activity-proxies';
import {
  dueField,
  shanghaiDate,
  timerFiresAt,
  type CalendarData,
  type WorkingCalendar,
} from '../clock/case-clock';
import type { ParsedCaseInput } from './case-input';
import { CASE_PATCHES, type CasePatchId } from './case-patches';
import type { ActivityCall, CaseState, HistoryEntry, StepState, Transition } from './case-state';
import { issuancePhase } from './case-closing';
import { releaseReachedPauses } from '../clock/case-holds';
import { releaseCaseClocks } from '../clock/case-suspensions';
import { cancellation, closedAs, openDepartmentStep, runAutomaticStep } from './case-work-nodes';
import { refusalReasons } from './step-reducer';

/** What an approver's decision depends on: a change to any of it makes an open page stale. */
const decisionRelevant = (step: StepState): string =>
  JSON.stringify([
    step.status,
    step.generation,
    step.assignees,
    step.suspension ?? null,
    step.hold ?? null,
    step.pendingExtension ?? null,
  ]);

/** The step as written: its revision bumped when something an approver decides on changed (see `StepState.revision`). */
function withRevision(before: StepState | undefined, after: StepState): StepState {
  if (before === after) return after;
  const revision = before?.revision ?? 0;
  if (before && decisionRelevant(before) === decisionRelevant(after))
    return after.revision === revision ? after : { ...after, revision };
  return { ...after, revision: revision + 1 };
}

/**
 * The case's core: plan progression, step lifecycle, refusal policy. Handlers and the main loop share it.
 * The case state changes only through `apply(transition)` (a reducer's result) and the engine's own plan
 * methods (`startPlan`, `sendBack`, `completeNode`, `refuse`); the verb handlers, the clock and the
 * work nodes compute a `Transition` and hand it to `apply`.
 */
export class CaseEngine {
  /** Work nodes the plan activated that the main loop has not started yet. */
  readonly queue: FlatNode[] = [];
  #version = 0;
  #automaticInFlight = 0;
  #messagesInFlight = 0;
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

  /**
   * Bumped on every change so the main loop wakes and re-plans its timers (it waits for a different
   * value, so a change that forgets to bump would hang the case). Only the engine bumps it: `apply` and
   * the plan methods.
   */
  get version(): number {
    return this.#version;
  }

  /** Applicant messages not sent yet (the case neither ends nor continues as new before they are). */
  get messagesInFlight(): number {
    return this.#messagesInFlight;
  }

  /**
   * Tells the applicant (sendApplicantMessage) when the case was started with `applicantMessages`: the call
   * is not awaited here — a slow mail server holds no approver's Update — but the case waits for it before it
   * ends or continues as new (messagesSent). The key is the event's: its kind, its step and the case's event
   * sequence at that point, the same on every replay.
   */
  messageApplicant(kind: SendApplicantMessageInput['kind'], stepId?: string): void {
    if (this.input.applicantMessages !== true || !this.patched(CASE_PATCHES.applicantMessages)) return;
    const { caseNo, seq } = this.state;
    const eventKey = `${caseNo}:message:${kind}:${stepId ?? 'case'}:${seq}`;
    this.#messagesInFlight += 1;
    void this.acts
      .sendApplicantMessage({ eventKey, caseNo, kind, ...(stepId ? { stepId } : {}) })
      // The activity retries until it is sent; should it ever give up, the case goes on (its outbox row says so).
      .catch(() => undefined)
      .finally(() => (this.#messagesInFlight -= 1));
  }

  /** Resolves once every applicant message asked for so far has been sent. */
  async messagesSent(): Promise<void> {
    await condition(() => this.#messagesInFlight === 0);
  }

  /** Automatic steps running (continue-as-new waits until none is). */
  get automaticInFlight(): number {
    return this.#automaticInFlight;
  }

  get finished(): boolean {
    const { phase } = this.state;
    return phase === 'completed' || phase === 'withdrawn' || phase === 'terminated';
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

  /**
   * Applies a reducer's result: replaces its steps, clock fields, pauses, timers and case fields, appends
   * its history entries (numbered, at workflow time) and bumps `version` once. Synchronous: its activity
   * calls are the caller's to make (`call`), in their order. Returns the history entries appended.
   */
  apply(t: Transition): HistoryEntry[] {
    const s = this.state;
    for (const step of t.steps ?? []) s.steps[step.stepId] = withRevision(s.steps[step.stepId], step);
    if (t.clocks) Object.assign(s.clocks, t.clocks);
    if (t.pauses) s.pauses = t.pauses;
    if (t.timers) s.timers = t.timers;
    if (t.fields) Object.assign(s, t.fields);
    const entries = (t.history ?? []).map(({ actor, action, stepId, details }) => {
      const entry: HistoryEntry = { seq: s.history.length + 1, at: this.nowIso(), actor, action };
      if (stepId) entry.stepId = stepId;
      if (details) entry.details = details;
      s.history.push(entry);
      return entry;
    });
    this.touch();
    return entries;
  }

  /**
   * Makes one activity call a reducer asked for, with a fresh idempotency key and timestamp (and the
   * case clock's due date when it asks for one). Returns the activity's own promise.
   */
  call(c: ActivityCall): Promise<unknown> {
    const due = c.dueOf ? dueField(this.state.clocks[c.dueOf]!, this.calendar) : {};
    const act = this.acts[c.name] as (this: CaseActivities, input: unknown) => Promise<unknown>;
    return act.call(this.acts, { ...this.base(), ...c.input, ...due });
  }

  /** Swaps in new calendar data (refreshCalendar); the caller's transition that records it wakes the main loop. */
  useCalendar(data: CalendarData, calendar: WorkingCalendar): void {
    this.calendarData = data;
    this.calendar = calendar;
  }

  /** An automatic step starts running (its result comes back in a later workflow task). */
  automaticStarted(): void {
    this.#automaticInFlight += 1;
    this.touch();
  }

  /** An automatic step's activity ended (whatever became of its node): the main loop re-checks. */
  automaticEnded(): void {
    this.#automaticInFlight -= 1;
    this.touch();
  }

  /** The only place `version` changes. */
  private touch(): void {
    this.#version += 1;
  }

  /** Starts the plan: its first work nodes are queued for activateQueued (nothing else changes yet). */
  startPlan(): void {
    const start = this.planStep(() => this.run.start());
    if (!start) return;
    this.state.run = start.state;
    this.queue.push(...start.activated);
  }

  /**
   * 退回 to an earlier step: the plan goes back to `target` (the main loop reopens it as its next
   * generation) and the step closes as `returned`.
   */
  sendBack(step: StepState, target: string): void {
    const run = this.run.sendBack(this.state.run, step.stepId, target);
    this.state.run = run.state;
    this.queue.push(...run.activated);
    this.apply({ steps: [closedAs(step, 'returned', Date.now())] });
  }

  /**
   * 撤回 of the vote that closed `stepId`: the plan goes back to the step (`PlanRun.recall`: what its
   * outcome resolved returns to not-reached, so the way forward repeats when it decides again), and the
   * recall's transition (the steps it withdrew, closed `cancelled`; timers; refusals) is applied.
   */
  recallStep(stepId: string, t: Transition): void {
    this.state.run = this.run.recall(this.state.run, stepId).state;
    this.apply(t);
  }

  /** Reports a work node's outcome to the plan and queues what it activates. */
  completeNode(nodeId: string, outcome: NodeOutcome): void {
    if (this.state.run.nodes[nodeId] !== 'active') return;
    const step = this.planStep(() => this.run.complete(this.state.run, nodeId, outcome));
    if (!step) return;
    this.state.run = step.state;
    this.queue.push(...step.activated);
    this.touch();
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
      this.touch();
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
    const open = Object.values(this.state.steps).filter((step) => step.status === 'open');
    const now = Date.now();
    this.apply({
      fields: { planError: { ...details, at: this.nowIso() } },
      steps: open.map((step) => closedAs(step, 'cancelled', now)),
      timers: {},
      history: [
        { actor: 'system', action: 'plan_error', details },
        ...open.map((step) => ({
          actor: 'system',
          action: 'step_cancelled',
          stepId: step.stepId,
          details: { reason: 'plan_error' },
        })),
      ],
    });
    this.queue.length = 0;
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
        this.apply({
          timers: { ...this.state.timers, [node.id]: timerFiresAt(this.calendar, this.today(), node.wait) },
        });
      else if (node.type === 'automatic') void runAutomaticStep(this, node);
      else if (node.type === 'issue') started.push(this.enterIssuance(node.limitWorkingDays));
      else this.touch();
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
    const nodes = this.run.activeNodes(this.state.run).filter((node) => node.type !== 'issue');
    const t = cancellation(this.state, nodes, reason, Date.now());
    if (nodes.length > 0) this.apply(t);
    for (const node of nodes) this.completeNode(node.id, 'cancelled');
    const { closing, releasing } = t;
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
    const t = issuancePhase(this.state, limitWorkingDays, Date.now(), this.input.countStartDay);
    this.apply(t);
    await this.call(t.calls[0]);
    this.messageApplicant('ready_for_collection');
  }
}
