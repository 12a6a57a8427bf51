import { planBuilder } from '@onewindow/flow-model';
import { addWorkingDays, workingDaysBetween } from '@onewindow/calendar';
import {
  approveStep,
  caseStateQuery,
  refuseStep,
  resubmitFromWindow,
  returnForSupplement,
  sendBack,
  submitSupplement,
} from '../src/index';
import {
  caseRunner,
  rejection,
  shanghaiDay,
  useTimeSkippingEnv,
  workingCalendar as cal,
} from './case-harness';

const step = (id: string, assignees = [`${id}-1`], extra: Record<string, unknown> = {}) => ({
  id,
  departmentCode: id.toUpperCase(),
  limitWorkingDays: 5,
  assignees,
  ...extra,
});

/** accept → first → second → issue */
const sequence = () =>
  planBuilder('sequence').accept().department(step('first')).department(step('second')).issue().build();
/** accept → parallel( p1 → p2 , q ) → issue */
const branches = (onBranchReturn: 'continue' | 'pause') =>
  planBuilder(`branches-${onBranchReturn}`)
    .onBranchReturn(onBranchReturn)
    .accept()
    .parallel([(s) => s.department(step('p1')).department(step('p2')), (s) => s.department(step('q'))])
    .issue()
    .build();
/** accept → pre → countersign (all of three) → issue */
const countersign = () =>
  planBuilder('countersign')
    .accept()
    .department(step('pre'))
    .department(step('cs', ['c1', 'c2', 'c3'], { countersign: { mode: 'all' } }))
    .issue()
    .build();

