import {
  OFFICIAL_CALENDAR_DATA,
  WorkingCalendar,
  addWorkingDays,
  isProvisionalPeriod,
  nextWorkingDay,
  subtractWorkingDays,
} from '@onewindow/calendar';
import { calendarInForce } from '@onewindow/calendar/src/statutory-holidays';
import { planBuilder, type ServicePlan } from '@onewindow/flow-model';
import { approveExtension, approveStep, caseStateQuery, issueResults, requestExtension } from '../src/index';
import {
  caseInput,
  fakeActivities,
  rejection,
  shanghaiDay,
  startCase,
  startWorker,
  terminateWhenIdle,
  useTimeSkippingEnv,
} from './case-harness';
import { shanghaiInstant } from './fixture-calendar';

/**
 * The legal clocks: the joint-handling limit (行政许可法 Art. 42 ¶2: 45 working days, +15) and the
 * 即办件 (a 0-day limit, due the day of acceptance). The test server starts at the machine's real time and cannot
 * go back, so every date is computed from the calendar relative to the server's "now": the shipped notices plus
 * the provisional statutory years (the Spring Festival of a year without a notice is known, ADR 0010).
 */
describe('caseWorkflow: the joint limit and 即办件', () => {
  let calendarData = OFFICIAL_CALENDAR_DATA;
  let cal = WorkingCalendar.fromData(calendarData);
  /** The next Spring Festival whose acceptance day (30 working days before it) is still ahead of the server. */
  let festival = { start: '', end: '' };
  let acceptedOn = '';

  const env = useTimeSkippingEnv(async (server) => {
    const today = shanghaiDay(await server.currentTimeMs());
    calendarData = calendarInForce(OFFICIAL_CALENDAR_DATA, Number(today.slice(0, 4)) + 2);
    cal = WorkingCalendar.fromData(calendarData);
    const festivals = calendarData.years
      .flatMap((y) => y.holidays)
      .filter((h) => h.name.includes('春节'))
      .sort((a, b) => a.start.localeCompare(b.start));
    const next = festivals.find((h) => subtractWorkingDays(cal, h.start, 30) > today);
    if (!next) throw new Error(`no Spring Festival in the calendar after ${today}`);
    festival = { start: next.start, end: next.end };
    acceptedOn = subtractWorkingDays(cal, festival.start, 30);
    await server.sleep(shanghaiInstant(acceptedOn, '09:30') - (await server.currentTimeMs()));
  });

  const closed = async (h: { describe(): Promise<{ status: { name: string } }> }) => {
    for (let i = 0; i < 600 && (await h.describe()).status.name === 'RUNNING'; i++)
      await new Promise((r) => setTimeout(r, 50));
  };

  const dept = (id: string, limitWorkingDays: number, assignees: string[]) => ({
    id,
    departmentCode: id.toUpperCase(),
    limitWorkingDays,
    assignees,
    result: { certificateTypeCode: `${id.toUpperCase()}-LIC`, name: `${id} licence` },
  });

  it('a bundle case (统一办理) runs on 45 working days, is extended by 15 across the Spring Festival, and no further', async () => {
    const plan: ServicePlan = {
      ...planBuilder('bundle:restaurant')
        .accept()
        .parallel([
          (s) => s.department(dept('food', 20, ['food-1', 'food-lead'])),
          (s) => s.department(dept('fire', 20, ['fire-1'])),
        ])
        .issue()
        .build(),
      jointHandling: 'unified',
    };
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const h = await startCase(
        env(),
        taskQueue,
        caseInput(plan, {
          caseNo: 'JOINT-45',
          acceptedOn,
          calendar: calendarData,
          countStartDay: false,
          limits: {
            statutory: { value: 45, unit: 'working_day' },
            promised: { value: 20, unit: 'working_day' },
            maxExtensionDays: 15,
          },
        }),
      );
      try {
        const due45 = addWorkingDays(cal, acceptedOn, 45);
        const started = await h.query(caseStateQuery);
        expect(started.clocks.statutory.dueDate).toBe(due45);
        expect(started.clocks.statutory.provisional).toBe(isProvisionalPeriod(cal, acceptedOn, due45));
        // The festival lies inside the period and is not counted: weekends alone would end it earlier.
        expect(festival.start > acceptedOn && festival.end < due45).toBe(true);
        const weekendsOnly = WorkingCalendar.fromData({ years: [], regionalRules: [] });
        expect(addWorkingDays(weekendsOnly, acceptedOn, 45) < due45).toBe(true);

        expect(
          await rejection(
            h.executeUpdate(requestExtension, {
              args: [{ stepId: 'food', actor: 'food-1', days: 16, reason: '多部门联合踏勘' }],
            }),
          ),
        ).toMatch(/at most 15 working days in all .*at most 15 more, not 16/);
        await h.executeUpdate(requestExtension, {
          args: [{ stepId: 'food', actor: 'food-1', days: 15, reason: '多部门联合踏勘' }],
        });
        const extended = await h.executeUpdate(approveExtension, {
          args: [{ stepId: 'food', approvedBy: 'food-lead' }],
        });
        expect(extended.clock.dueDate).toBe(addWorkingDays(cal, acceptedOn, 20 + 15));
        const due60 = addWorkingDays(cal, acceptedOn, 60);
        expect((await h.query(caseStateQuery)).clocks.statutory.dueDate).toBe(due60);
        expect(due60 > festival.end).toBe(true);
        expect(fake.of('recordClockEvent')).toContainEqual(
          expect.objectContaining({ clock: 'statutory', event: 'extended', dueDate: due60 }),
        );

        // The cap is the case's: another step's extension would take it past 15.
        expect(
          await rejection(
            h.executeUpdate(requestExtension, {
              args: [{ stepId: 'fire', actor: 'fire-1', days: 1, reason: '补充检测' }],
            }),
          ),
        ).toMatch(/15 already approved, so at most 0 more, not 1/);
        await h.executeUpdate(approveStep, { args: [{ stepId: 'fire', actor: 'fire-1' }] });
      } finally {
        await terminateWhenIdle(h);
      }
    });
  }, 120_000);

  it('a 即办件 (0 days) is due the day it is accepted: approved and issued that day; undecided, it is overdue and escalated the next working day', async () => {
    // Every step of the test runs on the working day after the first case's acceptance day (the server cannot go back).
    const day = nextWorkingDay(cal, shanghaiDay(await env().currentTimeMs()));
    await env().sleep(shanghaiInstant(day, '09:30') - (await env().currentTimeMs()));
    const plan = planBuilder('default:seal')
      .accept()
      .department(dept('seal', 0, ['seal-1']))
      .issue()
      .build();
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const input = (caseNo: string) =>
        caseInput(plan, {
          caseNo,
          acceptedOn: day,
          calendar: calendarData,
          countStartDay: false,
          limits: {
            statutory: { value: 0, unit: 'working_day' },
            promised: { value: 0, unit: 'working_day' },
            maxExtensionDays: 10,
          },
        });
      const onTheSpot = await startCase(env(), taskQueue, input('ON-THE-SPOT'));
      const waiting = await startCase(env(), taskQueue, input('ON-THE-SPOT-LATE'));
      const view = await onTheSpot.query(caseStateQuery);
      expect(view.steps[0].clock).toMatchObject({ dueDate: day, remainingWorkingDays: 0 });
      expect(view.clocks.statutory).toMatchObject({ dueDate: day, remainingWorkingDays: 0 });
      expect(view.clocks.promised).toMatchObject({ dueDate: day });
      expect(view.clocks.statutory.warningLevel).not.toBe('overdue');

      await onTheSpot.executeUpdate(approveStep, { args: [{ stepId: 'seal', actor: 'seal-1' }] });
      const issued = await onTheSpot.executeUpdate(issueResults, {
        args: [{ actor: 'window-1', delivery: { method: 'window' } }],
      });
      expect(issued.certificates).toEqual([expect.objectContaining({ stepId: 'seal' })]);
      // Not handle.result(): awaiting it unlocks time skipping, and the server could leap ahead of `waiting`.
      await closed(onTheSpot);
      expect((await onTheSpot.query(caseStateQuery)).outcome).toBe('approved');
      expect(fake.of('completeCase')).toHaveLength(1);
      // Accepted, decided and issued in one visit: every event of the case happened on the acceptance day.
      const history = (await onTheSpot.query(caseStateQuery)).history;
      expect(history.length).toBeGreaterThan(2);
      expect(new Set(history.map((e) => shanghaiDay(Date.parse(e.at))))).toEqual(new Set([day]));

      await env().sleep(shanghaiInstant(day, '23:00') - (await env().currentTimeMs()));
      expect((await waiting.query(caseStateQuery)).clocks.statutory.warningLevel).not.toBe('overdue');
      // The view counts at the workflow's last task: the escalation at 00:00 of the next working day is one.
      const nextDay = nextWorkingDay(cal, day);
      await env().sleep(shanghaiInstant(nextDay, '10:00') - (await env().currentTimeMs()));
      expect(fake.of('escalateOverdue')).toEqual([
        expect.objectContaining({ caseNo: 'ON-THE-SPOT-LATE', stepId: 'seal', on: nextDay, dueDate: day }),
      ]);
      const late = await waiting.query(caseStateQuery);
      expect(late.clocks.statutory).toMatchObject({ dueDate: day, warningLevel: 'overdue' });
      expect(late.steps[0].clock).toMatchObject({ dueDate: day, warningLevel: 'overdue' });
      await waiting.executeUpdate(approveStep, { args: [{ stepId: 'seal', actor: 'seal-1' }] });
      await terminateWhenIdle(waiting);
    });
  }, 120_000);
});
