import { WorkflowFailedError } from '@temporalio/client';
import { planBuilder } from '@onewindow/flow-model';
import type { CaseActivities } from '../src/index';
import { approveStep, caseStateQuery } from '../src/index';
import {
  calendarData,
  caseInput,
  fakeActivities,
  shanghaiDay,
  startCase,
  resultOf,
  startWorker,
  useTimeSkippingEnv,
} from './case-harness';

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { cause?: { message?: string }; message?: string }) => e.cause?.message ?? e.message,
  );

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
}

/** The failure a failed case ends with (WorkflowFailedError → its ApplicationFailure cause). */
async function failureOf(
  p: Promise<unknown>,
): Promise<{ type?: string; message?: string; nonRetryable?: boolean }> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkflowFailedError);
  return (e as WorkflowFailedError).cause as { type?: string; message?: string; nonRetryable?: boolean };
}

describe('caseWorkflow: starting window and plans that cannot go on', () => {
  const env = useTimeSkippingEnv();

  const dept = (id: string) => ({
    id,
    departmentCode: id.toUpperCase(),
    limitWorkingDays: 5,
    assignees: [`${id}-1`],
  });

  it('an Update sent while the case is still loading its calendar gets a clear "still starting" answer; once the steps are open it goes through', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = fakeActivities({ calendar: calendarData });
    const activities: CaseActivities = {
      ...fake.activities,
      loadCalendar: async (input) => {
        await gate;
        return fake.activities.loadCalendar(input);
      },
    };
    const { worker, taskQueue } = await startWorker(env(), activities);
    await worker.runUntil(async () => {
      const plan = planBuilder('one-step').accept().department(dept('review')).issue().build();
      const { calendar: _loadedByActivity, ...input } = caseInput(plan, {
        caseNo: 'START-1',
        acceptedOn: shanghaiDay(await env().currentTimeMs()),
        calendar: calendarData,
      });
      const h = await startCase(env(), taskQueue, input);
      try {
        expect(
          await rejection(h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'review-1' }] })),
        ).toMatch(
          /case START-1 is still starting \(loading its working calendar and opening the first steps\); retry in a moment/,
        );
        expect(await rejection(h.query(caseStateQuery))).toMatch(/still starting/);
        expect(fake.of('recordDecision')).toHaveLength(0);
        release();
        await waitFor(async () => (await h.query(caseStateQuery)).steps.length === 1);
        const step = await h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'review-1' }] });
        expect(step.status).toBe('approved');
        expect(fake.of('recordDecision')).toEqual([
          expect.objectContaining({ stepId: 'review', action: 'approve' }),
        ]);
      } finally {
        release();
        await h.terminate('test over').catch(() => undefined);
      }
    });
  }, 60_000);

  it('a FEEL condition that fails at the first gateway fails the case (non-retryable PlanRuntimeError) and records plan_error', async () => {
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const plan = planBuilder('bad-feel')
        .accept()
        .exclusive([
          { when: 'area + 1', then: (b) => b.department(dept('big')) },
          { then: (b) => b.department(dept('small')) },
        ])
        .issue()
        .build();
      const h = await startCase(
        env(),
        taskQueue,
        caseInput(plan, {
          caseNo: 'PLANERR-1',
          acceptedOn: shanghaiDay(await env().currentTimeMs()),
          calendar: calendarData,
          applicationData: { area: 3 },
        }),
      );
      const failure = await failureOf(resultOf(h));
      expect(failure).toMatchObject({ type: 'PlanRuntimeError', nonRetryable: true });
      expect(failure.message).toMatch(
        /case PLANERR-1 cannot go on: condition "area \+ 1" gave 4, not a boolean at gateway "exclusive_1"/,
      );
      expect(fake.of('recordDecision')).toEqual([
        expect.objectContaining({
          action: 'plan_error',
          actor: 'system',
          details: expect.objectContaining({ gateway: 'exclusive_1', expression: 'area + 1' }),
        }),
      ]);
      expect(fake.of('openTask')).toHaveLength(0);
      const view = await h.query(caseStateQuery);
      expect(view.planError).toMatchObject({ gateway: 'exclusive_1', expression: 'area + 1' });
      expect(view.history.map((e) => e.action)).toContain('plan_error');
    });
  }, 60_000);

  it('an exclusive gateway with no holding condition and no default, reached after a decision: the decision stands, open steps are cancelled, the case fails with plan_error', async () => {
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const plan = planBuilder('no-default')
        .accept()
        .parallel([
          (b) =>
            b
              .department(dept('first'))
              .exclusive([{ when: 'area > 300', then: (x) => x.department(dept('fire')) }]),
          (b) => b.department(dept('other')),
        ])
        .issue()
        .build();
      const h = await startCase(
        env(),
        taskQueue,
        caseInput(plan, {
          caseNo: 'PLANERR-2',
          acceptedOn: shanghaiDay(await env().currentTimeMs()),
          calendar: calendarData,
          applicationData: { area: 10 },
        }),
      );
      const step = await h.executeUpdate(approveStep, { args: [{ stepId: 'first', actor: 'first-1' }] });
      expect(step.status).toBe('approved');
      const failure = await failureOf(resultOf(h));
      expect(failure).toMatchObject({ type: 'PlanRuntimeError', nonRetryable: true });
      expect(failure.message).toMatch(
        /no condition holds at gateway "exclusive_\d+" and it has no default edge/,
      );
      expect(
        fake
          .of('closeTask')
          .map((c) => [c.stepId, c.status])
          .sort(),
      ).toEqual([
        ['first', 'approved'],
        ['other', 'cancelled'],
      ]);
      expect(fake.of('recordDecision').map((d) => d.action)).toEqual(
        expect.arrayContaining(['approve', 'plan_error']),
      );
      const view = await h.query(caseStateQuery);
      expect(view.steps.map((s) => [s.stepId, s.status])).toEqual([
        ['first', 'approved'],
        ['other', 'cancelled'],
      ]);
    });
  }, 60_000);
});
