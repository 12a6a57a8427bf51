import { addWorkingDays, endOfShanghaiDay } from '@onewindow/calendar';
import { planBuilder, type RefusalPolicy } from '@onewindow/flow-model';
import { approveStep, caseStateQuery, issueResults } from '../src/index';
import {
  calendarData,
  caseInput,
  fakeActivities,
  shanghaiDay,
  startCase,
  resultOf,
  startWorker,
  useTimeSkippingEnv,
  workingCalendar,
} from './case-harness';

describe('caseWorkflow: automatic steps, conditions, timers and sub-flows', () => {
  const env = useTimeSkippingEnv();

  const plan = (policy: RefusalPolicy) =>
    planBuilder('restaurant-nodes')
      .refusalPolicy(policy)
      .accept()
      .automatic('licence_check', 'certificate_check', { certificateType: 'business_licence' })
      .exclusive([
        {
          when: 'area > 300',
          then: (b) =>
            b.department({ id: 'fire', departmentCode: 'FIRE', limitWorkingDays: 5, assignees: ['fire-1'] }),
        },
        { then: (b) => b.timer('notice_period', { value: 2, unit: 'working_day' }) },
      ])
      .subflow({ id: 'tobacco', itemCode: 'TOB' }, (b) =>
        b.department({ id: 'tob', departmentCode: 'TOB', limitWorkingDays: 5, assignees: ['tob-1'] }),
      )
      .issue()
      .build();

  it('runs the automatic check, takes the branch whose FEEL condition holds, waits out the timer, then the sub-flow', async () => {
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const today = shanghaiDay(await env().currentTimeMs());
      const h = await startCase(
        env(),
        taskQueue,
        caseInput(plan('collect'), {
          caseNo: 'NODES-1',
          acceptedOn: today,
          calendar: calendarData,
          applicationData: { area: 120 },
        }),
      );
      await env().sleep('1 hour');
      expect(fake.of('runAutomaticStep')).toEqual([
        expect.objectContaining({
          stepId: 'licence_check',
          task: 'certificate_check',
          applicationData: { area: 120 },
        }),
      ]);
      expect((await h.query(caseStateQuery)).steps).toHaveLength(0);
      // The notice period ends with the second working day after acceptance (which weekday that is depends on the day the
      // test runs): nothing opens a minute before, the sub-flow's step opens a minute after.
      const firesAt = endOfShanghaiDay(addWorkingDays(workingCalendar, today, 2));
      await env().sleep(firesAt - 60_000 - (await env().currentTimeMs()));
      expect((await h.query(caseStateQuery)).steps).toHaveLength(0);
      await env().sleep(120_000);
      const view = await h.query(caseStateQuery);
      expect(view.steps.map((s) => [s.stepId, s.itemCode, s.status])).toEqual([
        ['tobacco/tob', 'TOB', 'open'],
      ]);
      expect(view.history.map((e) => e.action)).toEqual(
        expect.arrayContaining(['automatic_passed', 'timer_fired', 'step_opened']),
      );
      await h.executeUpdate(approveStep, { args: [{ stepId: 'tobacco/tob', actor: 'tob-1' }] });
      await h.executeUpdate(issueResults, { args: [{ actor: 'w', delivery: { method: 'window' } }] });
      expect(await resultOf(h)).toMatchObject({ outcome: 'approved' });
      expect(fake.of('openTask').map((t) => t.stepId)).toEqual(['tobacco/tob']);
    });
  }, 60_000);

  it('a failed automatic check refuses the case under fail_fast, with its reasons, before any department works', async () => {
    const fake = fakeActivities({ failingTasks: ['certificate_check'] });
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const today = shanghaiDay(await env().currentTimeMs());
      const h = await startCase(
        env(),
        taskQueue,
        caseInput(plan('fail_fast'), {
          caseNo: 'NODES-2',
          acceptedOn: today,
          calendar: calendarData,
          applicationData: { area: 500 },
        }),
      );
      await env().sleep('1 hour');
      const view = await h.query(caseStateQuery);
      expect(view.phase).toBe('awaiting_issuance');
      expect(view.outcome).toBe('refused');
      expect(view.refusals).toEqual([
        { stepId: 'licence_check', reasons: ['certificate_check: not found in the certificate library'] },
      ]);
      expect(fake.of('openTask')).toHaveLength(0);
      await h.executeUpdate(issueResults, { args: [{ actor: 'w', delivery: { method: 'window' } }] });
      expect(await resultOf(h)).toMatchObject({ outcome: 'refused' });
    });
  }, 60_000);
});
