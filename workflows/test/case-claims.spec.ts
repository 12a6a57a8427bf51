import { planBuilder } from '@onewindow/flow-model';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  approveStep,
  assignTask,
  caseStateQuery,
  claimTask,
  refuseStep,
  requestExtension,
  transferTask,
  unclaimTask,
  type CaseView,
} from '../src/index';
import { caseRunner, rejection, useTimeSkippingEnv } from './case-harness';

type Handle = Parameters<Parameters<ReturnType<typeof caseRunner>>[1]>[0];
const stepOf = (view: CaseView, stepId: string) => view.steps.find((s) => s.stepId === stepId)!;
const approver = (departmentCode = 'D1') => ({ departmentCode, roles: ['dept_approver'] });

/** A step without named assignees: offered to D1's dept_approver group. */
const groupPlan = () =>
  planBuilder('group')
    .accept()
    .department({ id: 'st', departmentCode: 'D1', role: 'dept_approver', limitWorkingDays: 5, assignees: [] })
    .issue()
    .build();

const claim = (h: Handle, actor: string, extra: Record<string, unknown> = {}) =>
  h.executeUpdate(claimTask, { args: [{ stepId: 'st', actor, member: approver(), ...extra }] });

/** The failure type and details of a refused Update. */
async function refusal(p: Promise<unknown>): Promise<{ type?: string; message: string; details: unknown }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure)
      return { type: e.cause.type ?? undefined, message: e.cause.message, details: e.cause.details?.[0] };
    if (e instanceof WorkflowUpdateFailedError)
      return { message: e.cause?.message ?? e.message, details: undefined };
    throw e;
  }
  throw new Error('the Update was accepted');
}

