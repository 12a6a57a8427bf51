import { planBuilder } from '@onewindow/flow-model';
import { approveStep, caseStateQuery, issueResults } from '../src/index';
import {
  caseInput,
  fakeActivities,
  startCase,
  resultOf,
  startWorker,
  useTimeSkippingEnv,
  type CalendarData,
} from './case-harness';

/**
 * The test server starts at the machine's real time, which is after National Day 2026, and cannot go
 * back. So this test runs the 2026 scenario one year later on a fixture year shaped like 2026:
 * National Day 10-01…10-07 off, Saturday 10-09 an adjusted working day (调休).
 */
const calendar2027: CalendarData = {
  years: [
    {
      year: 2027,
      source: 'test fixture shaped like the 2026 notice',
      provisional: false,
      holidays: [{ name: '国庆节', start: '2027-10-01', end: '2027-10-07' }],
      adjustedWorkingDays: ['2027-10-09'],
    },
  ],
  regionalRules: [],
};
const at = (iso: string) => Date.parse(iso);

describe('caseWorkflow: reminders and escalations across National Day', () => {
  const env = useTimeSkippingEnv(async (server) =>
    server.sleep(at('2027-09-24T09:30:00+08:00') - (await server.currentTimeMs())),
  );

  it('accepted 2027-09-24 with 5 working days: due 10-08, reminders 09-29 and 09-30, escalation on the 调休 Saturday 10-09', async () => {
    const plan = planBuilder('short')
      .accept()
      .department({ id: 'review', departmentCode: 'D1', limitWorkingDays: 5, assignees: ['a1'] })
      .issue()
      .build();
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const h = await startCase(
        env(),
        taskQueue,
        caseInput(plan, {
          caseNo: 'NATIONAL-DAY',
          acceptedOn: '2027-09-24',
          calendar: calendar2027,
          countStartDay: false,
          reminders: { remainingWorkingDays: [2, 1], escalateOverdue: true },
        }),
      );
      expect((await h.query(caseStateQuery)).steps[0].clock.dueDate).toBe('2027-10-08');

      await env().sleep(at('2027-09-30T12:00:00+08:00') - (await env().currentTimeMs()));
      await waitFor(() => fake.of('sendReminder').length === 2);
      expect(fake.of('sendReminder').map((r) => [r.remainingWorkingDays, r.on, r.dueDate])).toEqual([
        [2, '2027-09-29', '2027-10-08'],
        [1, '2027-09-30', '2027-10-08'],
      ]);
      expect(fake.of('escalateOverdue')).toHaveLength(0);

      await env().sleep(at('2027-10-08T23:00:00+08:00') - (await env().currentTimeMs()));
      expect(fake.of('escalateOverdue')).toHaveLength(0);
      await env().sleep(at('2027-10-09T10:00:00+08:00') - (await env().currentTimeMs()));
      await waitFor(() => fake.of('escalateOverdue').length === 1);
      expect(fake.of('escalateOverdue')).toEqual([
        expect.objectContaining({
          stepId: 'review',
          on: '2027-10-09',
          dueDate: '2027-10-08',
          role: 'department_lead',
        }),
      ]);
      expect(fake.of('sendReminder')).toHaveLength(2);

      const view = await h.query(caseStateQuery);
      expect(view.steps[0].escalatedAt).toBeDefined();
      await h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'a1' }] });
      // Art. 44: 10 working days to issue from the decision on 10-09 → due 10-22; the window's lead hears on 10-25.
      expect((await h.query(caseStateQuery)).clocks.issuance?.dueDate).toBe('2027-10-22');
      await env().sleep(at('2027-10-25T10:00:00+08:00') - (await env().currentTimeMs()));
      await waitFor(() => fake.of('escalateOverdue').length === 2);
      expect(fake.of('escalateOverdue')[1]).toMatchObject({
        stepId: 'issue',
        departmentCode: 'WINDOW',
        dueDate: '2027-10-22',
        on: '2027-10-25',
      });
      await h.executeUpdate(issueResults, { args: [{ actor: 'w', delivery: { method: 'window' } }] });
      expect(await resultOf(h)).toMatchObject({ outcome: 'approved' });
    });
  }, 120_000);
});

async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
