import { defaultPlanForItems, hashPlan, parseServicePlan, servicePlanSchema } from './index';

const item = (itemCode: string, limitWorkingDays: number) => ({
  itemCode,
  name: itemCode,
  departmentCode: itemCode.toUpperCase(),
  limitWorkingDays,
  assignees: [`${itemCode}-user`],
});

describe('plan fields for the legal clocks (Art. 42 ¶2, 即办件)', () => {
  it('jointHandling is optional without a default: a plan without it parses to the same form and hash', () => {
    const plan = defaultPlanForItems([item('food', 5), item('fire', 5)]);
    const reparsed = servicePlanSchema.parse(JSON.parse(JSON.stringify(plan)));
    expect('jointHandling' in reparsed).toBe(false);
    expect(hashPlan(reparsed)).toBe(hashPlan(plan));
  });

  it('a plan may say it is handled jointly (统一办理 / 联合办理 / 集中办理), and the hash covers it', () => {
    const plan = defaultPlanForItems([item('food', 5), item('fire', 5)]);
    const joint = parseServicePlan({ ...plan, jointHandling: 'unified' });
    expect(joint.jointHandling).toBe('unified');
    expect(hashPlan(joint)).not.toBe(hashPlan(plan));
    expect(servicePlanSchema.safeParse({ ...plan, jointHandling: 'parallel' }).success).toBe(false);
  });

  it('a department step may have 0 working days (即办, decided the day it opens), never fewer', () => {
    expect(parseServicePlan(defaultPlanForItems([item('seal', 0)])).nodes).toContainEqual(
      expect.objectContaining({ type: 'department', limitWorkingDays: 0 }),
    );
    const plan = defaultPlanForItems([item('seal', 0)]);
    const negative = {
      ...plan,
      nodes: plan.nodes.map((n) => (n.type === 'department' ? { ...n, limitWorkingDays: -1 } : n)),
    };
    expect(servicePlanSchema.safeParse(negative).success).toBe(false);
  });
});
