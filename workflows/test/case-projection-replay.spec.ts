import fc from 'fast-check';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { defaultPlanForItems, itemStepId } from '@onewindow/flow-model';
import { approveStep, issueResults, PROJECTION_WRITES, refuseStep } from '../src/index';
import {
  calendarData,
  caseInput,
  fakeActivities,
  fourDepartments,
  resultOf,
  shanghaiDay,
  startCase,
  startWorker,
  useTimeSkippingEnv,
  workflowBundle,
} from './case-harness';

type Calls = ReturnType<typeof fakeActivities>['calls'];

/**
 * A case in a projection mode of its own, whose writes each take a random 0–250 ms (so writes made in one workflow
 * task finish in any order — what a loaded database does): approvals and refusals in any order, the case run to
 * its end, the mode's own checks on its history, and every history replays without nondeterminism (a worker
 * restart or a cache eviction replays open cases the same way).
 */
const modes: {
  projections: 'local-serial' | 'activity-serial';
  title: string;
  property: string;
  caseNoPrefix: string;
  numRuns: number;
  checkHistory: (events: temporal.api.history.v1.IHistoryEvent[], calls: Calls) => void;
}[] = [
  /**
   * `local-serial`: projection writes run as local activities, one batch at a time. With the concurrent `local`
   * mode this failed within a few runs (docs/decisions/0005).
   */
  {
    projections: 'local-serial',
    title: 'local projection writes replay whatever order they finish in',
    property: 'approvals and refusals in any order, writes finishing in any order: every history replays',
    caseNoPrefix: 'LOCAL-REPLAY',
    numRuns: 8,
    checkHistory: (events, calls) => {
      // Local activities really ran, an approval's decision and task row in one of them.
      const markers = events.filter((e) => e.markerRecordedEventAttributes).length;
      const writes = calls.filter((c) => (PROJECTION_WRITES as readonly string[]).includes(c.name)).length;
      expect(markers).toBeGreaterThan(0);
      expect(markers).toBeLessThan(writes);
    },
  },
  /**
   * `activity-serial`, what the API starts cases with (docs/decisions/0016): projection writes are regular
   * activities, one batch (`writeProjections`) in flight at a time, so only a committed workflow task schedules a
   * write. No local activity ran, and the writes came in batches and in the order the workflow asked for them.
   */
  {
    projections: 'activity-serial',
    title: 'projection writes as regular activities, one batch at a time',
    property:
      'approvals and refusals in any order: batched regular writes in event order, and every history replays',
    caseNoPrefix: 'ACTIVITY-SERIAL',
    numRuns: 4,
    checkHistory: (events, calls) => {
      const scheduled = events.filter(
        (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'writeProjections',
      ).length;
      const writes = calls.filter((c) => (PROJECTION_WRITES as readonly string[]).includes(c.name));
      expect(events.filter((e) => e.markerRecordedEventAttributes)).toEqual([]);
      expect(scheduled).toBeGreaterThan(0);
      expect(scheduled).toBeLessThan(writes.length);
      // One batch at a time: the writes reached the worker in the order of their event sequence.
      const seqs = writes.map((c) =>
        Number(
          String((c.input as { idempotencyKey: string }).idempotencyKey)
            .split(':')
            .pop(),
        ),
      );
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    },
  },
];

describe.each(modes)('caseWorkflow ($projections): $title', (mode) => {
  const env = useTimeSkippingEnv();
  const plan = defaultPlanForItems(fourDepartments, { key: 'restaurant', refusalPolicy: 'collect' });
  const codes = fourDepartments.map((d) => d.itemCode);
  let seq = 0;

  it(
    mode.property,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray(codes, { minLength: 4, maxLength: 4 }),
          fc.subarray(codes, { maxLength: 2 }),
          fc.integer(),
          async (order, refusing, seed) => {
            let state = seed;
            const delayMs = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) % 250;
            const fake = fakeActivities({ delayMs });
            const { worker, taskQueue } = await startWorker(env(), fake.activities);
            const caseNo = `${mode.caseNoPrefix}-${++seq}`;
            const history = await worker.runUntil(async () => {
              const today = shanghaiDay(await env().currentTimeMs());
              const h = await startCase(
                env(),
                taskQueue,
                caseInput(plan, {
                  caseNo,
                  acceptedOn: today,
                  calendar: calendarData,
                  projections: mode.projections,
                }),
              );
              for (const code of order) {
                const actor = fourDepartments.find((d) => d.itemCode === code)!.assignees[0];
                const stepId = itemStepId(code);
                if (refusing.includes(code))
                  await h.executeUpdate(refuseStep, {
                    args: [{ stepId, actor, reasons: [`${code}: 材料不符`] }],
                  });
                else await h.executeUpdate(approveStep, { args: [{ stepId, actor }] });
              }
              await h.executeUpdate(issueResults, {
                args: [{ actor: 'window-1', delivery: { method: 'window' } }],
              });
              expect((await resultOf(h)).outcome).toBe(refusing.length > 0 ? 'refused' : 'approved');
              return h.fetchHistory();
            });
            mode.checkHistory(history.events ?? [], fake.calls);
            await expect(
              Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, caseNo),
            ).resolves.toBeUndefined();
          },
        ),
        { numRuns: mode.numRuns },
      );
    },
    600_000,
  );
});
