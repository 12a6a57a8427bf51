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
 * Projection writes run as local activities, one batch at a time (`projections: 'local-serial'`, as the
 * API starts cases). Each write here takes a random 0–250 ms, so writes made in one workflow task finish in any order —
 * what a loaded database does. Every finished history must replay without nondeterminism: a worker
 * restart or a cache eviction replays open cases the same way. (With the concurrent `local` mode this
 * failed within a few runs: docs/decisions/0005.)
 */
describe('caseWorkflow: local projection writes replay whatever order they finish in', () => {
  const env = useTimeSkippingEnv();
  const plan = defaultPlanForItems(fourDepartments, { key: 'restaurant', refusalPolicy: 'collect' });
  const codes = fourDepartments.map((d) => d.itemCode);
  let seq = 0;

  it('approvals and refusals in any order, writes finishing in any order: every history replays', async () => {
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
          const caseNo = `LOCAL-REPLAY-${++seq}`;
          const history = await worker.runUntil(async () => {
            const today = shanghaiDay(await env().currentTimeMs());
            const h = await startCase(
              env(),
              taskQueue,
              caseInput(plan, {
                caseNo,
                acceptedOn: today,
                calendar: calendarData,
                projections: 'local-serial',
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
          // Local activities really ran, an approval's decision and task row in one of them.
          const markers = history.events?.filter((e) => e.markerRecordedEventAttributes).length ?? 0;
          const writes = fake.calls.filter((c) =>
            (PROJECTION_WRITES as readonly string[]).includes(c.name),
          ).length;
          expect(markers).toBeGreaterThan(0);
          expect(markers).toBeLessThan(writes);
          await expect(
            Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, caseNo),
          ).resolves.toBeUndefined();
        },
      ),
      { numRuns: 8 },
    );
  }, 600_000);
});
