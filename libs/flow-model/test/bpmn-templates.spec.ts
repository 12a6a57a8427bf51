import { flattenPlan } from '../src';
import {
  bundleTemplate,
  exclusiveBranchTemplate,
  lintAndCompile,
  parallelDepartmentsTemplate,
  type LintContext,
} from '../src/bpmn';

const scjg = { code: 'SFS-SCJG', name: '市场监督管理局' };
const xfjy = { code: 'SFS-XFJY', name: '消防救援支队' };

/** The catalogue and the role groups, as the designer and publishing lint with them. */
const context: LintContext = {
  catalogue: { departmentCodes: [scjg.code, xfjy.code], itemCodes: ['FOOD', 'FIRE'] },
  limits: { promisedWorkingDays: 10, statutoryWorkingDays: 20 },
  itemLimits: {
    FOOD: { promisedWorkingDays: 10, statutoryWorkingDays: 20 },
    FIRE: { promisedWorkingDays: 7, statutoryWorkingDays: 10 },
  },
  roleMembers: (department, role) =>
    role === 'dept_approver' ? ({ [scjg.code]: ['u-scjg'], [xfjy.code]: ['u-xfjy'] }[department] ?? []) : [],
};

describe('the designer templates', () => {
  it('"N departments in parallel, then issuance" asks for each step\'s limit, and is clean once they are set', async () => {
    const xml = await parallelDepartmentsTemplate('k', '示例', [scjg, xfjy]);
    const first = await lintAndCompile(xml, context);
    expect(first.plan).toBeUndefined();
    expect(first.problems.map((p) => [p.elementId, p.code])).toEqual([
      ['dept_1', 'department.limitMissing'],
      ['dept_2', 'department.limitMissing'],
    ]);
    const limited = xml.replace(/(<bpmn:userTask id="dept_\d+")/g, '$1 ow:limitWorkingDays="5"');
    const done = await lintAndCompile(limited, context);
    expect(done.problems).toEqual([]);
    expect(done.plan!.nodes.filter((n) => n.type === 'department')).toHaveLength(2);
  });

  it('"a bundle of items as sub-flows" lints and compiles clean: one sub-flow per item, in parallel, each step for the role group of its department', async () => {
    const xml = await bundleTemplate('bundle', '开办餐饮店', [
      { code: 'FOOD', name: '食品经营许可', department: scjg, limitWorkingDays: 5 },
      { code: 'FIRE', name: '消防安全检查', department: xfjy, limitWorkingDays: 5 },
    ]);
    expect(xml).toContain('name="受理"');
    const { plan, problems } = await lintAndCompile(xml, context);
    expect(problems).toEqual([]);
    const subflows = plan!.nodes.filter((n) => n.type === 'subflow');
    expect(subflows.map((s) => s.type === 'subflow' && s.itemCode)).toEqual(['FOOD', 'FIRE']);
    expect(
      flattenPlan(plan!)
        .nodes.filter((n) => n.type === 'department')
        .map((n) => n.type === 'department' && [n.id, n.departmentCode, n.itemCode]),
    ).toEqual([
      ['item_1/review', scjg.code, 'FOOD'],
      ['item_2/review', xfjy.code, 'FIRE'],
    ]);
    // No ow:assignees: the department's role group takes the step.
    expect(xml).not.toContain('ow:assignees');
  });

  it('"an exclusive branch on an application field" lints and compiles clean: the condition on one flow, the other the default', async () => {
    const xml = await exclusiveBranchTemplate('branch', '按面积分流', {
      condition: 'area > 300',
      labels: { when: '面积大于 300 ㎡', otherwise: '其他' },
      when: { department: xfjy, limitWorkingDays: 8, name: '消防现场检查' },
      otherwise: { department: scjg, limitWorkingDays: 3 },
    });
    expect(xml).toContain('name="面积大于 300 ㎡"');
    const { plan, problems } = await lintAndCompile(xml, context);
    expect(problems).toEqual([]);
    expect(plan!.nodes.find((n) => n.id === 'Gateway_branch')?.type).toBe('exclusive');
    expect(plan!.edges.filter((e) => e.from === 'Gateway_branch')).toEqual([
      expect.objectContaining({ to: 'when_step', condition: 'area > 300' }),
      expect.objectContaining({ to: 'otherwise_step', isDefault: true }),
    ]);
  });

  it('a template over the limit is not clean: the lint measures it like any diagram', async () => {
    const xml = await bundleTemplate('bundle', '开办餐饮店', [
      { code: 'FIRE', name: '消防安全检查', department: xfjy, limitWorkingDays: 12 },
    ]);
    const { plan, problems } = await lintAndCompile(xml, context);
    expect(plan).toBeUndefined();
    expect(problems.map((p) => p.code)).toContain('criticalPath.statutory');
  });
});
