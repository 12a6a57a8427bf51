import { planBuilder, type Countersign } from '@onewindow/flow-model';
import { approveStep, caseStateQuery, copyTo, recallDecision, refuseStep } from '../src/index';
import type { CaseView } from '../src/index';
import { caseRunner, rejection, useTimeSkippingEnv } from './case-harness';

type Handle = Parameters<Parameters<ReturnType<typeof caseRunner>>[1]>[0];
const approve = (h: Handle, stepId: string, actor: string) =>
  h.executeUpdate(approveStep, { args: [{ stepId, actor }] });
const recall = (h: Handle, stepId: string, actor: string, reason?: string) =>
  h.executeUpdate(recallDecision, { args: [{ stepId, actor, ...(reason ? { reason } : {}) }] });
const stepOf = (view: CaseView, stepId: string) => view.steps.find((s) => s.stepId === stepId);

const st = (assignees = ['a1'], countersign?: Countersign) => ({
  id: 'st',
  name: '规划审查',
  departmentCode: 'D1',
  limitWorkingDays: 5,
  assignees,
  ...(countersign ? { countersign } : {}),
});
const next = { id: 'next', name: '消防审查', departmentCode: 'D3', limitWorkingDays: 5, assignees: ['n1'] };

/** Where the recalled step stands: a single step, a parallel branch, a countersign (会签 all); `next` follows it. */
const shapes = {
  single: () => planBuilder('recall-single').accept().department(st()).department(next).issue().build(),
  parallel: () =>
    planBuilder('recall-parallel')
      .accept()
      .parallel([
        (b) => b.department(st()),
        (b) => b.department({ id: 'other', departmentCode: 'D2', limitWorkingDays: 5, assignees: ['o1'] }),
      ])
      .department(next)
      .issue()
      .build(),
  countersign: () =>
    planBuilder('recall-countersign')
      .accept()
      .department(st(['c2', 'a1'], { mode: 'all' }))
      .department(next)
      .issue()
      .build(),
};
type Shape = keyof typeof shapes;
const SHAPES: Shape[] = ['single', 'parallel', 'countersign'];

/** Everything but a1's vote that the shape needs before a1's approval closes `st` and reaches `next`. */
async function readyForNext(h: Handle, shape: Shape): Promise<void> {
  if (shape === 'parallel') await approve(h, 'other', 'o1');
  if (shape === 'countersign') await approve(h, 'st', 'c2');
}

