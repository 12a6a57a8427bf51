import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import { flattenPlan, hashPlan, PlanRun, validatePlan } from '@onewindow/flow-model';
import type { CaseActivities } from '../activities/case-activities';
import { fireDueAlarms, nextAlarmAt } from '../clock/case-alarms';
import { buildCalendar, startClock, type CalendarData } from '../clock/case-clock';
import { gapsTracked } from '../clock/tolerated-gaps';
import { CaseEngine } from './case-engine';
import { CASE_PATCHES } from './case-patches';
import { caseWorkflowInputSchema, type CaseWorkflowInput, type ParsedCaseInput } from './case-input';
import { registerCaseHandlers, registerStartingHandlers } from '../handlers/case-handlers';
import type { CaseResult, CaseState } from './case-state';

const { loadCalendar } = proxyActivities<CaseActivities>({ startToCloseTimeout: '1 minute' });

/**
 * One case (办件): interprets the plan pinned at start — parallel department steps under statutory
 * clocks, decisions as Updates — then waits at the window for unified issuance.
 */
export async function caseWorkflow(raw: CaseWorkflowInput): Promise<CaseResult> {
  const input = parseInput(raw);
  const run = new PlanRun(flattenPlan(input.plan), input.applicationData);
  // With the calendar at hand the first steps open in this very task: Updates sent with the start stay
  // buffered by the SDK until registerCaseHandlers and are validated against the open steps. Only while
  // the calendar loads do the "still starting" handlers answer (replaced below once the steps are open).
  let calendarData = input.continued?.calendar ?? input.calendar;
  if (!calendarData) {
    registerStartingHandlers(input.caseNo);
    calendarData = await fetchCalendar(input);
  }
  const calendar = buildCalendar(calendarData);
  const fresh = !input.continued;
  const engine = new CaseEngine(
    input,
    input.continued?.state ?? initialState(input, run),
    run,
    calendarData,
    calendar,
  );

  let starting: Promise<unknown> | undefined;
  if (fresh) {
    engine.startPlan();
    const started = engine.call({
      name: 'recordClockEvent',
      input: { clock: 'statutory', event: 'started' },
      dueOf: 'statutory',
    });
    const promisedStarted =
      engine.state.clocks.promised && engine.patched(CASE_PATCHES.promisedClockEvents)
        ? engine.call({
            name: 'recordClockEvent',
            input: { clock: 'promised', event: 'started' },
            dueOf: 'promised',
          })
        : undefined;
    // 容缺受理: the tolerated gaps are tracked from the start (alarms, supply Update, issuance held).
    if (input.toleratedGaps.length > 0 && engine.patched(CASE_PATCHES.toleratedGaps))
      engine.apply(gapsTracked(input.toleratedGaps));
    starting = Promise.all([started, promisedStarted, engine.activateQueued()]); // opens the first steps synchronously
  }
  // Registered after the first steps are open: Updates buffered before the first task are validated against them.
  registerCaseHandlers(engine);
  await starting;

  while (!engine.finished) {
    if (engine.planError) await engine.failForPlanError();
    await engine.activateQueued();
    if (engine.finished) break;
    if (engine.planError) continue;
    const seen = engine.version;
    const wake = nextAlarmAt(engine);
    if (wake !== undefined && wake <= Date.now()) {
      await fireDueAlarms(engine);
      continue;
    }
    const changed = () => engine.version !== seen || engine.queue.length > 0 || engine.finished;
    if (wake === undefined) await condition(changed);
    else if (!(await condition(changed, wake - Date.now()))) await fireDueAlarms(engine);
    // Continue-as-new only at a quiet point: nothing queued, no automatic step in flight, no handler running.
    if (
      shouldContinueAsNew(input) &&
      engine.queue.length === 0 &&
      engine.automaticInFlight === 0 &&
      engine.messagesInFlight === 0
    ) {
      await condition(allHandlersFinished);
      if (!engine.finished) {
        await continueAsNew<typeof caseWorkflow>({
          ...raw,
          continued: { state: engine.state, calendar: engine.calendarData },
        });
      }
    }
  }
  await condition(allHandlersFinished);
  await engine.messagesSent();
  return {
    caseNo: engine.state.caseNo,
    outcome: engine.state.outcome ?? 'withdrawn',
    refusals: engine.state.refusals,
    certificates: engine.state.certificates,
  };
}

function parseInput(raw: CaseWorkflowInput): ParsedCaseInput {
  const parsed = caseWorkflowInputSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw ApplicationFailure.nonRetryable(`invalid case input: ${detail}`, 'InvalidCaseInput');
  }
  const input = parsed.data;
  const issues = validatePlan(input.plan);
  if (issues.length > 0) {
    throw ApplicationFailure.nonRetryable(
      `invalid plan: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      'InvalidPlan',
    );
  }
  const hash = hashPlan(input.plan);
  if (hash !== input.planHash) {
    throw ApplicationFailure.nonRetryable(
      `plan hash mismatch: input says ${input.planHash}, plan hashes to ${hash}`,
      'PlanHashMismatch',
    );
  }
  return input;
}

function fetchCalendar(input: ParsedCaseInput): Promise<CalendarData> {
  const year = Number(input.acceptedOn.slice(0, 4));
  return loadCalendar({
    idempotencyKey: `${input.caseNo}:calendar`,
    caseNo: input.caseNo,
    at: new Date(Date.now()).toISOString(),
    years: [year, year + 1],
  });
}

function initialState(input: ParsedCaseInput, run: PlanRun): CaseState {
  const { statutory, promised } = input.limits;
  return {
    caseNo: input.caseNo,
    planKey: run.plan.key,
    planHash: input.planHash,
    phase: 'in_review',
    run: { nodes: {}, edges: {}, finished: false },
    steps: {},
    timers: {},
    clocks: {
      statutory: startClock(input.acceptedOn, statutory, input.countStartDay),
      ...(promised ? { promised: startClock(input.acceptedOn, promised, input.countStartDay) } : {}),
      suspendedBy: [],
    },
    refusals: [],
    certificates: [],
    history: [],
    seq: 0,
  };
}

function shouldContinueAsNew(input: ParsedCaseInput): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= input.historyLimit;
}
