import fc from 'fast-check';
import { defaultPlanForItems, itemStepId } from '@onewindow/flow-model';
import { approveStep, caseStateQuery, issueResults, refuseStep } from '../src/index';
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

describe('caseWorkflow: parallel departments and refusal policies', () => {
  let today: string;
  const env = useTimeSkippingEnv(async (server) => {
    today = shanghaiDay(await server.currentTimeMs());
  });

  const plan = (refusalPolicy: 'fail_fast' | 'collect') =>
    defaultPlanForItems(fourDepartments, { key: 'restaurant', refusalPolicy });
  const approver = (code: string) => fourDepartments.find((d) => d.itemCode === code)!.assignees[0];
  let caseSeq = 0;

  async function runCase(
    order: string[],
    refusalPolicy: 'fail_fast' | 'collect' = 'collect',
    refuse: string[] = [],
  ) {
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    const caseNo = `PAR-${++caseSeq}`;
    const result = await worker.runUntil(async () => {
      const handle = await startCase(
        env(),
        taskQueue,
        caseInput(plan(refusalPolicy), { caseNo, acceptedOn: today, calendar: calendarData }),
      );
      for (const code of order) {
        const stepId = itemStepId(code);
        const view = await handle.query(caseStateQuery);
        if (view.steps.find((s) => s.stepId === stepId)?.status !== 'open') continue;
        if (refuse.includes(code))
          await handle.executeUpdate(refuseStep, {
            args: [{ stepId, actor: approver(code), reasons: [`${code} says no`] }],
          });
        else await handle.executeUpdate(approveStep, { args: [{ stepId, actor: approver(code) }] });
      }
      const view = await handle.query(caseStateQuery);
      expect(view.phase).toBe('awaiting_issuance');
      await handle.executeUpdate(issueResults, {
        args: [{ actor: 'window-1', delivery: { method: 'window' } }],
      });
      return { result: await resultOf(handle), view: await handle.query(caseStateQuery) };
    });
    return { ...result, fake };
  }

  it('4 departments approve in any order: same result, one task and one close per step', async () => {
    const codes = fourDepartments.map((d) => d.itemCode);
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(codes, { minLength: 4, maxLength: 4 }), async (order) => {
        const { result, view, fake } = await runCase(order);
        expect(result.outcome).toBe('approved');
        expect(result.certificates.map((c) => c.stepId).sort()).toEqual([
          itemStepId('FIRE'),
          itemStepId('FOOD'),
          itemStepId('TOB'),
        ]);
        expect(fake.of('openTask')).toHaveLength(4);
        expect(fake.of('closeTask')).toHaveLength(4);
        expect(fake.of('issueCertificate')).toHaveLength(3);
        expect(view.phase).toBe('completed');
        const keys = fake.calls.map((c) => c.input.idempotencyKey);
        expect(new Set(keys).size).toBe(keys.length);
        outcomes.push(
          JSON.stringify({
            ...result,
            caseNo: undefined,
            certificates: result.certificates.map((c) => c.certificateTypeCode).sort(),
          }),
        );
      }),
      { numRuns: 4 },
    );
    expect(new Set(outcomes).size).toBe(1);
  }, 120_000);

  it('collect: other branches finish and every refusal reason reaches the window', async () => {
    const { result, view, fake } = await runCase(['FOOD', 'FIRE', 'SIGN', 'TOB'], 'collect', ['FOOD', 'TOB']);
    expect(result.outcome).toBe('refused');
    expect(result.refusals).toEqual([
      { stepId: itemStepId('FOOD'), reasons: ['FOOD says no'] },
      { stepId: itemStepId('TOB'), reasons: ['TOB says no'] },
    ]);
    expect(view.steps.map((s) => s.status)).toEqual(['refused', 'approved', 'approved', 'refused']);
    expect(fake.of('issueCertificate')).toHaveLength(0);
    expect(fake.of('completeCase')).toEqual([expect.objectContaining({ outcome: 'refused' })]);
  }, 60_000);

  it('fail_fast: the first refusal cancels the open branches', async () => {
    const { result, view, fake } = await runCase(['FIRE', 'FOOD', 'SIGN', 'TOB'], 'fail_fast', ['FOOD']);
    expect(result.outcome).toBe('refused');
    expect(result.refusals).toEqual([{ stepId: itemStepId('FOOD'), reasons: ['FOOD says no'] }]);
    const status = Object.fromEntries(view.steps.map((s) => [s.stepId, s.status]));
    expect(status).toEqual({
      [itemStepId('FOOD')]: 'refused',
      [itemStepId('FIRE')]: 'approved',
      [itemStepId('SIGN')]: 'cancelled',
      [itemStepId('TOB')]: 'cancelled',
    });
    expect(
      fake
        .of('closeTask')
        .filter((c) => c.status === 'cancelled')
        .map((c) => c.stepId)
        .sort(),
    ).toEqual([itemStepId('SIGN'), itemStepId('TOB')]);
  }, 60_000);
});
