import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { cachedWorkflowBundle, createTimeSkippingEnv } from '@onewindow/testkit';
import type { WorkflowHandle } from '@temporalio/client';
import { hashPlan, type ServicePlan } from '@onewindow/flow-model';
import { OFFICIAL_CALENDAR_DATA, createOfficialCalendar, toShanghaiDate } from '@onewindow/calendar';
import type { CaseActivities, CaseResult, CaseWorkflowInput } from '../src/index';
import { caseWorkflow, runProjectionWrites, sharedWorkflowModules, workflowsPath } from '../src/index';

export type CalendarData = NonNullable<CaseWorkflowInput['calendar']>;

/** The official 2025/2026 data shipped by @onewindow/calendar. */
export const calendarData: CalendarData = OFFICIAL_CALENDAR_DATA;

/** The same data as a calendar, for the due dates tests expect. */
export const workingCalendar = createOfficialCalendar();
type Call = { name: keyof CaseActivities; input: Record<string, unknown> };

/**
 * In-memory activities that record every call (activities are not the unit under test). `delayMs`, if
 * given, says how long each call takes (so calls made together can finish in any order).
 */
export function fakeActivities(
  options: { calendar?: CalendarData; failingTasks?: string[]; delayMs?: () => number } = {},
) {
  const calls: Call[] = [];
  const record =
    <K extends keyof CaseActivities>(
      name: K,
      result: (input: Parameters<CaseActivities[K]>[0]) => unknown = () => undefined,
    ) =>
    async (input: Parameters<CaseActivities[K]>[0]) => {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs!()));
      calls.push({ name, input: input as unknown as Record<string, unknown> });
      return result(input);
    };
  const activities = {
    loadCalendar: record('loadCalendar', () => options.calendar),
    openTask: record('openTask'),
    closeTask: record('closeTask'),
    setTaskHolders: record('setTaskHolders'),
    recordDecision: record('recordDecision'),
    recordClockEvent: record('recordClockEvent'),
    sendReminder: record('sendReminder'),
    escalateOverdue: record('escalateOverdue'),
    runAutomaticStep: record('runAutomaticStep', (i) => ({
      outcome: options.failingTasks?.includes(i.task) ? 'failed' : 'passed',
      ...(options.failingTasks?.includes(i.task)
        ? { reasons: [`${i.task}: not found in the certificate library`] }
        : {}),
    })),
    issueCertificate: record('issueCertificate', (i) => ({ certificateNo: `CERT-${i.caseNo}-${i.stepId}` })),
    completeCase: record('completeCase'),
  } as unknown as CaseActivities;
  // A batch is recorded as its writes, so tests count the same calls in every projections mode.
  activities.writeProjections = (batch) => runProjectionWrites(activities, batch);
  const of = (name: keyof CaseActivities) => calls.filter((c) => c.name === name).map((c) => c.input);
  return { activities, calls, of };
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The workflow code's bundle: made once per change of its sources, shared by every test file (testkit). */
export const workflowBundle = (): Promise<WorkflowBundleWithSourceMap> =>
  (bundle ??= cachedWorkflowBundle({ workflowsPath, preloadModules: sharedWorkflowModules }));

let queue = 0;
const liveWorkers = new Set<Worker>();
/**
 * A fresh worker on its own task queue. `sticky: false` turns the workflow cache off: a stopped worker's
 * sticky queue would otherwise hold tasks until a timeout that never passes while test time is locked.
 */
export async function startWorker(
  env: TestWorkflowEnvironment,
  activities: CaseActivities,
  taskQueue = `case-${++queue}`,
  options: { sticky?: boolean } = {},
) {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
    ...(options.sticky === false ? { maxCachedWorkflows: 0 } : {}),
  });
  liveWorkers.add(worker);
  return { worker, taskQueue };
}

export function caseInput(
  plan: ServicePlan,
  overrides: Partial<CaseWorkflowInput> & { acceptedOn: string; calendar: CalendarData },
): CaseWorkflowInput {
  return {
    caseNo: overrides.caseNo ?? 'CASE-1',
    plan,
    planHash: hashPlan(plan),
    applicationData: {},
    limits: { statutory: { value: 20, unit: 'working_day' }, promised: { value: 10, unit: 'working_day' } },
    // As the API starts cases; the recorded histories cover regular activities.
    projections: 'local-serial',
    ...overrides,
  };
}

export async function startCase(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  input: CaseWorkflowInput,
): Promise<WorkflowHandle<typeof caseWorkflow>> {
  return env.client.workflow.start(caseWorkflow, { taskQueue, workflowId: input.caseNo, args: [input] });
}

