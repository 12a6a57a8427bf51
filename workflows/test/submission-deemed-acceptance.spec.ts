import {
  OFFICIAL_CALENDAR_DATA,
  WorkingCalendar,
  addWorkingDays,
  endOfShanghaiDay,
  isWorkingDay,
} from '@onewindow/calendar';
import { calendarInForce } from '@onewindow/calendar/src/statutory-holidays';
import { planBuilder } from '@onewindow/flow-model';
import type { WorkflowHandle } from '@temporalio/client';
import {
  caseStateQuery,
  settleSubmission,
  submissionWorkflow,
  type CaseActivities,
  type SubmissionActivities,
  type SubmissionWorkflowInput,
} from '../src/index';
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
import { shanghaiInstant, weekdayOf } from './fixture-calendar';

/**
 * 网上申报 (行政许可法 Art. 32 ¶1 (4)): a submission no clerk acts on within 5 working days is deemed accepted
 * from the day it was received; a clerk's action within the period (even on its last day) ends the timer. The
 * test server starts at the machine's real time and cannot go back: each test receives its submission on the
 * next Friday that is a working day followed by a weekend, so the period always crosses a weekend.
 */
describe('submissionWorkflow: the Art. 32 notice period', () => {
  let cal = WorkingCalendar.fromData(OFFICIAL_CALENDAR_DATA);
  let calendarData = OFFICIAL_CALENDAR_DATA;
  const env = useTimeSkippingEnv(async (server) => {
    const year = Number(shanghaiDay(await server.currentTimeMs()).slice(0, 4));
    calendarData = calendarInForce(OFFICIAL_CALENDAR_DATA, year + 2);
    cal = WorkingCalendar.fromData(calendarData);
  });

  /** The next working Friday with a non-working Saturday, at least a day ahead of the server's clock. */
  const nextFriday = async (): Promise<string> => {
    let day = shanghaiDay((await env().currentTimeMs()) + 86_400_000);
    const plusOne = (d: string) => shanghaiDay(Date.parse(`${d}T12:00:00+08:00`) + 86_400_000);
    while (!(weekdayOf(day) === 5 && isWorkingDay(cal, day) && !isWorkingDay(cal, plusOne(day))))
      day = plusOne(day);
    return day;
  };

  const receiveOn = async (day: string, submissionNo: string, queue: string) => {
    await env().sleep(shanghaiInstant(day, '10:00') - (await env().currentTimeMs()));
    const deadline = addWorkingDays(cal, day, 5);
    const input: SubmissionWorkflowInput = {
      submissionNo,
      receivedOn: day,
      deadline,
      deemedAtMs: endOfShanghaiDay(deadline),
      intakeTaskQueue: queue,
    };
    const handle = await env().client.workflow.start(submissionWorkflow, {
      taskQueue: queue,
      workflowId: `submission:${submissionNo}`,
      args: [input],
    });
    return { handle, deadline };
  };

  /** Waits for the close without unlocking time skipping (see resultOf in the harness). */
  const closed = async (h: WorkflowHandle) => {
    for (let i = 0; i < 600 && (await h.describe()).status.name === 'RUNNING'; i++)
      await new Promise((r) => setTimeout(r, 50));
  };

  it('with no clerk action it is deemed accepted after the 5th working day, and the case counts from the receipt day', async () => {
    const received = await nextFriday();
    const fake = fakeActivities();
    const deemed: { submissionNo: string; at: number }[] = [];
    let caseHandle: WorkflowHandle | undefined;
    let queue = '';
    // Stands in for the API's acceptance (tested in apps/api): it starts the case with the receipt day as its
    // acceptance day, as acceptApplication does with acceptedAt = the receipt time.
    const deemSubmissionAccepted: SubmissionActivities['deemSubmissionAccepted'] = async ({
      submissionNo,
    }) => {
      deemed.push({ submissionNo, at: await env().currentTimeMs() });
      const plan = planBuilder('item:food')
        .accept()
        .department({ id: 'food', departmentCode: 'SAMR', limitWorkingDays: 20, assignees: ['food-1'] })
        .issue()
        .build();
      caseHandle = await startCase(
        env(),
        queue,
        caseInput(plan, {
          caseNo: 'YC-DEEMED-1',
          acceptedOn: received,
          calendar: calendarData,
          countStartDay: false,
        }),
      );
      return { deemed: true, caseNo: 'YC-DEEMED-1' };
    };
    const activities = { ...fake.activities, deemSubmissionAccepted } as unknown as CaseActivities;
    const started = await startWorker(env(), activities);
    queue = started.taskQueue;
    await started.worker.runUntil(async () => {
      const { handle, deadline } = await receiveOn(received, 'WS20990101000001', queue);
      // Friday + 5 working days: the next Friday at the earliest (a weekend, maybe a holiday, in between).
      expect(deadline >= shanghaiDay(Date.parse(`${received}T12:00:00+08:00`) + 7 * 86_400_000)).toBe(true);
      const settlement = await handle.result();
      expect(settlement).toEqual({ by: 'system', outcome: 'deemed_accepted', caseNo: 'YC-DEEMED-1' });
      expect(deemed).toHaveLength(1);
      expect(deemed[0].submissionNo).toBe('WS20990101000001');
      // Not before the period's last day ended (Shanghai), and on the next day.
      expect(deemed[0].at).toBeGreaterThan(endOfShanghaiDay(deadline));
      expect(shanghaiDay(deemed[0].at)).toBe(shanghaiDay(endOfShanghaiDay(deadline) + 1));
      // The statutory clock counts from the receipt day, not from the day of deemed acceptance.
      const view = await caseHandle!.query(caseStateQuery);
      expect(view.clocks.statutory.dueDate).toBe(addWorkingDays(cal, received, 20));
      expect(view.clocks.statutory.dueDate).not.toBe(addWorkingDays(cal, shanghaiDay(deemed[0].at), 20));
      // Too late for a clerk: the workflow has ended deemed accepted.
      expect(
        await rejection(
          handle.executeUpdate(settleSubmission, {
            args: [{ outcome: 'correction_notified', actor: 'clerk' }],
          }),
        ),
      ).not.toBe('accepted');
      await terminateWhenIdle(caseHandle! as never);
    });
  });

  it('across a statutory holiday the period is 5 working days on the calendar in force, and deemed acceptance waits for it', async () => {
    const now = shanghaiDay((await env().currentTimeMs()) + 2 * 86_400_000);
    const holiday = calendarData.years
      .flatMap((y) => y.holidays)
      .filter((h) => h.start > now)
      .sort((a, b) => a.start.localeCompare(b.start))[0];
    if (!holiday) throw new Error(`no statutory holiday in the calendar after ${now}`);
    // The last working day before the holiday.
    let received = shanghaiDay(Date.parse(`${holiday.start}T12:00:00+08:00`) - 86_400_000);
    while (!isWorkingDay(cal, received))
      received = shanghaiDay(Date.parse(`${received}T12:00:00+08:00`) - 86_400_000);
    const deemed: number[] = [];
    const activities = {
      ...fakeActivities().activities,
      deemSubmissionAccepted: async () => {
        deemed.push(await env().currentTimeMs());
        return { deemed: true, caseNo: 'YC-HOLIDAY' };
      },
    } as unknown as CaseActivities;
    const { worker, taskQueue } = await startWorker(env(), activities);
    await worker.runUntil(async () => {
      const { handle, deadline } = await receiveOn(received, 'WS20990101000004', taskQueue);
      // The holiday's days are not counted: the deadline lies after it.
      expect(deadline > holiday.end).toBe(true);
      const weekendsOnly = WorkingCalendar.fromData({ years: [], regionalRules: [] });
      expect(deadline > addWorkingDays(weekendsOnly, received, 5)).toBe(true);
      expect((await handle.result()).outcome).toBe('deemed_accepted');
      expect(deemed).toHaveLength(1);
      expect(deemed[0]).toBeGreaterThan(endOfShanghaiDay(deadline));
    });
  });

  it('a one-time notice on the 5th working day ends the timer: nothing is deemed accepted', async () => {
    const received = await nextFriday();
    const deemed: string[] = [];
    const activities = {
      ...fakeActivities().activities,
      deemSubmissionAccepted: async ({ submissionNo }: { submissionNo: string }) => {
        deemed.push(submissionNo);
        return { deemed: true };
      },
    } as unknown as CaseActivities;
    const { worker, taskQueue } = await startWorker(env(), activities);
    await worker.runUntil(async () => {
      const { handle, deadline } = await receiveOn(received, 'WS20990101000002', taskQueue);
      // Late on the last day of the period.
      await env().sleep(shanghaiInstant(deadline, '17:30') - (await env().currentTimeMs()));
      const settled = await handle.executeUpdate(settleSubmission, {
        args: [{ outcome: 'correction_notified', actor: 'clerk-1' }],
      });
      expect(settled).toEqual({ by: 'clerk', outcome: 'correction_notified', actor: 'clerk-1' });
      // The workflow has ended with the clerk's outcome: another action is not taken.
      expect(
        await rejection(
          handle.executeUpdate(settleSubmission, { args: [{ outcome: 'accepted', actor: 'clerk-2' }] }),
        ),
      ).not.toBe('accepted');
      await closed(handle);
      expect(await handle.result()).toEqual(settled);
      // Time runs on well past the deadline: the timer is gone, nothing is deemed.
      await env().sleep(10 * 86_400_000);
      expect(deemed).toEqual([]);
    });
  });

  it('a clerk who accepts within the period ends it; deemed acceptance never runs', async () => {
    const received = await nextFriday();
    const deemed: string[] = [];
    const activities = {
      ...fakeActivities().activities,
      deemSubmissionAccepted: async ({ submissionNo }: { submissionNo: string }) => {
        deemed.push(submissionNo);
        return { deemed: true };
      },
    } as unknown as CaseActivities;
    const { worker, taskQueue } = await startWorker(env(), activities);
    await worker.runUntil(async () => {
      const { handle } = await receiveOn(received, 'WS20990101000003', taskQueue);
      await env().sleep(2 * 86_400_000);
      await handle.executeUpdate(settleSubmission, { args: [{ outcome: 'accepted', actor: 'clerk-1' }] });
      expect(await handle.result()).toEqual({ by: 'clerk', outcome: 'accepted', actor: 'clerk-1' });
      await env().sleep(10 * 86_400_000);
      expect(deemed).toEqual([]);
    });
  });
});
