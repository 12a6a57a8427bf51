import { WorkflowContinuedAsNewError } from '@temporalio/client';
import { defaultPlanForItems, itemStepId } from '@onewindow/flow-model';
import {
  approveStep,
  type ApproveStep,
  caseStateQuery,
  issueResults,
  returnForSupplement,
  submitSupplement,
} from '../src/index';
import {
  calendarData,
  caseInput,
  fakeActivities,
  fourDepartments,
  shanghaiDay,
  startCase,
  resultOf,
  startWorker,
  useTimeSkippingEnv,
} from './case-harness';

describe('caseWorkflow: durability', () => {
  let today: string;
  const env = useTimeSkippingEnv(async (server) => {
    today = shanghaiDay(await server.currentTimeMs());
  });

  const plan = defaultPlanForItems(fourDepartments, { key: 'restaurant' });
  const approve = (code: string): { args: [ApproveStep] } => ({
    args: [
      { stepId: itemStepId(code), actor: fourDepartments.find((d) => d.itemCode === code)!.assignees[0] },
    ],
  });

  it('a new worker picks up a case after the first one stops: nothing lost, nothing repeated', async () => {
    const fake = fakeActivities();
    const first = await startWorker(env(), fake.activities, 'restart', { sticky: false });
    const handle = await first.worker.runUntil(async () => {
      const h = await startCase(
        env(),
        'restart',
        caseInput(plan, { caseNo: 'RESTART-1', acceptedOn: today, calendar: calendarData }),
      );
      await h.executeUpdate(approveStep, approve('FOOD'));
      await h.executeUpdate(returnForSupplement, {
        args: [{ stepId: itemStepId('FIRE'), actor: 'fire-1', materials: ['消防平面图'] }],
      });
      return h;
    });
    const second = await startWorker(env(), fake.activities, 'restart', { sticky: false });
    const result = await second.worker.runUntil(async () => {
      const before = await handle.query(caseStateQuery);
      expect(before.steps.map((s) => s.status)).toEqual(['approved', 'open', 'open', 'open']);
      expect(before.clocks.suspended).toBe(true);
      await handle.executeUpdate(submitSupplement, {
        args: [{ stepId: itemStepId('FIRE'), actor: 'window-1' }],
      });
      for (const code of ['FIRE', 'SIGN', 'TOB']) await handle.executeUpdate(approveStep, approve(code));
      await handle.executeUpdate(issueResults, {
        args: [{ actor: 'window-1', delivery: { method: 'electronic' } }],
      });
      return resultOf(handle);
    });
    expect(result.outcome).toBe('approved');
    const count = (name: Parameters<typeof fake.of>[0]) => fake.of(name).length;
    expect([
      count('openTask'),
      count('closeTask'),
      count('recordDecision'),
      count('issueCertificate'),
      count('completeCase'),
    ]).toEqual([4, 4, 6, 3, 1]);
    const keys = fake.calls.map((c) => c.input.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  }, 120_000);

  it('continues as new when the history grows, carrying the whole state', async () => {
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const h = await startCase(
        env(),
        taskQueue,
        caseInput(plan, { caseNo: 'LONG-1', acceptedOn: today, calendar: calendarData, historyLimit: 20 }),
      );
      const firstRun = (await h.describe()).runId;
      for (const code of ['FOOD', 'FIRE', 'SIGN']) await h.executeUpdate(approveStep, approve(code));
      // The first run's own result (not followed) is the continue-as-new: no polling, no timeout.
      await expect(
        env().client.workflow.getHandle('LONG-1', firstRun, { followRuns: false }).result(),
      ).rejects.toBeInstanceOf(WorkflowContinuedAsNewError);
      const view = await h.query(caseStateQuery);
      expect(view.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'approved', 'open']);
      expect(view.history.filter((e) => e.action === 'approve')).toHaveLength(3);
      await h.executeUpdate(approveStep, approve('TOB'));
      await h.executeUpdate(issueResults, { args: [{ actor: 'window-1', delivery: { method: 'window' } }] });
      expect(await resultOf(h)).toMatchObject({ outcome: 'approved' });
    });
    expect(fake.of('openTask')).toHaveLength(4);
    const keys = fake.calls.map((c) => c.input.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  }, 120_000);
});
