import { flattenPlan, hashPlan, planBuilder, PlanRun, servicePlanSchema, type PlanRunState } from './index';

const dept = (id: string) => ({
  id,
  departmentCode: id.toUpperCase(),
  limitWorkingDays: 5,
  assignees: [`${id}-user`],
});

/** accept → parallel( a1 → a2 → a3 , b ) → issue: branch A is a sequence of three steps. */
const plan = () =>
  planBuilder('send-back')
    .accept()
    .parallel([
      (s) =>
        s
          .department(dept('a1'))
          .automatic('check', 'certificate_check')
          .department(dept('a2'))
          .department(dept('a3')),
      (s) => s.department(dept('b')),
    ])
    .issue()
    .build();

function advance(run: PlanRun, state: PlanRunState, ...ids: string[]): PlanRunState {
  for (const id of ids) state = run.complete(state, id, 'completed').state;
  return state;
}

describe('PlanRun.sendBack (退回)', () => {
  const run = new PlanRun(flattenPlan(plan()), {});

  it('lists the earlier department steps of the same sequence, nearest first, never across a gateway', () => {
    expect(run.sendBackTargets('a3').map((n) => n.id)).toEqual(['a2', 'a1']);
    expect(run.sendBackTargets('a1').map((n) => n.id)).toEqual([]);
    expect(run.sendBackTargets('b').map((n) => n.id)).toEqual([]);
  });

  it('reopens the target and resets everything after it on the sequence; the sibling branch is untouched', () => {
    const state = advance(run, run.start().state, 'a1', 'check', 'a2');
    expect(state.nodes.a3).toBe('active');
    const back = run.sendBack(state, 'a3', 'a1');
    expect(back.activated.map((n) => n.id)).toEqual(['a1']);
    expect(back.state.nodes).toMatchObject({ a1: 'active', b: 'active' });
    expect(back.state.nodes.check).toBeUndefined();
    expect(back.state.nodes.a2).toBeUndefined();
    expect(back.state.nodes.a3).toBeUndefined();
    // The way forward repeats: a1 → check → a2 → a3 again, and the join still fires once both branches end.
    let again = run.complete(back.state, 'a1', 'completed');
    expect(again.activated.map((n) => n.id)).toEqual(['check']);
    again = run.complete(again.state, 'check', 'completed');
    expect(again.activated.map((n) => n.id)).toEqual(['a2']);
    const end = advance(run, again.state, 'a2', 'a3', 'b');
    expect(end.nodes.issue).toBe('active');
    expect(advance(run, end, 'issue').finished).toBe(true);
  });

  it('a returned sequence whose target is then refused kills the path, so the join never waits forever', () => {
    const state = advance(run, run.start().state, 'a1', 'check', 'a2');
    const back = run.sendBack(state, 'a3', 'a2');
    const refused = run.complete(back.state, 'a2', 'refused');
    expect(refused.state.nodes.a3).toBe('skipped');
    expect(advance(run, refused.state, 'b').nodes.issue).toBe('active');
  });

  it('refuses targets that are not earlier steps of the same sequence, naming the ones that are', () => {
    const state = advance(run, run.start().state, 'a1', 'check', 'a2');
    expect(() => run.sendBack(state, 'a3', 'b')).toThrow(
      '"b" is not an earlier step on the sequence of "a3" (can send back to: a2, a1)',
    );
    expect(() => run.sendBack(state, 'a3', 'check')).toThrow(/not an earlier step/);
    expect(() => run.sendBack(state, 'a2', 'a1')).toThrow('node "a2" is not active (completed)');
  });

  it('onBranchReturn is optional, so plans pinned before it keep their hash; the builder sets it', () => {
    const before = plan();
    expect(before.onBranchReturn).toBeUndefined();
    expect(hashPlan(servicePlanSchema.parse(JSON.parse(JSON.stringify(before))))).toBe(hashPlan(before));
    const paused = planBuilder('p').onBranchReturn('pause').accept().department(dept('x')).issue().build();
    expect(paused.onBranchReturn).toBe('pause');
    expect(flattenPlan(paused).onBranchReturn).toBe('pause');
    expect(flattenPlan(before).onBranchReturn).toBe('continue');
  });
});
