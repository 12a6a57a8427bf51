import fs from 'node:fs';
import path from 'node:path';
import { PROBLEM_CODES, lintAndCompile, type LintContext, type LintProblem } from '../src/bpmn';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const lint = async (name: string, context: LintContext = {}) => lintAndCompile(fixture(name), context);
const byRule = (problems: LintProblem[], rule: string) => problems.filter((p) => p.rule === rule);

describe('lintAndCompile (bpmnlint-plugin-onewindow)', () => {
  it.each([
    'departments-parallel.bpmn',
    'exclusive-timer-automatic.bpmn',
    'inclusive.bpmn',
    'subflow-lanes.bpmn',
  ])('%s: no problem, a plan', async (name) => {
    const { plan, problems } = await lint(name);
    expect(problems).toEqual([]);
    expect(plan).toBeDefined();
  });

  it('department-step: department and limit', async () => {
    const { plan, problems } = await lint('missing-department-and-limit.bpmn');
    expect(plan).toBeUndefined();
    expect(byRule(problems, 'onewindow/department-step')).toEqual([
      {
        elementId: 'food',
        elementName: '食品经营许可',
        code: 'department.departmentMissing',
        message: 'a department step needs a department (ow:departmentCode on the task or its lane)',
        severity: 'error',
        rule: 'onewindow/department-step',
      },
      {
        elementId: 'fire',
        elementName: '消防检查',
        code: 'department.limitMissing',
        message: 'a department step needs a time limit (ow:limitWorkingDays, working days; 0 = 即办)',
        severity: 'error',
        rule: 'onewindow/department-step',
      },
    ]);
  });

  it('a problem the lint rule and the compiler both find is reported once, by the rule', async () => {
    // The compiler refuses a department step without department or limit too; its report is left out.
    const { problems } = await lint('missing-department-and-limit.bpmn');
    expect(problems.map((p) => [p.elementId, p.code, p.rule])).toEqual([
      ['food', 'department.departmentMissing', 'onewindow/department-step'],
      ['fire', 'department.limitMissing', 'onewindow/department-step'],
    ]);
    const invalid = await lintAndCompile(
      fixture('departments-parallel.bpmn').replace(
        /(<bpmn:userTask id="fire"[^>]*ow:limitWorkingDays=")\d+"/,
        '$1ten"',
      ),
    );
    expect(invalid.problems.map((p) => [p.elementId, p.code, p.params])).toEqual([
      ['fire', 'department.limitInvalid', { value: 'ten' }],
    ]);
  });

  it('every problem has a code of PROBLEM_CODES (the list the designer translates)', async () => {
    const codes = new Set<string>(PROBLEM_CODES);
    const seen = new Set<string>();
    for (const name of fs.readdirSync(path.join(__dirname, 'fixtures'))) {
      const { problems } = await lint(name, {
        limits: { promisedWorkingDays: 1, statutoryWorkingDays: 2 },
        catalogue: { departmentCodes: [], itemCodes: [] },
      });
      for (const p of problems) {
        expect(codes.has(p.code)).toBe(true);
        seen.add(p.code);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
  });

  it('fork-join: a parallel fork closed by an exclusive join', async () => {
    const { problems } = await lint('fork-join-mismatch.bpmn');
    expect(byRule(problems, 'onewindow/fork-join').map((p) => [p.elementId, p.message])).toEqual([
      ['join', 'this exclusive join closes the parallel fork "fork": use the same kind of gateway'],
    ]);
  });

  it('fork-join: a fork whose branches are never merged', async () => {
    const xml = fixture('departments-parallel.bpmn')
      .replace('<bpmn:parallelGateway id="join" />', '')
      .replace(/targetRef="join"/g, 'targetRef="issue"')
      .replace(/<bpmn:sequenceFlow id="f6"[^>]*\/>/, '');
    const { problems } = await lintAndCompile(xml);
    expect(byRule(problems, 'onewindow/fork-join').map((p) => [p.elementId, p.message])).toEqual([
      ['fork', 'the branches of this fork are not merged by a parallel join gateway'],
    ]);
  });

  it('no-dead-ends: unreachable elements and dead ends', async () => {
    const { problems } = await lint('dead-end.bpmn');
    expect(byRule(problems, 'onewindow/no-dead-ends').map((p) => [p.elementId, p.message])).toEqual([
      ['fire', 'a dead end: no path from here reaches the end event'],
      ['orphan', 'unreachable: no path from the start event leads here'],
    ]);
  });

  it('gateway-conditions and feel: no default, a flow without condition, FEEL that does not parse', async () => {
    const { problems } = await lint('conditions-bad.bpmn');
    expect(byRule(problems, 'onewindow/gateway-conditions').map((p) => [p.elementId, p.message])).toEqual([
      ['area', 'no default flow: mark the flow taken when no condition holds as default'],
      ['small', 'no condition: every flow but the default needs a FEEL condition'],
    ]);
    expect(byRule(problems, 'onewindow/feel')).toEqual([
      expect.objectContaining({ elementId: 'big', message: expect.stringMatching(/^FEEL syntax error/) }),
    ]);
  });

  it('gateway-conditions: a default flow with a condition', async () => {
    const xml = fixture('exclusive-timer-automatic.bpmn').replace(
      '<bpmn:sequenceFlow id="small" sourceRef="area" targetRef="notice" />',
      '<bpmn:sequenceFlow id="small" sourceRef="area" targetRef="notice"><bpmn:conditionExpression>area &lt;= 300</bpmn:conditionExpression></bpmn:sequenceFlow>',
    );
    const { problems } = await lintAndCompile(xml);
    expect(byRule(problems, 'onewindow/gateway-conditions').map((p) => p.elementId)).toEqual(['small']);
  });

  it('catalogue: departments and items must exist (only the lists given are checked)', async () => {
    const good = await lint('subflow-lanes.bpmn', {
      catalogue: { departmentCodes: ['SCJG', 'SW'], itemCodes: ['ITEM_A', 'ITEM_B'] },
    });
    expect(good.problems).toEqual([]);
    const bad = await lint('subflow-lanes.bpmn', {
      catalogue: { departmentCodes: ['SW'], itemCodes: ['ITEM_A'] },
    });
    expect(byRule(bad.problems, 'onewindow/catalogue').map((p) => [p.elementId, p.message])).toEqual([
      ['lane_market', 'the lane\'s department "SCJG" is not in the catalogue'],
      ['licence_review', 'the department "SCJG" is not in the catalogue'],
      ['tax', 'the item "ITEM_B" is not in the catalogue'],
    ]);
    expect(bad.plan).toBeUndefined();
  });

  it('countersign: at_least:N fits the assignees; sequential lists two or more in order', async () => {
    const { problems } = await lint('countersign-bad.bpmn');
    expect(byRule(problems, 'onewindow/countersign').map((p) => [p.elementId, p.message])).toEqual([
      ['food', 'countersign at_least:3 needs at least 3 assignees, the step has 2'],
      ['fire', 'countersign "sequential" needs at least two assignees in signing order, found 1'],
    ]);
  });

  describe('critical path in working days', () => {
    // fork → food (10) ‖ fire (15) → join → issue: the longest branch counts, 15 days; issuance counts nothing
    // (the item's limits run to the decision, Art. 42; issuance has its own 10 days after it, Art. 44).
    it('fits: no problem', async () => {
      const { plan, problems } = await lint('departments-parallel.bpmn', {
        limits: { promisedWorkingDays: 15, statutoryWorkingDays: 15 },
      });
      expect(problems).toEqual([]);
      expect(plan).toBeDefined();
    });

    it('over the promised limit: a warning, and the plan is still given', async () => {
      const { plan, problems } = await lint('departments-parallel.bpmn', {
        limits: { promisedWorkingDays: 14, statutoryWorkingDays: 30 },
      });
      expect(problems).toEqual([
        {
          elementId: 'restaurant',
          elementName: '开办餐饮店',
          code: 'criticalPath.promised',
          params: { days: 15, limit: 14, path: '消防检查' },
          message: 'the critical path takes 15 working days, over the promised limit of 14 (fire)',
          severity: 'warning',
          rule: 'onewindow/critical-path-promised',
        },
      ]);
      expect(plan).toBeDefined();
    });

    it('over the statutory limit: an error, no plan', async () => {
      const { plan, problems } = await lint('departments-parallel.bpmn', {
        limits: { statutoryWorkingDays: 14 },
      });
      expect(problems.map((p) => [p.rule, p.severity])).toEqual([
        ['onewindow/critical-path-statutory', 'error'],
      ]);
      expect(plan).toBeUndefined();
    });

    it('timers count their days; exclusive branches count as their longest', async () => {
      // check → area → fire (5) | notice (7 natural days) → merge → issue: 7.
      const { problems } = await lint('exclusive-timer-automatic.bpmn', {
        limits: { statutoryWorkingDays: 6 },
      });
      expect(problems.map((p) => p.message)).toEqual([
        'the critical path takes 7 working days, over the statutory limit of 6 (notice)',
      ]);
    });

    it('sub-flows count their own critical path, and are checked against their item limits', async () => {
      // licence (4) ‖ tax (6) → issue: 6.
      const { problems } = await lint('subflow-lanes.bpmn', {
        limits: { statutoryWorkingDays: 5 },
        itemLimits: { ITEM_B: { promisedWorkingDays: 5 } },
      });
      expect(problems.map((p) => [p.elementId, p.severity, p.message])).toEqual([
        [
          'tax',
          'warning',
          'the critical path takes 6 working days, over the promised limit of 5 (tax_review)',
        ],
        ['bundle', 'error', 'the critical path takes 6 working days, over the statutory limit of 5 (tax)'],
      ]);
    });
  });

  it('parse and compile problems come through with their rule; a duplicate message is reported once', async () => {
    const malformed = await lintAndCompile('<bpmn:definitions');
    expect(malformed.problems).toEqual([
      expect.objectContaining({ elementId: 'diagram', severity: 'error', rule: 'parse' }),
    ]);
    const unsupported = await lint('unsupported.bpmn');
    expect(unsupported.problems).toContainEqual(
      expect.objectContaining({ elementId: 'script', rule: 'compile', severity: 'error' }),
    );
    const keys = unsupported.problems.map((p) => `${p.elementId}|${p.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
