import fc from 'fast-check';
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

/**
 * `projections: 'activity-serial'`, what the API starts cases with (docs/decisions/0016): projection writes are
 * regular activities, one batch (`writeProjections`) in flight at a time, so only a committed workflow task
 * schedules a write. Each write here takes a random 0–250 ms. The case runs to its end, no local activity ran,
 * the writes came in batches and in the order the workflow asked for them, and every history replays.
 */
describe('caseWorkflow: projection writes as regular activities, one batch at a time', () => {
  const env = useTimeSkippingEnv();
  const plan = defaultPlanForItems(fourDepartments, { key: 'restaurant', refusalPolicy: 'collect' });
  const codes = fourDepartments.map((d) => d.itemCode);
  let seq = 0;

  it('approvals and refusals in any order: batched regular writes in event order, and every history replays', async () => {
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
          const caseNo = `ACTIVITY-SERIAL-${++seq}`;
          const history = await worker.runUntil(async () => {
            const today = shanghaiDay(await env().currentTimeMs());
            const h = await startCase(
              env(),
              taskQueue,
              caseInput(plan, {
                caseNo,
                acceptedOn: today,
                calendar: calendarData,
                projections: 'activity-serial',
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
          const events = history.events ?? [];
          const scheduled = events.filter(
            (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'writeProjections',
          ).length;
          const writes = fake.calls.filter((c) => (PROJECTION_WRITES as readonly string[]).includes(c.name));
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
          await expect(
            Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, caseNo),
          ).resolves.toBeUndefined();
        },
      ),
      { numRuns: 4 },
    );
  }, 600_000);
});