describe('caseWorkflow: 签收 (claim), 退回签收 (unclaim), 指派 (assign) of group tasks', () => {
  const env = useTimeSkippingEnv();
  const withCase = caseRunner(env, 'CLAIM');

  it('a step without named assignees opens for its role group; it must be claimed before anyone decides', async () => {
    await withCase(groupPlan(), async (h, fake) => {
      const view = await h.query(caseStateQuery);
      expect(stepOf(view, 'st').assignees).toEqual([
        expect.objectContaining({
          userId: 'group:D1/dept_approver',
          status: 'pending',
          group: { departmentCode: 'D1', role: 'dept_approver' },
        }),
      ]);
      expect(fake.of('openTask')).toEqual([
        expect.objectContaining({
          stepId: 'st',
          generation: 1,
          assignees: ['group:D1/dept_approver'],
          claim: { state: 'unclaimed' },
        }),
      ]);
      expect(
        await rejection(h.executeUpdate(approveStep, { args: [{ stepId: 'st', actor: 'zhang' }] })),
      ).toMatch(/step "st" is offered to the dept_approver group of D1: claim it \(签收\) first/);
      // Another department's approver, and someone without the role, are not in the group.
      expect(await rejection(claim(h, 'wang', { member: approver('D2') }))).toMatch(
        /wang is not in the group of step "st" \(dept_approver of D1\)/,
      );
      expect(
        await rejection(claim(h, 'clerk', { member: { departmentCode: 'D1', roles: ['window_clerk'] } })),
      ).toMatch(/clerk is not in the group of step "st"/);
      expect(await h.query(caseStateQuery)).toEqual(view);
    });
  });

  it('two approvers claim at once: one wins, the other is refused with who holds it and since when', async () => {
    await withCase(groupPlan(), async (h, fake) => {
      const results = await Promise.allSettled([claim(h, 'zhang'), claim(h, 'li')]);
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const view = await h.query(caseStateQuery);
      const seat = stepOf(view, 'st').assignees[0];
      const winner = seat.userId;
      const loser = winner === 'zhang' ? 'li' : 'zhang';
      expect(['zhang', 'li']).toContain(winner);
      expect(seat.claim).toEqual({
        by: winner,
        at: expect.any(String),
        pool: { userId: 'group:D1/dept_approver', group: { departmentCode: 'D1', role: 'dept_approver' } },
      });

      // The loser's second try gets the same clear refusal, typed for the API.
      const refused = await refusal(claim(h, loser));
      expect(refused.type).toBe('TaskClaimed');
      expect(refused.message).toMatch(new RegExp(`already claimed by ${winner} at ${seat.claim!.at}`));
      expect(refused.details).toEqual({ stepId: 'st', departmentCode: 'D1', by: winner, at: seat.claim!.at });
      // Nor may the loser decide it.
      expect(
        (await refusal(h.executeUpdate(approveStep, { args: [{ stepId: 'st', actor: loser }] }))).type,
      ).toBe('TaskClaimed');
      expect(await rejection(claim(h, winner))).toMatch(new RegExp(`${winner} already holds step "st"`));

      // The task row moved to the winner: generation 1 closes as claimed, generation 2 is theirs.
      expect(fake.of('closeTask')).toEqual([
        expect.objectContaining({ stepId: 'st', generation: 1, status: 'claimed' }),
      ]);
      expect(fake.of('openTask').at(-1)).toEqual(
        expect.objectContaining({
          generation: 2,
          assignees: [winner],
          claim: { state: 'claimed', by: winner, at: seat.claim!.at },
        }),
      );
      expect(view.history.filter((e) => e.action === 'claim')).toEqual([
        expect.objectContaining({
          actor: winner,
          stepId: 'st',
          details: { group: 'group:D1/dept_approver' },
        }),
      ]);

      await h.executeUpdate(approveStep, { args: [{ stepId: 'st', actor: winner, comment: '同意' }] });
      expect(stepOf(await h.query(caseStateQuery), 'st').status).toBe('approved');
    });
  });

  it('退回签收 gives the task back to the group; another member then claims it', async () => {
    await withCase(groupPlan(), async (h, fake) => {
      await claim(h, 'zhang');
      expect(
        await rejection(h.executeUpdate(unclaimTask, { args: [{ stepId: 'st', actor: 'li' }] })),
      ).toMatch(/li holds no claimed seat of step "st" to give back \(claimed: zhang/);
      const back = await h.executeUpdate(unclaimTask, {
        args: [{ stepId: 'st', actor: 'zhang', reason: '出差' }],
      });
      expect(back.assignees).toEqual([
        expect.objectContaining({
          userId: 'group:D1/dept_approver',
          group: { departmentCode: 'D1', role: 'dept_approver' },
          status: 'pending',
        }),
      ]);
      expect(back.assignees[0].claim).toBeUndefined();
      expect(fake.of('closeTask').map((c) => c.status)).toEqual(['claimed', 'unclaimed']);
      expect(fake.of('openTask').at(-1)).toEqual(
        expect.objectContaining({
          generation: 3,
          assignees: ['group:D1/dept_approver'],
          claim: { state: 'unclaimed' },
        }),
      );
      await claim(h, 'li');
      await h.executeUpdate(refuseStep, { args: [{ stepId: 'st', actor: 'li', reasons: ['材料不实'] }] });
      expect(stepOf(await h.query(caseStateQuery), 'st')).toMatchObject({
        status: 'refused',
        assignees: [expect.objectContaining({ userId: 'li', status: 'refused' })],
      });
    });
  });

  it('a lead assigns the group task to a member, and may reassign it from one member to another', async () => {
    await withCase(groupPlan(), async (h, fake) => {
      const assign = (to: string, authority: 'lead' | 'assignee' = 'lead', toMember = approver()) =>
        h.executeUpdate(assignTask, { args: [{ stepId: 'st', actor: 'lead', to, toMember, authority }] });
      expect(await rejection(assign('zhang', 'assignee'))).toMatch(/only a department lead assigns \(指派\)/);
      expect(await rejection(assign('wang', 'lead', approver('D2')))).toMatch(
        /wang is not in the group of step "st"/,
      );
      const given = await assign('zhang');
      expect(given.assignees[0]).toMatchObject({
        userId: 'zhang',
        claim: { by: 'zhang', assignedBy: 'lead', pool: { userId: 'group:D1/dept_approver' } },
      });
      expect(await rejection(assign('zhang'))).toMatch(/zhang already holds step "st"/);
      // Someone else of the group claiming now is told who holds it.
      expect((await refusal(claim(h, 'li'))).details).toMatchObject({ by: 'zhang', assignedBy: 'lead' });
      const moved = await assign('li');
      expect(moved.assignees[0]).toMatchObject({ userId: 'li', claim: { by: 'li', assignedBy: 'lead' } });
      expect(fake.of('closeTask').map((c) => c.status)).toEqual(['assigned', 'assigned']);
      expect((await h.query(caseStateQuery)).history.filter((e) => e.action === 'assign')).toEqual([
        expect.objectContaining({ actor: 'lead', details: { to: 'zhang', group: 'dept_approver of D1' } }),
        expect.objectContaining({
          actor: 'lead',
          details: { to: 'li', group: 'dept_approver of D1', from: 'zhang' },
        }),
      ]);
      await h.executeUpdate(approveStep, { args: [{ stepId: 'st', actor: 'li' }] });
      expect(stepOf(await h.query(caseStateQuery), 'st').status).toBe('approved');
    });
  });

  it('countersign steps keep their named seats; a 转办 group seat can be claimed by its members only', async () => {
    const plan = planBuilder('countersign')
      .accept()
      .department({
        id: 'st',
        departmentCode: 'D1',
        limitWorkingDays: 5,
        assignees: ['a1', 'a2'],
        countersign: { mode: 'all' },
      })
      .issue()
      .build();
    await withCase(plan, async (h) => {
      expect(await rejection(claim(h, 'a1'))).toMatch(
        /step "st" has no group seat to claim: its signers are named \(a1, a2\)/,
      );
      await h.executeUpdate(transferTask, {
        args: [{ stepId: 'st', actor: 'a2', to: ['b1', 'b2'], groupName: '复核组', reason: '回避' }],
      });
      expect(await rejection(claim(h, 'x9', { member: undefined }))).toMatch(/x9 is not in the group/);
      const held = await claim(h, 'b2', { member: undefined });
      const seat = held.assignees.find((a) => a.userId === 'b2')!;
      expect(seat).toMatchObject({
        claim: { by: 'b2', pool: { userId: 'group:复核组', candidates: ['b1', 'b2'] } },
      });
      expect(seat.candidates).toBeUndefined();
      expect(
        (await refusal(h.executeUpdate(approveStep, { args: [{ stepId: 'st', actor: 'b1' }] }))).type,
      ).toBe('TaskClaimed');
      await h.executeUpdate(approveStep, { args: [{ stepId: 'st', actor: 'a1' }] });
      await h.executeUpdate(approveStep, { args: [{ stepId: 'st', actor: 'b2' }] });
      expect(stepOf(await h.query(caseStateQuery), 'st').status).toBe('approved');
    });
  });
});

describe('caseWorkflow: an action carries the step revision its page showed', () => {
  const env = useTimeSkippingEnv();
  const withCase = caseRunner(env, 'REV');

  it('every change to the step bumps its revision; a stale, decided or other department action changes nothing', async () => {
    await withCase(groupPlan(), async (h) => {
      const opened = stepOf(await h.query(caseStateQuery), 'st').revision;
      expect(opened).toBe(1);
      // Both pages show revision 1; zhang claims first.
      const claimed = await claim(h, 'zhang', { expectedRevision: opened });
      expect(claimed.revision).toBe(3); // the claim, then the next task generation
      // li's page is older than zhang's claim: the refusal names who holds the task now.
      const taken = await refusal(claim(h, 'li', { expectedRevision: opened }));
      expect(taken.type).toBe('TaskClaimed');
      expect(taken.details).toMatchObject({ stepId: 'st', by: 'zhang' });
      // zhang's own page goes stale when the step changes again (here: an extension request).
      await h.executeUpdate(requestExtension, {
        args: [{ stepId: 'st', actor: 'zhang', days: 5, reason: '需现场核查' }],
      });
      const stale = await refusal(
        h.executeUpdate(approveStep, {
          args: [{ stepId: 'st', actor: 'zhang', expectedRevision: 3 } as never],
        }),
      );
      expect(stale.type).toBe('StaleTask');
      expect(stale.message).toMatch(
        /step "st" changed since your page \(revision 3, now 4: last extension_requested by zhang at .+\): nothing was changed; reload the case/,
      );
      expect(stale.details).toMatchObject({
        stepId: 'st',
        revision: 4,
        expectedRevision: 3,
        change: { action: 'extension_requested', by: 'zhang' },
      });

      const other = await refusal(
        h.executeUpdate(approveStep, {
          args: [{ stepId: 'st', actor: 'wang', actorDepartment: 'D2', expectedRevision: 4 } as never],
        }),
      );
      expect(other.type).toBe('OtherDepartment');
      expect(other.message).toMatch(/step "st" is a task of D1, not of your department \(D2\)/);

      await h.executeUpdate(approveStep, {
        args: [
          {
            stepId: 'st',
            actor: 'zhang',
            comment: '同意',
            expectedRevision: 4,
            actorDepartment: 'D1',
          } as never,
        ],
      });
      const before = await h.query(caseStateQuery);
      const decided = await refusal(
        h.executeUpdate(unclaimTask, {
          args: [{ stepId: 'st', actor: 'zhang', expectedRevision: 4 } as never],
        }),
      );
      expect(decided.type).toBe('TaskClosed');
      expect(decided.message).toMatch(/step "st" is already approved \(approve by zhang at .+\)/);
      const after = await h.query(caseStateQuery);
      expect(stepOf(after, 'st').revision).toBe(5);
      expect(after.history).toEqual(before.history);
    });
  });

  it('an action without expectedRevision is checked as before (older callers)', async () => {
    await withCase(groupPlan(), async (h) => {
      await claim(h, 'zhang');
      const s = await h.executeUpdate(approveStep, { args: [{ stepId: 'st', actor: 'zhang' }] });
      expect(s.status).toBe('approved');
    });
  });
});