describe('caseWorkflow: 退回 and partial return inside parallel branches', () => {
  const env = useTimeSkippingEnv();
  const withCase = caseRunner(env, 'BACK');
  const approve = (h: Parameters<Parameters<typeof withCase>[1]>[0], stepId: string, actor = `${stepId}-1`) =>
    h.executeUpdate(approveStep, { args: [{ stepId, actor }] });

  it('single sequence: sends back to the previous step, which reopens fresh; the sequence then repeats to issuance', async () => {
    await withCase(sequence(), async (h, fake) => {
      await approve(h, 'first');
      const before = await h.query(caseStateQuery);
      expect(
        await rejection(
          h.executeUpdate(sendBack, {
            args: [{ stepId: 'first', actor: 'first-1', to: { kind: 'previous' }, reason: 'x' }],
          }),
        ),
      ).toMatch(/step "first" is already approved/);
      expect(
        await rejection(
          h.executeUpdate(sendBack, {
            args: [
              {
                stepId: 'second',
                actor: 'second-1',
                to: { kind: 'step', stepId: 'nowhere' },
                reason: '材料不符',
              },
            ],
          }),
        ),
      ).toMatch(
        /cannot send "second" back to "nowhere": it is not a step of this plan \(can send back to: first\)/,
      );
      expect(
        await rejection(
          h.executeUpdate(sendBack, {
            args: [{ stepId: 'second', actor: 'second-1', to: { kind: 'previous' }, reason: ' ' }],
          }),
        ),
      ).toMatch(/reason is required/);

      await env().sleep('2 days');
      const returned = await h.executeUpdate(sendBack, {
        args: [{ stepId: 'second', actor: 'second-1', to: { kind: 'previous' }, reason: '初审意见不完整' }],
        updateId: 'back-1',
      });
      const again = await h.executeUpdate(sendBack, {
        args: [{ stepId: 'second', actor: 'second-1', to: { kind: 'previous' }, reason: '初审意见不完整' }],
        updateId: 'back-1',
      });
      expect(again).toEqual(returned);
      expect(returned.status).toBe('returned');
      expect(await rejection(approve(h, 'second'))).toMatch(
        /no department step "second" is open|already returned/,
      );

      const reopened = (await h.query(caseStateQuery)).steps.find((s) => s.stepId === 'first')!;
      expect(reopened).toMatchObject({ status: 'open', generation: 2 });
      expect(reopened.assignees).toEqual([expect.objectContaining({ userId: 'first-1', status: 'pending' })]);
      // A fresh step clock from today; the case clocks keep running (退回 is internal, not the applicant's time).
      const today = shanghaiDay(await env().currentTimeMs());
      expect(reopened.clock.dueDate).toBe(addWorkingDays(cal, today, 5));
      const view = await h.query(caseStateQuery);
      expect(view.clocks.statutory.dueDate).toBe(before.clocks.statutory.dueDate);
      expect(view.clocks.suspended).toBe(false);

      await approve(h, 'first');
      expect((await h.query(caseStateQuery)).steps.find((s) => s.stepId === 'second')).toMatchObject({
        status: 'open',
        generation: 2,
      });
      await approve(h, 'second');
      expect((await h.query(caseStateQuery)).phase).toBe('awaiting_issuance');
      expect(fake.of('closeTask').map((c) => `${c.stepId}#${c.generation}:${c.status}`)).toEqual([
        'first#1:approved',
        'second#1:returned',
        'first#2:approved',
        'second#2:approved',
      ]);
      expect(fake.of('openTask').map((c) => `${c.stepId}#${c.generation}`)).toEqual([
        'first#1',
        'second#1',
        'first#2',
        'second#2',
      ]);
      expect(fake.of('recordDecision').filter((d) => d.action === 'send_back')).toEqual([
        expect.objectContaining({
          actor: 'second-1',
          stepId: 'second',
          details: { to: 'first', reason: '初审意见不完整', generation: 1 },
        }),
      ]);
    });
  }, 60_000);

  it('a step with no earlier step on its sequence can only go back to the window', async () => {
    await withCase(sequence(), async (h) => {
      expect(
        await rejection(
          h.executeUpdate(sendBack, {
            args: [{ stepId: 'first', actor: 'first-1', to: { kind: 'previous' }, reason: '材料有误' }],
          }),
        ),
      ).toMatch(/step "first" has no earlier step on its sequence: send it back to the window instead/);
      // The refusal changed nothing: the step is still open for its assignee.
      expect((await approve(h, 'first')).status).toBe('approved');
    });
  }, 60_000);

  it('parallel branch, continue: the sibling goes on with its own clock; the join waits for the returned branch to come back', async () => {
    await withCase(branches('continue'), async (h) => {
      await approve(h, 'p1');
      await h.executeUpdate(sendBack, {
        args: [{ stepId: 'p2', actor: 'p2-1', to: { kind: 'step', stepId: 'p1' }, reason: '需重新核查' }],
      });
      expect(
        await rejection(
          h.executeUpdate(sendBack, {
            args: [{ stepId: 'q', actor: 'q-1', to: { kind: 'step', stepId: 'p1' }, reason: 'x' }],
          }),
        ),
      ).toMatch(
        /it is not an earlier step on the same sequence \(no gateway may lie between\) \(can send back to: the window only\)/,
      );
      const q = await approve(h, 'q');
      expect(q.status).toBe('approved');
      expect((await h.query(caseStateQuery)).phase).toBe('in_review');
      await approve(h, 'p1');
      await approve(h, 'p2');
      const view = await h.query(caseStateQuery);
      expect(view.phase).toBe('awaiting_issuance');
      expect(view.outcome).toBe('approved');
    });
  }, 60_000);

  it('parallel branch: a returned branch that is then refused ends its path, so the join never waits forever', async () => {
    await withCase(branches('continue'), async (h) => {
      await approve(h, 'p1');
      await approve(h, 'q');
      await h.executeUpdate(sendBack, {
        args: [{ stepId: 'p2', actor: 'p2-1', to: { kind: 'previous' }, reason: '需重新核查' }],
      });
      await h.executeUpdate(refuseStep, { args: [{ stepId: 'p1', actor: 'p1-1', reasons: ['复核不通过'] }] });
      const view = await h.query(caseStateQuery);
      expect(view.phase).toBe('awaiting_issuance');
      expect(view.outcome).toBe('refused');
      expect(view.refusals).toEqual([{ stepId: 'p1', reasons: ['复核不通过'] }]);
    });
  }, 60_000);

  it('parallel branch, pause: the sibling is held with its step clock stopped until the returned branch is back; the case clock runs', async () => {
    await withCase(branches('pause'), async (h, fake) => {
      await approve(h, 'p1');
      const qDue = (await h.query(caseStateQuery)).steps.find((s) => s.stepId === 'q')!.clock.dueDate!;
      const pausedOn = shanghaiDay(await env().currentTimeMs());
      await h.executeUpdate(sendBack, {
        args: [{ stepId: 'p2', actor: 'p2-1', to: { kind: 'previous' }, reason: '需重新核查' }],
      });
      const held = (await h.query(caseStateQuery)).steps.find((s) => s.stepId === 'q')!;
      expect(held.hold).toMatchObject({ kind: 'sibling_returned', cause: 'p2' });
      expect(held.clock.state).toBe('suspended');
      expect((await h.query(caseStateQuery)).clocks.suspended).toBe(false);
      expect(await rejection(approve(h, 'q'))).toMatch(
        /step "q" is paused since .* while step "p2" is returned .* it resumes when "p2" is back/,
      );

      await env().sleep('14 days'); // longer than the longest public holiday, so some working days always pass
      const resumedOn = shanghaiDay(await env().currentTimeMs());
      expect(workingDaysBetween(cal, pausedOn, resumedOn)).toBeGreaterThan(0);
      await approve(h, 'p1'); // the sequence reaches p2 again: q resumes
      const resumed = (await h.query(caseStateQuery)).steps.find((s) => s.stepId === 'q')!;
      expect(resumed.hold).toBeUndefined();
      expect(resumed.clock.dueDate).toBe(
        addWorkingDays(cal, qDue, workingDaysBetween(cal, pausedOn, resumedOn)),
      );
      expect(
        fake
          .of('recordClockEvent')
          .filter((e) => e.stepId === 'q')
          .map((e) => e.event),
      ).toEqual(['suspended', 'resumed']);
      await approve(h, 'q');
      await approve(h, 'p2');
      expect((await h.query(caseStateQuery)).outcome).toBe('approved');
      expect((await h.query(caseStateQuery)).history.map((e) => e.action)).toEqual(
        expect.arrayContaining(['send_back', 'branches_paused', 'step_reopened', 'branches_resumed']),
      );
    });
  }, 60_000);

  it('partial return for 补正: one branch and the case clocks stop; under continue the sibling keeps its own clock, under pause it is held', async () => {
    for (const policy of ['continue', 'pause'] as const) {
      await withCase(branches(policy), async (h) => {
        await h.executeUpdate(returnForSupplement, {
          args: [{ stepId: 'p1', actor: 'p1-1', materials: ['租赁合同'] }],
        });
        const view = await h.query(caseStateQuery);
        const [p1, q] = ['p1', 'q'].map((id) => view.steps.find((s) => s.stepId === id)!);
        expect(p1.clock.state).toBe('suspended');
        expect(view.clocks.suspended).toBe(true);
        if (policy === 'continue') {
          expect(q.clock.state).not.toBe('suspended');
          expect(q.hold).toBeUndefined();
          expect((await approve(h, 'q')).status).toBe('approved');
        } else {
          expect(q.clock.state).toBe('suspended');
          expect(q.hold).toMatchObject({ cause: 'p1' });
          expect(await rejection(approve(h, 'q'))).toMatch(/paused/);
        }
        await h.executeUpdate(submitSupplement, {
          args: [{ stepId: 'p1', actor: 'window-1', materials: ['租赁合同'] }],
        });
        const after = await h.query(caseStateQuery);
        expect(after.clocks.suspended).toBe(false);
        expect(after.steps.find((s) => s.stepId === 'q')!.hold).toBeUndefined();
        if (policy === 'pause') expect((await approve(h, 'q')).status).toBe('approved');
        await approve(h, 'p1');
        await approve(h, 'p2');
        expect((await h.query(caseStateQuery)).outcome).toBe('approved');
      });
    }
  }, 90_000);

  it('countersign: one signer sends the step back; the earlier step reopens and the countersign starts again with every vote undecided', async () => {
    await withCase(countersign(), async (h) => {
      await approve(h, 'pre');
      await h.executeUpdate(approveStep, { args: [{ stepId: 'cs', actor: 'c1' }] });
      await h.executeUpdate(sendBack, {
        args: [{ stepId: 'cs', actor: 'c2', to: { kind: 'previous' }, reason: '前置审查遗漏' }],
      });
      expect(
        await rejection(h.executeUpdate(approveStep, { args: [{ stepId: 'cs', actor: 'c3' }] })),
      ).toMatch(/step "cs" is already returned/);
      await approve(h, 'pre');
      const cs = (await h.query(caseStateQuery)).steps.find((s) => s.stepId === 'cs')!;
      expect(cs.generation).toBe(2);
      expect(cs.assignees.map((a) => [a.userId, a.status])).toEqual([
        ['c1', 'pending'],
        ['c2', 'pending'],
        ['c3', 'pending'],
      ]);
      for (const actor of ['c1', 'c2', 'c3'])
        await h.executeUpdate(approveStep, { args: [{ stepId: 'cs', actor }] });
      expect((await h.query(caseStateQuery)).outcome).toBe('approved');
    });
  }, 60_000);

  it('退回窗口: the step waits at the window with its clock stopped (case clocks run); the window resubmits a new round', async () => {
    await withCase(countersign(), async (h, fake) => {
      await approve(h, 'pre');
      await h.executeUpdate(approveStep, { args: [{ stepId: 'cs', actor: 'c1' }] });
      expect(
        await rejection(h.executeUpdate(resubmitFromWindow, { args: [{ stepId: 'cs', actor: 'window-1' }] })),
      ).toMatch(/step "cs" is not at the window/);
      const due = (await h.query(caseStateQuery)).steps.find((s) => s.stepId === 'cs')!.clock.dueDate!;
      const sentOn = shanghaiDay(await env().currentTimeMs());
      await h.executeUpdate(sendBack, {
        args: [{ stepId: 'cs', actor: 'c2', to: { kind: 'window' }, reason: '受理材料与申请不符' }],
      });
      const atWindow = await h.query(caseStateQuery);
      const cs = atWindow.steps.find((s) => s.stepId === 'cs')!;
      expect(cs).toMatchObject({ status: 'open', hold: { kind: 'at_window', by: 'c2' } });
      expect(cs.clock.state).toBe('suspended');
      expect(atWindow.clocks.suspended).toBe(false);
      expect(
        await rejection(h.executeUpdate(approveStep, { args: [{ stepId: 'cs', actor: 'c3' }] })),
      ).toMatch(/sent back to the window \(退回窗口\) .*the window resubmits it first/);

      await env().sleep('3 days');
      const backOn = shanghaiDay(await env().currentTimeMs());
      expect(backOn > sentOn).toBe(true);
      const resubmitted = await h.executeUpdate(resubmitFromWindow, {
        args: [{ stepId: 'cs', actor: 'window-1', note: '已更正申请表' }],
      });
      expect(resubmitted.generation).toBe(2);
      expect(resubmitted.hold).toBeUndefined();
      expect(resubmitted.assignees.every((a) => a.status === 'pending')).toBe(true);
      expect(resubmitted.clock.dueDate).toBe(
        addWorkingDays(cal, due, workingDaysBetween(cal, sentOn, backOn)),
      );
      expect(
        fake
          .of('closeTask')
          .filter((c) => c.stepId === 'cs')
          .map((c) => `${c.generation}:${c.status}`),
      ).toEqual(['1:returned']);
      expect(
        fake
          .of('openTask')
          .filter((c) => c.stepId === 'cs')
          .map((c) => c.generation),
      ).toEqual([1, 2]);
      for (const actor of ['c1', 'c2', 'c3'])
        await h.executeUpdate(approveStep, { args: [{ stepId: 'cs', actor }] });
      expect((await h.query(caseStateQuery)).phase).toBe('awaiting_issuance');
    });
  }, 60_000);
});
