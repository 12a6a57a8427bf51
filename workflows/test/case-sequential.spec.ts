import { planBuilder } from '@onewindow/flow-model';
import {
  addSigners,
  approveStep,
  caseStateQuery,
  delegateTask,
  refuseStep,
  removeSigners,
  resolveDelegation,
  sendBack,
  transferTask,
} from '../src/index';
import type { CaseView } from '../src/index';
import { caseRunner, rejection, useTimeSkippingEnv } from './case-harness';

type Handle = Parameters<Parameters<ReturnType<typeof caseRunner>>[1]>[0];
const approve = (h: Handle, stepId: string, actor: string, comment?: string) =>
  h.executeUpdate(approveStep, { args: [{ stepId, actor, ...(comment ? { comment } : {}) }] });
const stepOf = (view: CaseView, stepId: string) => view.steps.find((s) => s.stepId === stepId)!;

/** 依次审批: s1, then s2, then s3. */
const sequentialStep = (assignees = ['s1', 's2', 's3']) => ({
  id: 'st',
  name: '规划审查',
  departmentCode: 'D1',
  limitWorkingDays: 5,
  assignees,
  countersign: { mode: 'sequential' as const },
});

/** Where the sequential step stands: alone in the sequence, or in one of two parallel branches. */
const shapes = {
  single: () => planBuilder('seq-single').accept().department(sequentialStep()).issue().build(),
  parallel: () =>
    planBuilder('seq-parallel')
      .accept()
      .parallel([
        (b) => b.department(sequentialStep()),
        (b) => b.department({ id: 'other', departmentCode: 'D2', limitWorkingDays: 5, assignees: ['o1'] }),
      ])
      .issue()
      .build(),
};
type Shape = keyof typeof shapes;
const SHAPES: Shape[] = ['single', 'parallel'];

