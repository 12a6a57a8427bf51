import { planBuilder, type Countersign } from '@onewindow/flow-model';
import {
  addSigners,
  approveStep,
  caseStateQuery,
  copyTo,
  delegateTask,
  refuseStep,
  removeSigners,
  resolveDelegation,
  transferTask,
} from '../src/index';
import type { CaseView } from '../src/index';
import { caseRunner, rejection, useTimeSkippingEnv } from './case-harness';

type Handle = Parameters<Parameters<ReturnType<typeof caseRunner>>[1]>[0];
const approve = (h: Handle, stepId: string, actor: string) =>
  h.executeUpdate(approveStep, { args: [{ stepId, actor }] });
const stepOf = (view: CaseView, stepId: string) => view.steps.find((s) => s.stepId === stepId)!;

/** Where a verb is used: a single step, a step inside a parallel branch, a countersign step. */
const shapes = {
  single: () =>
    planBuilder('single')
      .accept()
      .department({ id: 'st', departmentCode: 'D1', limitWorkingDays: 5, assignees: ['a1'] })
      .issue()
      .build(),
  parallel: () =>
    planBuilder('parallel')
      .accept()
      .parallel([
        (s) => s.department({ id: 'st', departmentCode: 'D1', limitWorkingDays: 5, assignees: ['a1'] }),
        (s) => s.department({ id: 'other', departmentCode: 'D2', limitWorkingDays: 5, assignees: ['o1'] }),
      ])
      .issue()
      .build(),
  countersign: (countersign: Countersign = { mode: 'all' }, assignees = ['a1', 'c2']) =>
    planBuilder('countersign')
      .accept()
      .department({ id: 'st', departmentCode: 'D1', limitWorkingDays: 5, assignees, countersign })
      .issue()
      .build(),
};
type Shape = keyof typeof shapes;
const SHAPES: Shape[] = ['single', 'parallel', 'countersign'];

/** Approves whatever else the shape needs so the case reaches issuance. */
async function finishOthers(h: Handle, shape: Shape): Promise<void> {
  if (shape === 'parallel') await approve(h, 'other', 'o1');
  if (shape === 'countersign') await approve(h, 'st', 'c2');
}

/** 转办, 委派 and 加签 never move a clock: the step and case due dates stay where they were. */
async function expectClocksUnmoved(h: Handle, before: CaseView): Promise<void> {
  const after = await h.query(caseStateQuery);
  expect(stepOf(after, 'st').clock.dueDate).toBe(stepOf(before, 'st').clock.dueDate);
  expect(after.clocks.statutory.dueDate).toBe(before.clocks.statutory.dueDate);
  expect(after.clocks.suspended).toBe(false);
}

