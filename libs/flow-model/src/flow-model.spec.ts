import fc from 'fast-check';
import {
  defaultPlanForItems,
  evaluateCondition,
  flattenPlan,
  hashPlan,
  parseServicePlan,
  planBuilder,
  PlanRun,
  PlanRuntimeError,
  PlanValidationError,
  sha256Hex,
  validatePlan,
  type ServicePlan,
} from './index';
import { restaurantPlan } from '../test/restaurant-plan';

const dept = (id: string, assignees = [`${id}-user`]) => ({
  id,
  departmentCode: id.toUpperCase(),
  limitWorkingDays: 5,
  assignees,
});

function runToEnd(plan: ServicePlan, data: Record<string, unknown>, refuse: string[] = []) {
  const run = new PlanRun(flattenPlan(plan), data);
  const first = run.start();
  let state = first.state;
  const activated = first.activated;
  const visited: string[] = [];
  while (activated.length > 0) {
    const node = activated.shift()!;
    visited.push(node.id);
    const step = run.complete(state, node.id, refuse.includes(node.id) ? 'refused' : 'completed');
    state = step.state;
    activated.push(...step.activated);
  }
  return { visited, state };
}

describe('plan builder and validation', () => {
  it('builds a valid plan with every node type', () => {
    const plan = restaurantPlan();
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.nodes.map((n) => n.type)).toEqual(
      expect.arrayContaining([
        'accept',
        'automatic',
        'parallel',
        'inclusive',
        'exclusive',
        'timer',
        'subflow',
        'join',
        'issue',
        'end',
      ]),
    );
    expect(parseServicePlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it('defaultPlanForItems gives accept → parallel departments → issue', () => {
    const plan = defaultPlanForItems([
      { itemCode: 'A1', name: 'A', departmentCode: 'DA', limitWorkingDays: 10, assignees: ['a'] },
      { itemCode: 'B1', name: 'B', departmentCode: 'DB', limitWorkingDays: 5, assignees: ['b1', 'b2'] },
    ]);
    expect(plan.edges.map((e) => `${e.from}->${e.to}`)).toEqual([
      'accept->fork',
      'fork->item_A1',
      'fork->item_B1',
      'item_A1->join',
      'item_B1->join',
      'join->issue',
      'issue->end',
    ]);
    expect(plan.nodes.find((n) => n.id === 'item_B1')).toMatchObject({ countersign: { mode: 'all' } });
  });

  it('reports dangling edges, unreachable nodes, join without fork, missing end, bad FEEL', () => {
    const messages = (input: unknown) => {
      try {
        parseServicePlan(input);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(PlanValidationError);
        return (e as PlanValidationError).issues.map((i) => `${i.path}: ${i.message}`);
      }
    };
    const d = {
      type: 'department',
      departmentCode: 'X',
      role: 'r',
      limitWorkingDays: 3,
      countersign: { mode: 'single' },
      assignees: ['u'],
    };
    const issues = messages({
      key: 'broken',
      name: 'broken',
      nodes: [
        { id: 'accept', type: 'accept' },
        { id: 'a', ...d },
        { id: 'orphan', ...d },
        { id: 'j', type: 'join' },
        { id: 'issue', type: 'issue' },
        { id: 'x', type: 'exclusive' },
      ],
      edges: [
        { from: 'accept', to: 'a' },
        { from: 'a', to: 'j' },
        { from: 'j', to: 'issue' },
        { from: 'issue', to: 'nowhere' },
        { from: 'orphan', to: 'x' },
        { from: 'x', to: 'j', condition: 'area > ' },
      ],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'issue->nowhere: dangling edge: target "nowhere" is not a node',
        'plan: missing end: add an "end" node',
        'orphan: unreachable from "accept"',
        'j: join without fork: no parallel/exclusive/inclusive gateway precedes it',
        expect.stringMatching(/^x->j: FEEL syntax error/),
      ]),
    );
  });

  it('checks countersign against the assignee list', () => {
    expect(() =>
      planBuilder('p')
        .accept()
        .department({ ...dept('a', ['u1', 'u2']), countersign: { mode: 'at_least', n: 3 } })
        .issue()
        .build(),
    ).toThrow(/at_least 3 needs at least 3 assignees/);
  });

  it('takes a sequential countersign (依次审批) of two or more assignees, in the order listed', () => {
    const plan = planBuilder('p')
      .accept()
      .department({ ...dept('a', ['u2', 'u1']), countersign: { mode: 'sequential' } })
      .issue()
      .build();
    expect(plan.nodes.find((n) => n.id === 'a')).toMatchObject({
      countersign: { mode: 'sequential' },
      assignees: ['u2', 'u1'],
    });
    expect(() =>
      planBuilder('p')
        .accept()
        .department({ ...dept('a', ['u1']), countersign: { mode: 'sequential' } })
        .issue()
        .build(),
    ).toThrow(/countersign "sequential" needs at least two assignees in signing order, found 1/);
  });

  it('rejects a path that skips issuance', () => {
    const plan = restaurantPlan();
    const bad = { ...plan, edges: [...plan.edges, { from: 'licence_check', to: 'end' }] };
    expect(validatePlan(bad).map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/reaches the end without passing the issue step/)]),
    );
  });
});

