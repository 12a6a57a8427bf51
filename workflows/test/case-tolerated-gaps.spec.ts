import { Worker } from '@temporalio/worker';
import { planBuilder } from '@onewindow/flow-model';
import {
  approveStep,
  caseStateQuery,
  issueResults,
  supplyToleratedMaterial,
  type CaseWorkflowInput,
} from '../src/index';
import {
  caseInput,
  fakeActivities,
  rejection,
  resultOf,
  startCase,
  startWorker,
  useTimeSkippingEnv,
  workflowBundle,
} from './case-harness';
import { nationalDayCalendar, nextYearWithWeekday, shanghaiInstant } from './fixture-calendar';

/**
 * 容缺受理 in the workflow, across National Day (the fixture year of `case-deadlines.spec.ts`: 09-24 a Friday,
 * 10-01 … 10-07 off). Each case is accepted on 09-24 with one tolerated material due on Thursday 09-30: it is
 * overdue at the start of the first working day after, Friday 10-08, not on 10-01.
 */
const FRIDAY = 5;
let year = 0;
const day = (monthDay: string) => `${year}-${monthDay}`;
const at = (monthDay: string, time: string) => shanghaiInstant(day(monthDay), time);

describe('caseWorkflow: tolerated gaps (容缺受理)', () => {
  const env = useTimeSkippingEnv(async (server) => {
    year = nextYearWithWeekday(await server.currentTimeMs(), '09-24', FRIDAY);
    await server.sleep(at('09-24', '09:30') - (await server.currentTimeMs()));
  });

  const plan = planBuilder('tolerated')
    .accept()
    .department({ id: 'review', departmentCode: 'D1', limitWorkingDays: 10, assignees: ['a1'] })
    .issue()
    .build();

  it('supplied in time: issuance waits for it, then issues; overdue with wait: the window is reminded once and the case still waits; overdue with terminate: 终止办理', async () => {
    const fake = fakeActivities();
    const of = (name: Parameters<typeof fake.of>[0], caseNo: string) =>
      fake.of(name).filter((c) => c.caseNo === caseNo);
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const start = (
        caseNo: string,
        onOverdue?: 'wait' | 'terminate',
        projections: CaseWorkflowInput['projections'] = 'local-serial',
      ) =>
        startCase(
          env(),
          taskQueue,
          caseInput(plan, {
            caseNo,
            acceptedOn: day('09-24'),
            calendar: nationalDayCalendar(year),
            countStartDay: false,
            projections,
            toleratedGaps: [
              { materialCode: 'M-LEASE', dueDate: day('09-30'), ...(onOverdue ? { onOverdue } : {}) },
            ],
          }),
        );
      const inTime = await start('GAP-IN-TIME');
      // No rule named: wait, the default. Regular activities: the patch is asked with a marker in history.
      const waiting = await start('GAP-WAIT', undefined, 'activity');
      const ending = await start('GAP-TERMINATE', 'terminate');
      const issue = { actor: 'w1', delivery: { method: 'window' as const } };

      // Decided, but a tolerated material is open: the workflow itself refuses issuance, in Chinese.
      await inTime.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'a1' }] });
      expect((await inTime.query(caseStateQuery)).phase).toBe('awaiting_issuance');
      expect(await rejection(inTime.executeUpdate(issueResults, { args: [issue] }))).toBe(
        `办件 GAP-IN-TIME 为容缺受理，容缺材料尚未补齐，不能出件：M-LEASE（承诺 ${day('09-30')} 前补齐）。请申请人补齐后在窗口登记补齐，再出件`,
      );
      // A material that was not tolerated is refused; a double click records the supply once.
      expect(
        await rejection(
          inTime.executeUpdate(supplyToleratedMaterial, { args: [{ actor: 'w1', materialCode: 'M-OTHER' }] }),
        ),
      ).toBe('办件 GAP-IN-TIME 没有容缺材料 M-OTHER：只能登记受理时容缺的材料（M-LEASE）');
      const supply = {
        args: [{ actor: 'w1', materialCode: 'M-LEASE' }] as [{ actor: string; materialCode: string }],
      };
      await Promise.all([
        inTime.executeUpdate(supplyToleratedMaterial, supply),
        inTime.executeUpdate(supplyToleratedMaterial, supply),
      ]);
      const supplied = of('recordDecision', 'GAP-IN-TIME').filter(
        (d) => d.action === 'tolerated_material_supplied',
      );
      expect(supplied).toEqual([
        expect.objectContaining({
          actor: 'w1',
          details: { materialCode: 'M-LEASE', dueDate: day('09-30'), on: day('09-24'), late: false },
        }),
      ]);
      expect((await inTime.query(caseStateQuery)).gaps).toEqual([
        expect.objectContaining({ materialCode: 'M-LEASE', suppliedBy: 'w1', onOverdue: 'wait' }),
      ]);
      await inTime.executeUpdate(issueResults, { args: [issue] });
      // Not handle.result() mid-test: awaiting it unlocks the test server's time skipping.
      expect(of('completeCase', 'GAP-IN-TIME')).toEqual([expect.objectContaining({ outcome: 'approved' })]);

      await waiting.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'a1' }] });

      // The due day and the holiday after it pass without a word: the overdue day is the next working day, 10-08.
      await env().sleep(at('10-07', '23:00') - (await env().currentTimeMs()));
      expect(fake.of('escalateOverdue')).toHaveLength(0);
      expect((await ending.describe()).status.name).toBe('RUNNING');

      await env().sleep(at('10-08', '10:00') - (await env().currentTimeMs()));
      await waitFor(() => of('completeCase', 'GAP-TERMINATE').length === 1);
      await waitFor(() => of('escalateOverdue', 'GAP-WAIT').length === 1);
      const told = {
        stepId: 'tolerated:M-LEASE',
        to: 'window',
        role: 'dept_lead',
        dueDate: day('09-30'),
        on: day('10-08'),
      };
      expect(of('escalateOverdue', 'GAP-WAIT')).toEqual([expect.objectContaining(told)]);
      expect(of('escalateOverdue', 'GAP-TERMINATE')).toEqual([expect.objectContaining(told)]);

      // terminate: the case ends, its open step is cancelled, the decision names what is missing.
      expect((await ending.describe()).status.name).toBe('COMPLETED');
      expect(of('recordDecision', 'GAP-TERMINATE')).toContainEqual(
        expect.objectContaining({
          action: 'terminate',
          actor: 'system',
          details: {
            reason: 'tolerated_gap_overdue',
            overdue: 'M-LEASE',
            missing: [{ materialCode: 'M-LEASE', dueDate: day('09-30') }],
          },
        }),
      );
      expect(of('closeTask', 'GAP-TERMINATE')).toEqual([
        expect.objectContaining({ stepId: 'review', status: 'cancelled' }),
      ]);
      expect(of('completeCase', 'GAP-TERMINATE')).toEqual([
        expect.objectContaining({ outcome: 'terminated', reasons: [] }),
      ]);
      expect((await ending.query(caseStateQuery)).phase).toBe('terminated');

      // wait: weeks later the window has been told once, and the case still waits for the material.
      await env().sleep(at('10-29', '10:00') - (await env().currentTimeMs()));
      const view = await waiting.query(caseStateQuery);
      expect(view.phase).toBe('awaiting_issuance');
      expect(of('escalateOverdue', 'GAP-WAIT').filter((e) => e.stepId === 'tolerated:M-LEASE')).toHaveLength(
        1,
      );
      expect(view.history.filter((h) => h.action === 'tolerated_gap_overdue')).toHaveLength(1);
      expect(await rejection(waiting.executeUpdate(issueResults, { args: [issue] }))).toContain('不能出件');
      await waiting.executeUpdate(supplyToleratedMaterial, supply);
      expect(
        of('recordDecision', 'GAP-WAIT').find((d) => d.action === 'tolerated_material_supplied')?.details,
      ).toEqual({ materialCode: 'M-LEASE', dueDate: day('09-30'), on: day('10-29'), late: true });
      await waiting.executeUpdate(issueResults, { args: [issue] });
      expect(await resultOf(waiting)).toMatchObject({ outcome: 'approved' });
      expect(await resultOf(ending)).toMatchObject({ outcome: 'terminated' });
      expect(await resultOf(inTime)).toMatchObject({ outcome: 'approved' });

      // Each history replays on this code (the patch marker where it was asked, the alarms, the termination).
      const history = await waiting.fetchHistory();
      expect(history.events?.some((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')).toBe(
        true,
      );
      for (const h of [inTime, waiting, ending])
        await expect(
          Worker.runReplayHistory(
            { workflowBundle: await workflowBundle() },
            await h.fetchHistory(),
            h.workflowId,
          ),
        ).resolves.toBeUndefined();
    });
  }, 180_000);
});

async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
