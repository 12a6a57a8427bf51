import { planBuilder } from '@onewindow/flow-model';
import { approveStep, caseStateQuery, issueResults } from '../src/index';
import {
  caseInput,
  fakeActivities,
  startCase,
  resultOf,
  startWorker,
  useTimeSkippingEnv,
} from './case-harness';
import { nationalDayCalendar, nextYearWithWeekday, shanghaiInstant } from './fixture-calendar';

/**
 * National Day on a fixture year shaped like the 2026 notice: seven days off from 10-01, the Saturday after them
 * (10-09) an adjusted working day (调休). The test server starts at the machine's real time and cannot go back,
 * so the year is the next one after the server's "now" whose 09-24 is a Friday (2027, then 2032, 2038 …):
 * every date below has the same weekday in each such year (`fixture-calendar.spec.ts` checks the expected
 * dates against the calendar for every year this can pick).
 */
const FRIDAY = 5;
let year = 0;
const day = (monthDay: string) => `${year}-${monthDay}`;
const at = (monthDay: string, time: string) => shanghaiInstant(day(monthDay), time);

describe('caseWorkflow: reminders and escalations across National Day', () => {
  const env = useTimeSkippingEnv(async (server) => {
    year = nextYearWithWeekday(await server.currentTimeMs(), '09-24', FRIDAY);
    await server.sleep(at('09-24', '09:30') - (await server.currentTimeMs()));
  });

  it('accepted on Friday 09-24 with 5 working days: due 10-08, reminders 09-29 and 09-30, escalation on the 调休 Saturday 10-09', async () => {
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
          acceptedOn: day('09-24'),
          calendar: nationalDayCalendar(year),
          countStartDay: false,
          reminders: { remainingWorkingDays: [2, 1], escalateOverdue: true },
        }),
      );
      expect((await h.query(caseStateQuery)).steps[0].clock.dueDate).toBe(day('10-08'));

      await env().sleep(at('09-30', '12:00') - (await env().currentTimeMs()));
      await waitFor(() => fake.of('sendReminder').length === 2);
      expect(fake.of('sendReminder').map((r) => [r.remainingWorkingDays, r.on, r.dueDate])).toEqual([
        [2, day('09-29'), day('10-08')],
        [1, day('09-30'), day('10-08')],
      ]);
      expect(fake.of('escalateOverdue')).toHaveLength(0);

      await env().sleep(at('10-08', '23:00') - (await env().currentTimeMs()));
      expect(fake.of('escalateOverdue')).toHaveLength(0);
      await env().sleep(at('10-09', '10:00') - (await env().currentTimeMs()));
      await waitFor(() => fake.of('escalateOverdue').length === 1);
      expect(fake.of('escalateOverdue')).toEqual([
        expect.objectContaining({
          stepId: 'review',
          on: day('10-09'),
          dueDate: day('10-08'),
          departmentCode: 'D1',
          role: 'dept_lead',
        }),
      ]);
      expect(fake.of('sendReminder')).toHaveLength(2);

      const view = await h.query(caseStateQuery);
      expect(view.steps[0].escalatedAt).toBeDefined();
      await h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'a1' }] });
      // Art. 44: 10 working days to issue from the decision on 10-09 → due 10-22; the window's lead hears on 10-25.
      expect((await h.query(caseStateQuery)).clocks.issuance?.dueDate).toBe(day('10-22'));
      await env().sleep(at('10-25', '10:00') - (await env().currentTimeMs()));
      await waitFor(() => fake.of('escalateOverdue').length === 2);
      expect(fake.of('escalateOverdue')[1]).toMatchObject({
        stepId: 'issue',
        to: 'window',
        role: 'dept_lead',
        dueDate: day('10-22'),
        on: day('10-25'),
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
