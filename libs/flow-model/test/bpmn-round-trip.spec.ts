// plan → BPMN (planToBpmn, laid out by bpmn-auto-layout) → plan (compileBpmn) gives the same plan, for every
// shape of plan the flow-model and workflow tests build (the restaurant plan is shared with the token-engine tests;
// the others are copied here, as their tests keep their own).
import {
  defaultPlanForItems,
  hashPlan,
  parseServicePlan,
  planBuilder,
  type Countersign,
  type ServicePlan,
} from '../src';
import { compileBpmn, planToBpmn } from '../src/bpmn';
import { restaurantPlan } from './restaurant-plan';

const dept = (id: string, assignees = [`${id}-user`], extra: { countersign?: Countersign } = {}) => ({
  id,
  departmentCode: id.toUpperCase(),
  limitWorkingDays: 5,
  assignees,
  ...extra,
});
const fourDepartments = ['market', 'fire', 'health', 'tax'].map((d, i) => ({
  itemCode: `ITEM_${i}`,
  name: `${d} item`,
  departmentCode: d.toUpperCase(),
  limitWorkingDays: 5 + i,
  assignees: [`${d}-1`, `${d}-2`],
}));

const plans: Record<string, () => ServicePlan> = {
  restaurant: restaurantPlan,
  'exclusive without default (one branch)': () =>
    planBuilder('x')
      .accept()
      .exclusive([{ when: 'area > 1', then: (b) => b.department(dept('a')) }])
      .issue()
      .build(),
  sequence: () => planBuilder('seq').accept().department(dept('a')).department(dept('b')).issue().build(),
  'no steps': () => planBuilder('seq').accept().issue().build(),
  'onBranchReturn pause': () =>
    planBuilder('p').onBranchReturn('pause').accept().department(dept('x')).issue().build(),
  'default plan, one item': () =>
    defaultPlanForItems([
      {
        itemCode: 'A-1',
        name: '食品经营许可',
        departmentCode: 'SCJG',
        limitWorkingDays: 10,
        assignees: ['u1', 'u2'],
        role: 'dept_approver',
        countersign: { mode: 'any' },
        result: { certificateTypeCode: 'food_licence', name: '食品经营许可证' },
      },
    ]),
  'default plan, four departments (workflow tests)': () =>
    defaultPlanForItems(fourDepartments, { key: 'restaurant', refusalPolicy: 'collect' }),
  'default plan, fail_fast': () => defaultPlanForItems(fourDepartments, { refusalPolicy: 'fail_fast' }),
  // workflows/test/case-signers.spec.ts, case-decisions.spec.ts
  countersign: () =>
    planBuilder('countersign')
      .accept()
      .department(dept('st', ['a1', 'c2', 'c3'], { countersign: { mode: 'at_least', n: 2 } }))
      .issue()
      .build(),
  // workflows/test/case-sequential.spec.ts: 依次审批 writes ow:countersign="sequential"
  sequential: () =>
    planBuilder('sequential')
      .accept()
      .department(dept('st', ['a1', 'a2', 'a3'], { countersign: { mode: 'sequential' } }))
      .issue()
      .build(),
  'three in parallel': () =>
    planBuilder('three')
      .accept()
      .parallel([
        (b) => b.department(dept('s1')),
        (b) => b.department(dept('s2')),
        (b) => b.department(dept('s3')),
      ])
      .issue()
      .build(),
  // workflows/test/case-send-back.spec.ts, record-histories.ts
  branches: () =>
    planBuilder('branches-pause')
      .onBranchReturn('pause')
      .accept()
      .parallel([(s) => s.department(dept('p1')).department(dept('p2')), (s) => s.department(dept('q'))])
      .issue()
      .build(),
  // workflows/test/case-robustness.spec.ts
  'bad feel': () =>
    planBuilder('bad-feel')
      .accept()
      .exclusive([
        { when: 'area + 1', then: (b) => b.department(dept('big')) },
        { then: (b) => b.department(dept('small')) },
      ])
      .issue()
      .build(),
  'nested one-branch exclusive': () =>
    planBuilder('no-default')
      .accept()
      .parallel([
        (b) =>
          b
            .department(dept('first'))
            .exclusive([{ when: 'area > 300', then: (x) => x.department(dept('fire')) }]),
        (b) => b.department(dept('other')),
      ])
      .issue()
      .build(),
  // workflows/test/case-plan-nodes.spec.ts
  'restaurant nodes': () =>
    planBuilder('restaurant-nodes')
      .refusalPolicy('collect')
      .accept()
      .automatic('licence_check', 'certificate_check', { certificateType: 'business_licence' })
      .exclusive([
        { when: 'area > 300', then: (b) => b.department(dept('fire')) },
        { then: (b) => b.timer('notice_period', { value: 2, unit: 'natural_day' }) },
      ])
      .subflow({ id: 'tobacco', itemCode: 'TOB', name: '烟草' }, (b) => b.department(dept('tob')))
      .issue(5)
      .build(),
  // plan-limits.spec.ts: joint handling (Art. 42 ¶2) and a 0-day step (即办)
  'joint handling, a 0-day step': () =>
    parseServicePlan({
      ...defaultPlanForItems([{ ...fourDepartments[0], limitWorkingDays: 0 }, fourDepartments[1]]),
      jointHandling: 'unified',
    }),
  'two empty branches': () =>
    planBuilder('empty')
      .accept()
      .exclusive([{ when: 'a = 1', then: (b) => b }, { when: 'a = 2', then: (b) => b }, { then: (b) => b }])
      .issue()
      .build(),
};

describe('plan → BPMN → plan', () => {
  it.each(Object.keys(plans))('%s gives the same plan (hashPlan of the parsed plans)', async (name) => {
    const plan = plans[name]();
    const xml = await planToBpmn(plan);
    expect(xml).toContain('<bpmndi:BPMNDiagram'); // laid out: opens as a diagram
    const back = await compileBpmn(xml);
    expect(back.problems).toEqual([]);
    expect(back.plan).toEqual(plan);
    expect(hashPlan(back.plan!)).toBe(hashPlan(plan));
  });

  it('draws a join as the same kind of gateway as its fork', async () => {
    const xml = await planToBpmn(plans['restaurant']());
    expect(xml).toMatch(/<bpmn:inclusiveGateway id="join_2" gatewayDirection="Converging"/);
    expect(xml).toMatch(/<bpmn:exclusiveGateway id="join_3" gatewayDirection="Converging"/);
    expect(xml).toMatch(/<bpmn:parallelGateway id="join_1" gatewayDirection="Converging"/);
    expect(xml).toMatch(/<bpmn:subProcess id="tobacco" ow:itemCode="000117112000"/);
    expect(xml).toMatch(/<bpmn:startEvent id="tobacco__start"/);
  });
});

describe('a role group step through BPMN', () => {
  it('is written without ow:assignees and compiles back to the same plan', async () => {
    const plan = planBuilder('group-bpmn')
      .accept()
      .department({
        id: 'st',
        departmentCode: 'D1',
        role: 'dept_approver',
        limitWorkingDays: 5,
        assignees: [],
      })
      .issue()
      .build();
    const xml = await planToBpmn(plan);
    expect(xml).not.toContain('ow:assignees');
    const back = await compileBpmn(xml);
    expect(back.problems).toEqual([]);
    expect(hashPlan(back.plan!)).toBe(hashPlan(plan));
  });
});