/** Shanghai date (YYYY-MM-DD) of an epoch-ms instant. */
export const shanghaiDay = (ms: number): string => toShanghaiDate(ms);

/** A 4-department bundle used across tests. */
export const fourDepartments = [
  {
    itemCode: 'FOOD',
    name: '食品经营许可',
    departmentCode: 'SAMR',
    limitWorkingDays: 5,
    assignees: ['food-1'],
    result: { certificateTypeCode: 'FOOD-LIC', name: '食品经营许可证' },
  },
  {
    itemCode: 'FIRE',
    name: '消防安全检查',
    departmentCode: 'FIRE',
    limitWorkingDays: 5,
    assignees: ['fire-1'],
    result: { certificateTypeCode: 'FIRE-OK', name: '消防安全检查合格证' },
  },
  {
    itemCode: 'SIGN',
    name: '户外招牌设置',
    departmentCode: 'CG',
    limitWorkingDays: 5,
    assignees: ['sign-1'],
  },
  {
    itemCode: 'TOB',
    name: '烟草专卖零售许可',
    departmentCode: 'TOB',
    limitWorkingDays: 5,
    assignees: ['tob-1'],
    result: { certificateTypeCode: 'TOB-LIC', name: '烟草专卖零售许可证' },
  },
];

/**
 * The case result without letting the test server skip time: awaiting `handle.result()` on a running
 * case unlocks time skipping, and the server may jump to the run's far-off timeout (10 years) while the
 * last workflow task is still in flight. So wait for the close first, then read the result.
 */
export async function resultOf(handle: WorkflowHandle<typeof caseWorkflow>): Promise<CaseResult> {
  for (let i = 0; i < 600; i++) {
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return handle.result();
}

/** The validator's reason for a refused Update, or 'accepted'. */
export const rejection = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'accepted',
    (e: { cause?: { message?: string }; message?: string }) => e.cause?.message ?? e.message ?? String(e),
  );

/**
 * Runs `body` against a fresh case of `plan` (accepted today, official calendar) on a fresh worker with
 * recording activities; the case is terminated afterwards so its timers never move the shared test clock.
 */
export function caseRunner(env: () => TestWorkflowEnvironment, prefix: string) {
  let seq = 0;
  return async function withCase<T>(
    plan: ServicePlan,
    body: (h: WorkflowHandle<typeof caseWorkflow>, fake: ReturnType<typeof fakeActivities>) => Promise<T>,
  ): Promise<T> {
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    const today = shanghaiDay(await env().currentTimeMs());
    return worker.runUntil(async () => {
      const handle = await startCase(
        env(),
        taskQueue,
        caseInput(plan, {
          caseNo: `${prefix}-${++seq}`,
          acceptedOn: today,
          calendar: calendarData,
          countStartDay: false,
        }),
      );
      try {
        return await body(handle, fake);
      } finally {
        await terminateWhenIdle(handle);
      }
    });
  };
}

/**
 * Terminates a case once no workflow task or activity is in flight: a task cut off by the termination
 * keeps the time-skipping server's clock locked, and every later `env.sleep` of the file then hangs.
 * (The same happens to a case whose only Update was rejected by its validator: end such a test with
 * an accepted Update.)
 */
export async function terminateWhenIdle(handle: WorkflowHandle<typeof caseWorkflow>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { raw, status } = await handle.describe();
    if (status.name !== 'RUNNING') return;
    if (!raw.pendingWorkflowTask && !raw.pendingActivities?.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await handle.terminate('test over').catch(() => undefined);
}

/**
 * Shuts down the workers a failed or timed-out test left running, while their server is still up: a
 * worker polling a torn-down server retries for ever and keeps Jest's process alive.
 */
export async function stopLeftoverWorkers(withinMs = 30_000): Promise<void> {
  const settled = (w: Worker) => ['INITIALIZED', 'STOPPED', 'FAILED'].includes(w.getState());
  for (const worker of liveWorkers) if (worker.getState() === 'RUNNING') worker.shutdown();
  const deadline = Date.now() + withinMs;
  while ([...liveWorkers].some((w) => !settled(w)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  liveWorkers.clear();
}

/**
 * One time-skipping test server per test file, with the workflow bundle built once (and `prepare`, if
 * given, run once on the new server): returns its getter. Leftover workers stop before the server does.
 */
export function useTimeSkippingEnv(
  prepare?: (env: TestWorkflowEnvironment) => Promise<void>,
): () => TestWorkflowEnvironment {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    await workflowBundle();
    await prepare?.(env);
  }, 120_000);
  afterAll(async () => {
    await stopLeftoverWorkers();
    await env?.teardown();
  }, 60_000);
  return () => env!;
}
