import { flattenPlan, planBuilder, PlanRun, type PlanRunState } from './index';

const dept = (id: string) => ({
  id,
  departmentCode: id.toUpperCase(),
  limitWorkingDays: 5,
  assignees: [`${id}-user`],
});

/** accept → a → parallel( b , c → d ) → join → e → issue; and an exclusive after e in the second plan. */
const plan = () =>
  planBuilder('recall')
    .accept()
    .department(dept('a'))
    .parallel([(s) => s.department(dept('b')), (s) => s.department(dept('c')).department(dept('d'))])
    .department(dept('e'))
    .issue()
    .build();

function advance(run: PlanRun, state: PlanRunState, ...ids: string[]): PlanRunState {
  for (const id of ids) state = run.complete(state, id, 'completed').state;
  return state;
}

describe('PlanRun.recall (撤回)', () => {
  const run = new PlanRun(flattenPlan(plan()), {});

  it('a decision followed by a fork: the step is active again, the steps the fork opened are withdrawn', () => {
    const state = advance(run, run.start().state, 'a');
    expect(run.recallReach(state, 'a').reached.map((n) => n.id)).toEqual(['b', 'c']);
    const back = run.recall(state, 'a');
    expect(back.withdrawn.map((n) => n.id)).toEqual(['b', 'c']);
    expect(back.state.nodes.a).toBe('active');
    expect(back.state.nodes.b).toBeUndefined();
    expect(back.state.nodes.c).toBeUndefined();
    // The way forward repeats when it decides again.
    expect(run.complete(back.state, 'a', 'completed').activated.map((n) => n.id)).toEqual(['b', 'c']);
  });

  it('a branch waiting at its join: only that branch reopens; the join still fires once both are done', () => {
    const state = advance(run, run.start().state, 'a', 'b');
    expect(run.recallReach(state, 'b').reached).toEqual([]);
    const back = run.recall(state, 'b');
    expect(back.withdrawn).toEqual([]);
    expect(back.state.nodes).toMatchObject({ b: 'active', c: 'active' });
    const end = advance(run, back.state, 'c', 'd', 'b');
    expect(end.nodes.e).toBe('active');
  });

  it('the last branch to the join: the join and the step after it return to not-reached', () => {
    const state = advance(run, run.start().state, 'a', 'b', 'c', 'd');
    expect(state.nodes.e).toBe('active');
    const back = run.recall(state, 'd');
    expect(back.withdrawn.map((n) => n.id)).toEqual(['e']);
    expect(back.state.nodes.e).toBeUndefined();
    expect(back.state.nodes.b).toBe('completed');
    expect(advance(run, back.state, 'd').nodes.e).toBe('active');
  });

  it('refuses when what followed has decided, or when the node has not decided', () => {
    const state = advance(run, run.start().state, 'a', 'b');
    expect(() => run.recall(state, 'a')).toThrow('"a" was followed by "b" (completed)');
    expect(() => run.recall(state, 'c')).toThrow('node "c" has not decided (active)');
  });

  it('a refusal recalled: the dead path it made comes back to life when it approves', () => {
    const seq = new PlanRun(
      flattenPlan(planBuilder('seq').accept().department(dept('a')).department(dept('b')).issue().build()),
      {},
    );
    const refused = seq.complete(seq.start().state, 'a', 'refused');
    // a refusal kills the path: b is skipped and the issue step is reached
    expect(refused.state.nodes).toMatchObject({ a: 'refused', b: 'skipped', issue: 'active' });
    expect(seq.recallReach(refused.state, 'a').reached.map((n) => n.id)).toEqual(['issue']);
    const open = seq.start().state;
    const approved = seq.complete(open, 'a', 'completed').state;
    const back = seq.recall(approved, 'a');
    expect(back.withdrawn.map((n) => n.id)).toEqual(['b']);
    expect(back.state).toEqual({ ...open, nodes: { ...open.nodes, a: 'active' } });
  });
});