describe('caseWorkflow: 转办, 委派, 加签/减签, 抄送', () => {
  const env = useTimeSkippingEnv();
  const withCase = caseRunner(env, 'SIGN');

  it.each(SHAPES)(
    '转办 (%s): the place moves to the new person, the task row follows, no clock moves',
    async (shape) => {
      await withCase(shapes[shape](), async (h, fake) => {
        const before = await h.query(caseStateQuery);
        expect(
          await rejection(
            h.executeUpdate(transferTask, {
              args: [{ stepId: 'st', actor: 'a1', to: ['a1'], reason: '休假' }],
            }),
          ),
        ).toMatch(/a1 already sign step "st"/);
        expect(
          await rejection(
            h.executeUpdate(transferTask, {
              args: [{ stepId: 'st', actor: 'x9', from: 'a1', to: ['b1'], reason: '休假' }],
            }),
          ),
        ).toMatch(/x9 can transfer only their own place on step "st"; a department lead reassigns/);
        const moved = await h.executeUpdate(transferTask, {
          args: [{ stepId: 'st', actor: 'a1', to: ['b1'], reason: '休假' }],
          updateId: 'transfer-1',
        });
        await h.executeUpdate(transferTask, {
          args: [{ stepId: 'st', actor: 'a1', to: ['b1'], reason: '休假' }],
          updateId: 'transfer-1',
        });
        expect(moved.assignees.map((a) => [a.userId, a.status, a.source])).toEqual(
          shape === 'countersign'
            ? [
                ['a1', 'removed', 'plan'],
                ['c2', 'pending', 'plan'],
                ['b1', 'pending', 'transferred'],
              ]
            : [
                ['a1', 'removed', 'plan'],
                ['b1', 'pending', 'transferred'],
              ],
        );
        expect(await rejection(approve(h, 'st', 'a1'))).toMatch(/a1 is not an assignee of step "st"/);
        await expectClocksUnmoved(h, before);
        expect(fake.of('closeTask').map((c) => `${c.generation}:${c.status}`)).toEqual(['1:transferred']);
        expect(
          fake
            .of('openTask')
            .filter((c) => c.stepId === 'st')
            .map((c) => [c.generation, c.assignees]),
        ).toEqual([
          [1, shape === 'countersign' ? ['a1', 'c2'] : ['a1']],
          [2, shape === 'countersign' ? ['b1', 'c2'] : ['b1']],
        ]);
        await approve(h, 'st', 'b1');
        await finishOthers(h, shape);
        expect((await h.query(caseStateQuery)).outcome).toBe('approved');
        expect(fake.of('recordDecision').filter((d) => d.action === 'transfer')).toEqual([
          expect.objectContaining({
            actor: 'a1',
            details: expect.objectContaining({ from: 'a1', to: ['b1'], authority: 'assignee' }),
          }),
        ]);
      });
    },
    60_000,
  );

  it('转办 by a lead to a group: any member takes the place; the vote records who acted', async () => {
    await withCase(shapes.countersign(), async (h) => {
      await approve(h, 'st', 'c2');
      await h.executeUpdate(transferTask, {
        args: [
          {
            stepId: 'st',
            actor: 'lead-1',
            from: 'a1',
            to: ['g1', 'g2'],
            groupName: '法规科',
            reason: '重新分工',
            authority: 'lead',
          },
        ],
      });
      const view = stepOf(await h.query(caseStateQuery), 'st');
      expect(view.assignees.find((a) => a.source === 'transferred')).toMatchObject({
        userId: 'group:法规科',
        candidates: ['g1', 'g2'],
      });
      const done = await approve(h, 'st', 'g2');
      expect(done.status).toBe('approved');
      expect(done.assignees.find((a) => a.userId === 'group:法规科')).toMatchObject({
        status: 'approved',
        decidedBy: 'g2',
      });
    });
  }, 60_000);

  it.each(SHAPES)(
    '委派 (%s): the owner cannot decide until the delegate resolves it; then the task comes back',
    async (shape) => {
      await withCase(shapes[shape](), async (h, fake) => {
        const before = await h.query(caseStateQuery);
        expect(
          await rejection(
            h.executeUpdate(delegateTask, {
              args: [{ stepId: 'st', actor: 'a1', to: 'a1', reason: '核实' }],
            }),
          ),
        ).toMatch(/cannot be delegated to oneself/);
        await h.executeUpdate(delegateTask, {
          args: [{ stepId: 'st', actor: 'a1', to: 'd1', reason: '请核实现场照片' }],
        });
        expect(await rejection(approve(h, 'st', 'a1'))).toMatch(
          /a1 delegated step "st" to d1 \(委派\) since .*: it comes back when d1 resolves it/,
        );
        expect(await rejection(approve(h, 'st', 'd1'))).toMatch(
          /d1 holds step "st" as a delegate \(委派\): answer with resolveDelegation; the owner decides/,
        );
        expect(
          await rejection(
            h.executeUpdate(resolveDelegation, {
              args: [{ stepId: 'st', actor: 'z1', opinion: 'agree', comment: '无' }],
            }),
          ),
        ).toMatch(/z1 has no task of step "st" delegated to them/);
        if (shape === 'countersign') {
          // The other signer still decides on their own; the step waits for the owner's vote.
          expect((await approve(h, 'st', 'c2')).status).toBe('open');
        }
        const back = await h.executeUpdate(resolveDelegation, {
          args: [{ stepId: 'st', actor: 'd1', opinion: 'agree', comment: '现场照片属实' }],
        });
        expect(back.assignees.find((a) => a.userId === 'a1')).toMatchObject({
          status: 'pending',
          opinions: [expect.objectContaining({ by: 'd1', opinion: 'agree' })],
        });
        expect(back.assignees.find((a) => a.userId === 'a1')!.delegation).toBeUndefined();
        await expectClocksUnmoved(h, before);
        expect((await approve(h, 'st', 'a1')).status).toBe('approved');
        if (shape === 'parallel') await approve(h, 'other', 'o1');
        expect((await h.query(caseStateQuery)).outcome).toBe('approved');
        const holders = fake
          .of('openTask')
          .filter((c) => c.stepId === 'st')
          .map((c) => c.assignees);
        expect(holders[1]).toContain('d1');
        expect(holders[2]).toContain('a1');
        expect(
          fake
            .of('closeTask')
            .filter((c) => c.stepId === 'st')
            .map((c) => c.status),
        ).toEqual(['delegated', 'delegation_resolved', 'approved']);
      });
    },
    60_000,
  );

  it.each(SHAPES)(
    '加签 in parallel (%s): the added signer is another seat; the rule now needs them too',
    async (shape) => {
      await withCase(shapes[shape](), async (h) => {
        const before = await h.query(caseStateQuery);
        expect(
          await rejection(
            h.executeUpdate(addSigners, {
              args: [{ stepId: 'st', actor: 'a1', signers: ['a1'], position: 'parallel', reason: 'x' }],
            }),
          ),
        ).toMatch(/a1 already sign/);
        await h.executeUpdate(addSigners, {
          args: [{ stepId: 'st', actor: 'a1', signers: ['x1'], position: 'parallel', reason: '涉及规划' }],
        });
        await expectClocksUnmoved(h, before);
        expect((await approve(h, 'st', 'a1')).status).toBe('open');
        await finishOthers(h, shape === 'parallel' ? 'parallel' : 'single');
        if (shape === 'countersign') expect((await approve(h, 'st', 'c2')).status).toBe('open');
        expect((await approve(h, 'st', 'x1')).status).toBe('approved');
        expect((await h.query(caseStateQuery)).phase).toBe('awaiting_issuance');
      });
    },
    60_000,
  );

  it('加签 before and after: signing order inside the seat is enforced, and a refusal by an added signer refuses the seat', async () => {
    await withCase(shapes.single(), async (h, fake) => {
      await h.executeUpdate(addSigners, {
        args: [{ stepId: 'st', actor: 'a1', signers: ['b0'], position: 'before', reason: '先请科长审核' }],
      });
      expect(fake.of('openTask').at(-1)).toMatchObject({ generation: 2, assignees: ['b0'] });
      expect(await rejection(approve(h, 'st', 'a1'))).toMatch(
        /a1 signs step "st" after b0 \(加签\): wait for them to sign first/,
      );
      expect((await approve(h, 'st', 'b0')).status).toBe('open');
      // b0's vote did not decide the step: the task row now belongs to a1, whose turn it is.
      expect(fake.of('setTaskHolders')).toEqual([
        expect.objectContaining({ stepId: 'st', generation: 2, holders: ['a1'] }),
      ]);
      await h.executeUpdate(addSigners, {
        args: [{ stepId: 'st', actor: 'a1', signers: ['z1'], position: 'after', reason: '再请分管领导签' }],
      });
      expect((await approve(h, 'st', 'a1')).status).toBe('open');
      const refused = await h.executeUpdate(refuseStep, {
        args: [{ stepId: 'st', actor: 'z1', reasons: ['选址不符合规划'] }],
      });
      expect(refused.status).toBe('refused');
      expect((await h.query(caseStateQuery)).refusals).toEqual([
        { stepId: 'st', reasons: ['选址不符合规划'] },
      ]);
    });
  }, 60_000);

  it('加签 under any and at_least N: the rule counts the added seats', async () => {
    await withCase(shapes.countersign({ mode: 'any' }), async (h) => {
      await h.executeUpdate(addSigners, {
        args: [{ stepId: 'st', actor: 'a1', signers: ['x1'], position: 'parallel', reason: '征求意见' }],
      });
      expect((await approve(h, 'st', 'x1')).status).toBe('approved');
    });
    await withCase(shapes.countersign({ mode: 'at_least', n: 2 }, ['a1', 'c2', 'c3']), async (h) => {
      await h.executeUpdate(refuseStep, { args: [{ stepId: 'st', actor: 'c2', reasons: ['不同意'] }] });
      await h.executeUpdate(addSigners, {
        args: [{ stepId: 'st', actor: 'a1', signers: ['x1'], position: 'parallel', reason: '补充评审' }],
      });
      await h.executeUpdate(refuseStep, { args: [{ stepId: 'st', actor: 'c3', reasons: ['不同意'] }] });
      expect(stepOf(await h.query(caseStateQuery), 'st').status).toBe('open'); // a1 and x1 can still reach 2
      expect((await approve(h, 'st', 'a1')).status).toBe('open');
      expect((await approve(h, 'st', 'x1')).status).toBe('approved');
    });
  }, 60_000);

  it.each(SHAPES)(
    '减签 (%s): removing the last undecided signer completes the step by its rule',
    async (shape) => {
      const plan =
        shape === 'countersign' ? shapes.countersign({ mode: 'all' }, ['a1', 'c2', 'c3']) : shapes[shape]();
      await withCase(plan, async (h, fake) => {
        if (shape !== 'countersign')
          await h.executeUpdate(addSigners, {
            args: [{ stepId: 'st', actor: 'a1', signers: ['x1'], position: 'parallel', reason: '征求意见' }],
          });
        expect(
          await rejection(
            h.executeUpdate(removeSigners, {
              args: [{ stepId: 'st', actor: 'a1', signers: ['a1'], reason: 'x' }],
            }),
          ),
        ).toMatch(/a1 cannot remove themselves: transfer the task instead/);
        expect(
          await rejection(
            h.executeUpdate(removeSigners, {
              args: [{ stepId: 'st', actor: 'nobody', signers: ['x1'], reason: 'x' }],
            }),
          ),
        ).toMatch(/nobody is not a signer of step "st"/);
        await approve(h, 'st', 'a1');
        if (shape === 'countersign') await approve(h, 'st', 'c2');
        const last = shape === 'countersign' ? 'c3' : 'x1';
        const removed = await h.executeUpdate(removeSigners, {
          args: [{ stepId: 'st', actor: 'a1', signers: [last], reason: '无需会签' }],
        });
        expect(removed.status).toBe('approved');
        expect(removed.assignees.find((a) => a.userId === last)).toMatchObject({
          status: 'removed',
          removedBy: 'a1',
        });
        expect(
          fake
            .of('closeTask')
            .filter((c) => c.stepId === 'st')
            .at(-1),
        ).toMatchObject({ status: 'approved' });
      });
    },
    60_000,
  );

  it('减签 is refused when it would remove a decided signer or make at_least N unreachable, and only signers may remove', async () => {
    await withCase(shapes.countersign({ mode: 'at_least', n: 2 }, ['a1', 'c2', 'c3']), async (h) => {
      await h.executeUpdate(refuseStep, { args: [{ stepId: 'st', actor: 'c2', reasons: ['不同意'] }] });
      expect(
        await rejection(
          h.executeUpdate(removeSigners, {
            args: [{ stepId: 'st', actor: 'a1', signers: ['c2'], reason: 'x' }],
          }),
        ),
      ).toMatch(/c2 has already refused step "st": a decided signer cannot be removed/);
      expect(
        await rejection(
          h.executeUpdate(removeSigners, {
            args: [{ stepId: 'st', actor: 'a1', signers: ['c3'], reason: 'x' }],
          }),
        ),
      ).toMatch(/would leave 1 possible approvals on step "st", which needs at least 2: add a signer first/);
      expect(stepOf(await h.query(caseStateQuery), 'st').assignees.every((a) => a.status !== 'removed')).toBe(
        true,
      );
    });
    await withCase(shapes.single(), async (h) => {
      await h.executeUpdate(addSigners, {
        args: [{ stepId: 'st', actor: 'a1', signers: ['x1'], position: 'parallel', reason: 'x' }],
      });
      await h.executeUpdate(transferTask, {
        args: [{ stepId: 'st', actor: 'a1', to: ['b1'], reason: '调岗' }],
      });
      expect(
        await rejection(
          h.executeUpdate(removeSigners, {
            args: [{ stepId: 'st', actor: 'b1', signers: ['x1'], reason: 'x' }],
          }),
        ),
      ).toBe('accepted');
      expect(stepOf(await h.query(caseStateQuery), 'st').status).toBe('open');
      expect(
        await rejection(
          h.executeUpdate(removeSigners, {
            args: [{ stepId: 'st', actor: 'x1', signers: ['b1'], reason: 'x' }],
          }),
        ),
      ).toMatch(/x1 is not a signer of step "st"/);
      expect(
        await rejection(
          h.executeUpdate(removeSigners, {
            args: [{ stepId: 'st', actor: 'a1', signers: ['b1'], reason: 'x' }],
          }),
        ),
      ).toMatch(/a1 is not a signer of step "st"/);
    });
  }, 60_000);

  it.each(SHAPES)(
    '抄送 (%s): read-only copies are recorded once, and only a signer may copy',
    async (shape) => {
      await withCase(shapes[shape](), async (h, fake) => {
        const before = await h.query(caseStateQuery);
        const copied = await h.executeUpdate(copyTo, {
          args: [{ stepId: 'st', actor: 'a1', to: ['v1', 'v2'], note: '请知悉' }],
        });
        expect(copied.cc).toEqual([
          expect.objectContaining({ userId: 'v1', by: 'a1', note: '请知悉' }),
          expect.objectContaining({ userId: 'v2', by: 'a1' }),
        ]);
        expect(
          await rejection(h.executeUpdate(copyTo, { args: [{ stepId: 'st', actor: 'a1', to: ['v1'] }] })),
        ).toMatch(/step "st" is already copied to v1/);
        expect(
          await rejection(h.executeUpdate(copyTo, { args: [{ stepId: 'st', actor: 'v1', to: ['v3'] }] })),
        ).toMatch(/v1 is not a signer of step "st"/);
        expect(await rejection(approve(h, 'st', 'v1'))).toMatch(/v1 is not an assignee/);
        await expectClocksUnmoved(h, before);
        expect(fake.of('recordDecision').filter((d) => d.action === 'cc')).toEqual([
          expect.objectContaining({ actor: 'a1', details: { to: ['v1', 'v2'], note: '请知悉' } }),
        ]);
        expect(fake.of('closeTask')).toHaveLength(0);
      });
    },
    60_000,
  );
});