describe('sub-flows and gateways', () => {
  it('names the sub-flow in messages about its body', () => {
    const plan = restaurantPlan();
    const tobacco = plan.nodes.find((n) => n.type === 'subflow')!;
    if (tobacco.type !== 'subflow') throw new Error('no subflow');
    tobacco.body.edges = tobacco.body.edges.filter((e) => e.to !== 'end');
    expect(validatePlan(plan).map((i) => `${i.path}: ${i.message}`)).toEqual(
      expect.arrayContaining([
        'tobacco/tob: needs exactly one outgoing edge, found 0',
        'tobacco/end: unreachable from "start"',
      ]),
    );
  });

  it('an inclusive gateway with no holding condition takes its default branch', () => {
    expect(runToEnd(restaurantPlan(), { signboard: false, area: 10 }).visited).not.toContain('sign');
  });

  it('an exclusive gateway with no holding condition and no default stops with a clear error', () => {
    const plan = planBuilder('x')
      .accept()
      .exclusive([{ when: 'area > 1', then: (b) => b.department(dept('a')) }])
      .issue()
      .build();
    expect(() => runToEnd(plan, { area: 0 })).toThrow(
      /no condition holds at gateway "exclusive_1" and it has no default edge/,
    );
  });

  it('a gateway that cannot choose throws a PlanRuntimeError naming the gateway and the failing expression', () => {
    const plan = planBuilder('x')
      .accept()
      .exclusive([
        { when: 'area + 1', then: (b) => b.department(dept('a')) },
        { then: (b) => b.department(dept('b')) },
      ])
      .issue()
      .build();
    const thrown = (() => {
      try {
        runToEnd(plan, { area: 3 });
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(PlanRuntimeError);
    expect(thrown).toMatchObject({
      nodeId: 'exclusive_1',
      expression: 'area + 1',
      message: expect.stringMatching(/condition "area \+ 1" gave 4, not a boolean at gateway "exclusive_1"/),
    });
    const noDefault = planBuilder('y')
      .accept()
      .exclusive([{ when: 'area > 1', then: (b) => b.department(dept('a')) }])
      .issue()
      .build();
    expect(() => runToEnd(noDefault, { area: 0 })).toThrow(PlanRuntimeError);
  });

  it('collect: whatever the decisions, every case reaches issuance exactly once', () => {
    const plan = defaultPlanForItems(
      ['A', 'B', 'C', 'D'].map((code) => ({
        itemCode: code,
        name: code,
        departmentCode: code,
        limitWorkingDays: 5,
        assignees: [code],
      })),
    );
    fc.assert(
      fc.property(fc.subarray(['item_A', 'item_B', 'item_C', 'item_D']), (refused) => {
        const run = runToEnd(plan, {}, refused);
        expect(run.visited.filter((id) => id === 'issue')).toHaveLength(1);
        expect(run.state.finished).toBe(true);
      }),
    );
  });
});

describe('FEEL conditions', () => {
  it('evaluates over application data; null counts as false', () => {
    expect(evaluateCondition('area > 100 and kind = "food"', { area: 150, kind: 'food' })).toBe(true);
    expect(evaluateCondition('missing > 3', {})).toBe(false);
    expect(() => evaluateCondition('area + 1', { area: 1 })).toThrow(/not a boolean/);
  });
});

describe('PlanRun (token engine)', () => {
  it('runs only the branches whose conditions hold', () => {
    expect(runToEnd(restaurantPlan(), { signboard: true, area: 100 }).visited).toEqual([
      'licence_check',
      'food',
      'sign',
      'notice_period',
      'tobacco/tob',
      'issue',
    ]);
    const run = runToEnd(restaurantPlan(), { signboard: false, area: 500 });
    expect(run.visited).toEqual(['licence_check', 'food', 'fire', 'tobacco/tob', 'issue']);
    expect(run.state.finished).toBe(true);
  });

  it('a refused step kills its own path; the issue step still runs', () => {
    const plan = planBuilder('seq').accept().department(dept('a')).department(dept('b')).issue().build();
    const run = runToEnd(plan, {}, ['a']);
    expect(run.visited).toEqual(['a', 'issue']);
    expect(run.state.nodes.b).toBe('skipped');
    expect(run.state.finished).toBe(true);
  });
});

describe('hashPlan', () => {
  it('is sha256 over canonical JSON, independent of key order', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const plan = restaurantPlan();
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(plan) as ServicePlan;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(plan));
    expect(hashPlan(reordered)).toBe(hashPlan(plan));
  });
});

describe('a step without named assignees: its role group (签收)', () => {
  const groupPlan = (
    countersign?: Parameters<ReturnType<typeof planBuilder>['department']>[0]['countersign'],
  ) =>
    planBuilder('group')
      .accept()
      .department({
        id: 'st',
        departmentCode: 'D1',
        role: 'dept_approver',
        limitWorkingDays: 5,
        assignees: [],
        ...(countersign ? { countersign } : {}),
      })
      .issue();

  it('is one seat: single by default, at_least 1 at most', () => {
    const plan = groupPlan().build();
    expect(plan.nodes.find((n) => n.id === 'st')).toMatchObject({
      assignees: [],
      countersign: { mode: 'single' },
    });
    expect(() => groupPlan({ mode: 'at_least', n: 2 }).build()).toThrow(
      /countersign at_least 2 needs at least 2 assignees, found 0/,
    );
  });

  it('plans that name their assignees parse and hash as before', () => {
    const named = planBuilder('named')
      .accept()
      .department({ id: 'st', departmentCode: 'D1', limitWorkingDays: 5, assignees: ['a1'] })
      .issue()
      .build();
    expect(hashPlan(parseServicePlan(JSON.parse(JSON.stringify(named))))).toBe(hashPlan(named));
  });
});