describe('caseWorkflow: 撤回 (an approver recalls their decision)', () => {
  const env = useTimeSkippingEnv();
  const withCase = caseRunner(env, 'RECALL');

  it.each(SHAPES)(
    '%s: after the step closed, while the next step has not acted — the next task is cancelled, the step reopens with its own due date',
    async (shape) => {
      await withCase(shapes[shape](), async (h, fake) => {
        const before = await h.query(caseStateQuery);
        const due = stepOf(before, 'st')!.clock.dueDate;
        await readyForNext(h, shape);
        const approved = await approve(h, 'st', 'a1');
        expect(approved.status).toBe('approved');
        expect(approved.recallable).toEqual(shape === 'countersign' ? ['c2', 'a1'] : ['a1']);
        expect(stepOf(await h.query(caseStateQuery), 'next')!.status).toBe('open');
        await env().sleep('2 days');

        const back = await recall(h, 'st', 'a1', '意见写错，重新签批');
        expect(back).toMatchObject({ status: 'open', generation: 2, turn: ['a1'] });
        expect(back.closedAt).toBeUndefined();
        expect(back.assignees.find((a) => a.userId === 'a1')).toMatchObject({ status: 'pending' });
        expect(back.assignees.find((a) => a.userId === 'a1')!.decidedAt).toBeUndefined();
        // the step clock runs on from where it was: the same due date, nothing counted twice
        expect(back.clock.dueDate).toBe(due);
        const view = await h.query(caseStateQuery);
        expect(stepOf(view, 'next')!.status).toBe('cancelled');
        expect(view.clocks.statutory.dueDate).toBe(before.clocks.statutory.dueDate);
        expect(view.history.filter((e) => e.stepId === 'next').map((e) => e.action)).toEqual([
          'step_opened',
          'step_cancelled',
        ]);
        expect(fake.of('closeTask').filter((c) => c.stepId === 'next')).toEqual([
          expect.objectContaining({ generation: 1, status: 'cancelled' }),
        ]);
        expect(fake.of('openTask').filter((c) => c.stepId === 'st')).toEqual([
          expect.objectContaining({ generation: 1 }),
          expect.objectContaining({ generation: 2, assignees: ['a1'], dueDate: due }),
        ]);
        expect(fake.of('recordDecision').filter((d) => d.action === 'recall')).toEqual([
          expect.objectContaining({
            stepId: 'st',
            actor: 'a1',
            details: expect.objectContaining({
              recalled: 'approve',
              generation: 1,
              reopened: true,
              withdrawn: ['next'],
              reason: '意见写错，重新签批',
            }),
          }),
        ]);

        // deciding again moves the plan on as the first time: the next step opens afresh
        await approve(h, 'st', 'a1');
        const reopened = stepOf(await h.query(caseStateQuery), 'next')!;
        expect(reopened).toMatchObject({ status: 'open', generation: 2 });
        await approve(h, 'next', 'n1');
        expect((await h.query(caseStateQuery)).outcome).toBe('approved');
      });
    },
    60_000,
  );

  it.each(SHAPES)(
    '%s: refused once the next step has acted, with who did what; nothing changes',
    async (shape) => {
      await withCase(shapes[shape](), async (h) => {
        expect(await rejection(recall(h, 'st', 'a1'))).toBe(
          'a1 has not decided on step "st" yet: there is nothing to recall',
        );
        await readyForNext(h, shape);
        await approve(h, 'st', 'a1');
        expect(await rejection(recall(h, 'st', 'z9'))).toBe('z9 has no decision on step "st" to recall');
        await h.executeUpdate(copyTo, { args: [{ stepId: 'next', actor: 'n1', to: ['x9'] }] });
        const before = await h.query(caseStateQuery);
        expect(stepOf(before, 'st')!.recallable).toEqual([]);
        expect(await rejection(recall(h, 'st', 'a1'))).toMatch(
          /^the next step 消防审查 \("next"\) has already acted \(cc by n1 at .*\); ask them to send it back \(退回\) to this step instead$/,
        );
        const after = await h.query(caseStateQuery);
        expect(after.history).toEqual(before.history);
        await approve(h, 'next', 'n1');
        expect(await rejection(recall(h, 'next', 'n1'))).toMatch(
          /^case RECALL-\d+ is awaiting issuance \(decided at .*\): the review is closed, so no decision can be recalled any more$/,
        );
      });
    },
    60_000,
  );

  it('countersign: a vote on a step still open is taken back at once; the voter holds the task again', async () => {
    await withCase(shapes.countersign(), async (h, fake) => {
      const voted = await approve(h, 'st', 'a1');
      expect(voted).toMatchObject({ status: 'open', turn: ['c2'], recallable: ['a1'] });
      const back = await recall(h, 'st', 'a1');
      expect(back).toMatchObject({ status: 'open', generation: 1, turn: ['c2', 'a1'], recallable: [] });
      expect(fake.of('setTaskHolders').map((c) => c.holders)).toEqual([['c2'], ['c2', 'a1']]);
      expect(fake.of('recordDecision').find((d) => d.action === 'recall')).toMatchObject({
        details: { recalled: 'approve', reopened: false, generation: 1 },
      });
      expect(stepOf(await h.query(caseStateQuery), 'next')).toBeUndefined();
      await approve(h, 'st', 'c2');
      expect((await approve(h, 'st', 'a1')).status).toBe('approved');
    });
  }, 60_000);

  it('parallel branch, refusal: a refusal that closed its branch is taken back; the case no longer counts it', async () => {
    await withCase(shapes.parallel(), async (h) => {
      const refused = await h.executeUpdate(refuseStep, {
        args: [{ stepId: 'st', actor: 'a1', reasons: ['用地性质不符'] }],
      });
      expect(refused).toMatchObject({ status: 'refused', recallable: ['a1'] });
      const back = await recall(h, 'st', 'a1');
      expect(back).toMatchObject({ status: 'open', turn: ['a1'] });
      expect(back.assignees[0].reasons).toBeUndefined();
      expect((await h.query(caseStateQuery)).refusals).toEqual([]);
      await approve(h, 'st', 'a1');
      await approve(h, 'other', 'o1');
      await approve(h, 'next', 'n1');
      const view = await h.query(caseStateQuery);
      expect(view.outcome).toBe('approved');
      expect(view.refusals).toEqual([]);
    });
  }, 60_000);

  it('依次审批: only the last signer whose vote nobody built on may recall; then the turn is theirs again', async () => {
    const plan = planBuilder('recall-seq')
      .accept()
      .department(st(['s1', 's2', 's3'], { mode: 'sequential' }))
      .department(next)
      .issue()
      .build();
    await withCase(plan, async (h) => {
      await approve(h, 'st', 's1');
      await approve(h, 'st', 's2');
      expect(stepOf(await h.query(caseStateQuery), 'st')!.recallable).toEqual(['s2']);
      expect(await rejection(recall(h, 'st', 's1'))).toMatch(
        /^s2 signed step "st" after s1 \(approve at .*\): ask s2 to recall their decision first$/,
      );
      expect((await recall(h, 'st', 's2')).turn).toEqual(['s2']);
      expect((await recall(h, 'st', 's1')).turn).toEqual(['s1']);
      await approve(h, 'st', 's1');
      await approve(h, 'st', 's2');
      expect((await approve(h, 'st', 's3')).status).toBe('approved');
      // the step closed: its last signer may still take it back while 消防审查 has not acted
      expect((await recall(h, 'st', 's3')).turn).toEqual(['s3']);
      expect((await approve(h, 'st', 's3')).status).toBe('approved');
    });
  }, 60_000);
});