describe('caseWorkflow: 依次审批 (sequential countersign)', () => {
  const env = useTimeSkippingEnv();
  const withCase = caseRunner(env, 'SEQ');

  it.each(SHAPES)(
    '%s: the signers act one after another in the plan order, each sees the earlier opinions, the task row follows the turn',
    async (shape) => {
      await withCase(shapes[shape](), async (h, fake) => {
        const opened = stepOf(await h.query(caseStateQuery), 'st');
        expect(opened.turn).toEqual(['s1']);
        expect(fake.of('openTask').find((c) => c.stepId === 'st')).toMatchObject({ assignees: ['s1'] });
        expect(await rejection(approve(h, 'st', 's2'))).toBe(
          'step "st" is signed in turn (依次审批): it is s1\'s turn now (signer 1 of 3); s2 signs as signer 2, once everyone before them has approved',
        );
        const first = await approve(h, 'st', 's1', '材料齐全，同意');
        expect(first.status).toBe('open');
        expect(first.turn).toEqual(['s2']);
        expect(await rejection(approve(h, 'st', 's3'))).toMatch(/it is s2's turn now \(signer 2 of 3\)/);
        expect(await rejection(approve(h, 'st', 's1'))).toMatch(/s1 has already decided on step "st"/);
        // s2 sees s1's opinion on the step before deciding
        const seen = stepOf(await h.query(caseStateQuery), 'st');
        expect(seen.assignees.map((a) => [a.userId, a.status, a.comment])).toEqual([
          ['s1', 'approved', '材料齐全，同意'],
          ['s2', 'pending', undefined],
          ['s3', 'pending', undefined],
        ]);
        await approve(h, 'st', 's2', '同意');
        expect(fake.of('setTaskHolders').map((c) => c.holders)).toEqual([['s2'], ['s3']]);
        const done = await approve(h, 'st', 's3');
        expect(done.status).toBe('approved');
        expect(done.turn).toEqual([]);
        if (shape === 'parallel') await approve(h, 'other', 'o1');
        const view = await h.query(caseStateQuery);
        expect(view.phase).toBe('awaiting_issuance');
        expect(view.outcome).toBe('approved');
        expect(fake.of('closeTask').filter((c) => c.stepId === 'st')).toEqual([
          expect.objectContaining({ generation: 1, status: 'approved' }),
        ]);
      });
    },
    60_000,
  );

  it.each(SHAPES)(
    '%s: one refusal in the line refuses the step; the signers after it never act',
    async (shape) => {
      await withCase(shapes[shape](), async (h) => {
        await approve(h, 'st', 's1');
        const refused = await h.executeUpdate(refuseStep, {
          args: [{ stepId: 'st', actor: 's2', reasons: ['规划指标不符'] }],
        });
        expect(refused.status).toBe('refused');
        expect(refused.assignees.map((a) => a.status)).toEqual(['approved', 'refused', 'pending']);
        expect(await rejection(approve(h, 'st', 's3'))).toMatch(
          shape === 'single'
            ? /is awaiting issuance: review decisions are closed/
            : /step "st" is already refused/,
        );
        if (shape === 'parallel') await approve(h, 'other', 'o1');
        const view = await h.query(caseStateQuery);
        expect(view.outcome).toBe('refused');
        expect(view.refusals).toEqual([{ stepId: 'st', reasons: ['规划指标不符'] }]);
      });
    },
    60_000,
  );

  it('加签 before / after joins the line at the actor; in parallel is refused; 减签 shortens the line', async () => {
    await withCase(shapes.single(), async (h) => {
      expect(
        await rejection(
          h.executeUpdate(addSigners, {
            args: [{ stepId: 'st', actor: 's1', signers: ['x1'], position: 'parallel', reason: '会商' }],
          }),
        ),
      ).toBe(
        'step "st" is signed in turn (依次审批), so nobody signs in parallel: add the signers before you (they sign first) or after you (they sign next)',
      );
      const before = await h.executeUpdate(addSigners, {
        args: [{ stepId: 'st', actor: 's1', signers: ['b1'], position: 'before', reason: '先请科长把关' }],
      });
      expect(before.turn).toEqual(['b1']);
      expect(await rejection(approve(h, 'st', 's1'))).toMatch(/it is b1's turn now \(signer 1 of 4\)/);
      await approve(h, 'st', 'b1');
      await h.executeUpdate(addSigners, {
        args: [{ stepId: 'st', actor: 's1', signers: ['a1'], position: 'after', reason: '请法规科复核' }],
      });
      const afterS1 = await approve(h, 'st', 's1');
      // a1 signs right after s1, before s2
      expect(afterS1.turn).toEqual(['a1']);
      expect(await rejection(approve(h, 'st', 's2'))).toMatch(/it is a1's turn now \(signer 3 of 5\)/);
      await approve(h, 'st', 'a1');
      // 减签: s2 takes s3 off the line; s2's approval then closes the step
      await h.executeUpdate(removeSigners, {
        args: [{ stepId: 'st', actor: 's2', signers: ['s3'], reason: '无需会签' }],
      });
      const done = await approve(h, 'st', 's2');
      expect(done.status).toBe('approved');
      expect(done.assignees.map((a) => `${a.userId}:${a.status}`)).toEqual([
        's1:approved',
        's2:approved',
        's3:removed',
        'b1:approved',
        'a1:approved',
      ]);
    });
  }, 60_000);

  it('转办 puts the successor in the same place in line; 委派 holds the line until the delegate answers', async () => {
    await withCase(shapes.single(), async (h, fake) => {
      await h.executeUpdate(delegateTask, {
        args: [{ stepId: 'st', actor: 's1', to: 'd1', reason: '请核实现场' }],
      });
      expect(await rejection(approve(h, 'st', 's2'))).toMatch(
        /it is s1's \(delegated to d1, 委派\) turn now \(signer 1 of 3\)/,
      );
      await h.executeUpdate(resolveDelegation, {
        args: [{ stepId: 'st', actor: 'd1', opinion: 'agree', comment: '现场属实' }],
      });
      await approve(h, 'st', 's1');
      // a lead hands s2's place to t2, who signs second, as s2 would have
      const moved = await h.executeUpdate(transferTask, {
        args: [{ stepId: 'st', actor: 'lead', from: 's2', to: ['t2'], reason: '休假', authority: 'lead' }],
      });
      expect(moved.turn).toEqual(['t2']);
      expect(fake.of('openTask').at(-1)).toMatchObject({ stepId: 'st', assignees: ['t2'] });
      expect(await rejection(approve(h, 'st', 's3'))).toMatch(/it is t2's turn now \(signer 2 of 3\)/);
      await approve(h, 'st', 't2');
      expect((await approve(h, 'st', 's3')).status).toBe('approved');
    });
  }, 60_000);

  it('退回 to an earlier step: the sequential step opens again with the whole line undecided, from the first signer', async () => {
    const plan = planBuilder('seq-back')
      .accept()
      .department({ id: 'pre', departmentCode: 'D0', limitWorkingDays: 5, assignees: ['p1'] })
      .department(sequentialStep())
      .issue()
      .build();
    await withCase(plan, async (h) => {
      await approve(h, 'pre', 'p1');
      await approve(h, 'st', 's1');
      expect(
        await rejection(
          h.executeUpdate(sendBack, {
            args: [{ stepId: 'st', actor: 's3', to: { kind: 'previous' }, reason: '缺图纸' }],
          }),
        ),
      ).toMatch(/it is s2's turn now/);
      await h.executeUpdate(sendBack, {
        args: [{ stepId: 'st', actor: 's2', to: { kind: 'previous' }, reason: '缺图纸' }],
      });
      await approve(h, 'pre', 'p1');
      const reopened = stepOf(await h.query(caseStateQuery), 'st');
      expect(reopened.generation).toBe(2);
      expect(reopened.turn).toEqual(['s1']);
      expect(reopened.assignees.map((a) => a.status)).toEqual(['pending', 'pending', 'pending']);
      await approve(h, 'st', 's1');
      await approve(h, 'st', 's2');
      expect((await approve(h, 'st', 's3')).status).toBe('approved');
    });
  }, 60_000);
});
