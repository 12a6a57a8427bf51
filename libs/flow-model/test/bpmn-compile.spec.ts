import fs from 'node:fs';
import path from 'node:path';
import { hashPlan, validatePlan } from '../src';
import { compileBpmn } from '../src/bpmn';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const compile = async (name: string, options = {}) => compileBpmn(fixture(name), options);
const ids = (problems: { elementId: string }[]) => problems.map((p) => p.elementId);

describe('compileBpmn: node kinds', () => {
  it('accept, parallel fork and join, department steps with every ow: attribute, issue, end', async () => {
    const { plan, problems } = await compile('departments-parallel.bpmn');
    expect(problems).toEqual([]);
    expect(plan).toEqual({
      schemaVersion: 1,
      key: 'restaurant',
      name: '开办餐饮店',
      version: 1,
      refusalPolicy: 'fail_fast',
      nodes: [
        { id: 'accept', name: '受理', type: 'accept' },
        { id: 'fork', type: 'parallel' },
        {
          id: 'food',
          name: '食品经营许可',
          type: 'department',
          departmentCode: 'SCJG',
          role: 'dept_approver',
          limitWorkingDays: 10,
          countersign: { mode: 'at_least', n: 2 },
          assignees: ['u1', 'u2'],
          actions: expect.arrayContaining(['approve', 'refuse', 'send_back', 'cc']),
          itemCode: 'FOOD',
          result: { certificateTypeCode: 'food_licence', name: '食品经营许可证' },
        },
        {
          id: 'fire',
          name: '消防检查',
          type: 'department',
          departmentCode: 'XF',
          role: 'inspector',
          limitWorkingDays: 15,
          countersign: { mode: 'single' },
          assignees: ['u3'],
          actions: ['approve', 'refuse', 'cc'],
        },
        { id: 'join', type: 'join' },
        { id: 'issue', name: '统一出件', type: 'issue', limitWorkingDays: 10 },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { id: 'f1', from: 'accept', to: 'fork' },
        { id: 'f2', from: 'fork', to: 'food' },
        { id: 'f3', from: 'fork', to: 'fire' },
        { id: 'f4', from: 'food', to: 'join' },
        { id: 'f5', from: 'fire', to: 'join' },
        { id: 'f6', from: 'join', to: 'issue' },
        { id: 'f7', from: 'issue', to: 'end' },
      ],
    });
    expect(plan!.nodes[2].type === 'department' && plan!.nodes[2].actions).toHaveLength(11);
    expect(validatePlan(plan!)).toEqual([]);
  });

  it('automatic step with input, exclusive fork with a FEEL condition and a default, natural-day timer', async () => {
    const { plan, problems } = await compile('exclusive-timer-automatic.bpmn');
    expect(problems).toEqual([]);
    expect(plan!.nodes).toEqual(
      expect.arrayContaining([
        {
          id: 'check',
          name: '证照核验',
          type: 'automatic',
          task: 'certificate_check',
          input: { certificateType: 'business_licence' },
        },
        { id: 'area', type: 'exclusive' },
        { id: 'notice', name: '公示', type: 'timer', wait: { value: 7, unit: 'natural_day' } },
        { id: 'merge', type: 'join' },
        { id: 'issue', type: 'issue', limitWorkingDays: 3 },
      ]),
    );
    expect(plan!.edges).toEqual(
      expect.arrayContaining([
        { id: 'big', from: 'area', to: 'fire', condition: 'area > 300' },
        { id: 'small', from: 'area', to: 'notice', isDefault: true },
      ]),
    );
    expect(plan!.key).toBe('shop'); // no ow:key: the process id
  });

  it('inclusive fork: conditions, a default flow straight to the join', async () => {
    const { plan, problems } = await compile('inclusive.bpmn');
    expect(problems).toEqual([]);
    expect(plan!.nodes.find((n) => n.id === 'which')).toEqual({ id: 'which', type: 'inclusive' });
    expect(plan!.edges).toContainEqual({ id: 'none', from: 'which', to: 'merge', isDefault: true });
  });

  it('sub-flows with their own start and end; a task takes its lane department; inner ids lose the sub-process prefix', async () => {
    const { plan, problems } = await compile('subflow-lanes.bpmn');
    expect(problems).toEqual([]);
    const licence = plan!.nodes.find((n) => n.id === 'licence');
    expect(licence).toMatchObject({ type: 'subflow', name: '营业执照', itemCode: 'ITEM_A' });
    expect(licence!.type === 'subflow' && licence!.body.nodes.map((n) => [n.id, n.type])).toEqual([
      ['start', 'start'],
      ['licence_review', 'department'],
      ['end', 'end'],
    ]);
    expect(licence!.type === 'subflow' && licence!.body.nodes[1]).toMatchObject({ departmentCode: 'SCJG' });
  });

  it('a 0-day department step (即办) and joint handling on the process', async () => {
    const xml = fixture('departments-parallel.bpmn')
      .replace('ow:limitWorkingDays="15"', 'ow:limitWorkingDays="0"')
      .replace('ow:refusalPolicy="fail_fast"', 'ow:refusalPolicy="fail_fast" ow:jointHandling="joint"');
    const { plan, problems } = await compileBpmn(xml);
    expect(problems).toEqual([]);
    expect(plan!.jointHandling).toBe('joint');
    expect(plan!.nodes.find((n) => n.id === 'fire')).toMatchObject({ limitWorkingDays: 0 });
    const bad = await compileBpmn(xml.replace('ow:jointHandling="joint"', 'ow:jointHandling="together"'));
    expect(bad.problems).toEqual([
      {
        elementId: 'restaurant',
        elementName: '开办餐饮店',
        code: 'diagram.badJointHandling',
        params: { value: 'together' },
        message: 'ow:jointHandling "together" is not unified, joint or concentrated',
      },
    ]);
  });

  it('options: key, name and version override; a step without ow:assignees is offered to its role group', async () => {
    const xml = fixture('departments-parallel.bpmn').replace(' ow:assignees="u3"', '');
    const missing = await compileBpmn(xml, { roleMembers: () => [] });
    expect(missing.plan).toBeUndefined();
    expect(missing.problems).toEqual([
      {
        elementId: 'fire',
        elementName: '消防检查',
        code: 'department.noRoleMembers',
        params: { role: 'inspector', department: 'XF' },
        message: 'no ow:assignees and no user known with role "inspector" in department "XF"',
      },
    ]);
    const { plan } = await compileBpmn(xml, {
      key: 'item:42',
      version: 3,
      roleMembers: (dept, role) => (dept === 'XF' && role === 'inspector' ? ['x1'] : []),
    });
    expect(plan).toMatchObject({ key: 'item:42', version: 3 });
    // The group claims it at run time (签收): the plan names nobody.
    expect(plan!.nodes.find((n) => n.id === 'fire')).toMatchObject({
      role: 'inspector',
      departmentCode: 'XF',
      assignees: [],
    });
    expect((await compileBpmn(xml)).plan).toBeDefined();
    expect(hashPlan(plan!)).toMatch(/^sha256:/);
  });
});

describe('compileBpmn: bad input is reported by element, never thrown', () => {
  it('a department step without department or limit', async () => {
    const { plan, problems } = await compile('missing-department-and-limit.bpmn');
    expect(plan).toBeUndefined();
    expect(problems).toEqual([
      {
        elementId: 'food',
        elementName: '食品经营许可',
        code: 'department.departmentMissing',
        message: 'a department step needs ow:departmentCode (on the task or on its lane)',
      },
      {
        elementId: 'fire',
        elementName: '消防检查',
        code: 'department.limitMissing',
        message: 'a department step needs ow:limitWorkingDays (working days; 0 = 即办)',
      },
    ]);
  });

  it('at_least:N above the assignees and a sequential countersign of one assignee come from validatePlan', async () => {
    const { problems } = await compile('countersign-bad.bpmn');
    expect(problems).toEqual([
      {
        elementId: 'food',
        elementName: '食品经营许可',
        code: 'countersign.atLeastAssignees',
        params: { n: 3, count: 2 },
        message: 'countersign at_least 3 needs at least 3 assignees, found 2',
      },
      {
        elementId: 'fire',
        elementName: '消防检查',
        code: 'countersign.sequentialAssignees',
        params: { count: 1 },
        message: 'countersign "sequential" needs at least two assignees in signing order, found 1',
      },
    ]);
  });

  it('ow:countersign="sequential" compiles to the sequential mode (依次审批), the assignees in signing order', async () => {
    const xml = fixture('countersign-bad.bpmn')
      .replace('ow:assignees="u3"', 'ow:assignees="u5,u3,u4"')
      .replace('ow:countersign="at_least:3"', 'ow:countersign="at_least:2"');
    const { plan, problems } = await compileBpmn(xml);
    expect(problems).toEqual([]);
    const fire = plan!.nodes.find((n) => n.id === 'fire');
    expect(fire).toMatchObject({ countersign: { mode: 'sequential' }, assignees: ['u5', 'u3', 'u4'] });
  });

  it('bad FEEL and a missing condition are placed on their flows', async () => {
    const { problems } = await compile('conditions-bad.bpmn');
    expect(ids(problems).sort()).toEqual(['big', 'small']);
    expect(problems.find((p) => p.elementId === 'big')!.message).toMatch(/FEEL syntax error/);
    expect(problems.find((p) => p.elementId === 'small')!.message).toBe(
      'needs a FEEL condition or isDefault',
    );
  });

  it('a dead end and a node that is not reached', async () => {
    const { problems } = await compile('dead-end.bpmn');
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          elementId: 'fire',
          elementName: '消防检查',
          code: 'structure.deadEnd',
          message: 'never reaches the end "end"',
        },
        { elementId: 'orphan', code: 'structure.unreachable', message: 'unreachable from "accept"' },
      ]),
    );
  });

  it('unsupported elements are refused by name: pools, message flows, boundary events, loops, script tasks, event sub-processes', async () => {
    const { plan, problems } = await compile('unsupported.bpmn');
    expect(plan).toBeUndefined();
    const byId = Object.fromEntries(problems.map((p) => [p.elementId, p.message]));
    expect(byId).toMatchObject({
      collab: expect.stringMatching(/2 pools/),
      msg: expect.stringMatching(/message flow "msg" is not supported/),
      b: expect.stringMatching(/a second process "b"/),
      task: expect.stringMatching(/loops and multi-instance are not supported/),
      deadline: expect.stringMatching(/a boundary event \("deadline"\) is not supported/),
      script: expect.stringMatching(/a script task \("script"\) is not supported/),
      events: 'an event sub-process is not supported',
    });
  });

  it('foreign extension attributes and elements, and ow: attributes on the wrong element', async () => {
    const { problems } = await compile('foreign-extensions.bpmn');
    expect(problems.map((p) => p.message).sort()).toEqual([
      'extension elements <camunda:properties> are not supported (OneWindow settings are ow: attributes)',
      'ow:task is not an attribute of user task (see ow.json)',
      'the foreign extension attribute camunda:assignee is not supported (only ow: attributes are read)',
    ]);
    expect(new Set(ids(problems))).toEqual(new Set(['task']));
  });

  it('duplicate ids', async () => {
    const { plan, problems } = await compile('duplicate-ids.bpmn');
    expect(plan).toBeUndefined();
    expect(problems[0]).toEqual({
      elementId: 'food',
      code: 'parse.duplicateId',
      params: { id: 'food', line: 7 },
      message: 'duplicate id "food": a second <bpmn:userTask> uses it (line 7); ids must be unique',
    });
  });

  it.each([
    [
      'malformed XML',
      '<bpmn:definitions><bpmn:process></bpmn:definitions>',
      /^not a BPMN 2.0 XML document: unparsable content/,
    ],
    ['not XML at all', 'hello', /^not a BPMN 2.0 XML document/],
    ['an empty string', '', /^the diagram is empty/],
    [
      'definitions without a process',
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x" />',
      /^the diagram has no process/,
    ],
    ['another XML vocabulary', '<html><body /></html>', /.+/],
  ])('%s', async (_label, xml, message) => {
    const { plan, problems } = await compileBpmn(xml);
    expect(plan).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].elementId).toBe('diagram');
    expect(problems[0].message).toMatch(message);
  });

  it('a process without start, issue or end says so', async () => {
    const xml = fixture('departments-parallel.bpmn')
      .replace(/<bpmn:startEvent[^>]*\/>/, '')
      .replace(/<bpmn:sequenceFlow id="f1"[^>]*\/>/, '');
    const { problems } = await compileBpmn(xml);
    expect(problems).toContainEqual({
      elementId: 'restaurant',
      elementName: '开办餐饮店',
      code: 'structure.startCount',
      params: { found: 0 },
      message: 'needs exactly one "accept" node, found 0',
    });
  });

  it('a ~5 MB diagram (10,000 parallel steps with documentation) compiles completely', async () => {
    const n = 10_000;
    const pad = 'x'.repeat(300);
    const tasks: string[] = [];
    const flows: string[] = [];
    for (let i = 0; i < n; i++) {
      tasks.push(
        `<bpmn:userTask id="t${i}" name="step ${i}" ow:departmentCode="D${i % 40}" ow:limitWorkingDays="${1 + (i % 20)}" ow:assignees="u${i}"><bpmn:documentation>${pad}</bpmn:documentation></bpmn:userTask>`,
      );
      flows.push(`<bpmn:sequenceFlow id="a${i}" sourceRef="fork" targetRef="t${i}" />`);
      flows.push(`<bpmn:sequenceFlow id="b${i}" sourceRef="t${i}" targetRef="join" />`);
    }
    const xml = fixture('departments-parallel.bpmn')
      .replace(/<bpmn:userTask id="food"[^>]*\/>\s*<bpmn:userTask id="fire"[^>]*\/>/, tasks.join('\n'))
      .replace(
        /<bpmn:sequenceFlow id="f2"[^>]*\/>[\s\S]*<bpmn:sequenceFlow id="f5"[^>]*\/>/,
        flows.join('\n'),
      );
    expect(xml.length).toBeGreaterThan(5_000_000);
    const { plan, problems } = await compileBpmn(xml);
    expect(problems).toEqual([]);
    expect(plan!.nodes.filter((node) => node.type === 'department')).toHaveLength(n);
    expect(plan!.edges).toHaveLength(2 * n + 3);
  });

  it('a file over the size limit is refused before parsing', async () => {
    const { problems } = await compileBpmn(`<x>${' '.repeat(11 * 1024 * 1024)}</x>`);
    expect(problems).toEqual([
      {
        elementId: 'diagram',
        code: 'parse.tooLarge',
        params: { mb: '11.0', maxMb: 10 },
        message: expect.stringMatching(/^the file has 11\.0 MB; diagrams are limited to 10 MB/),
      },
    ]);
  });
});
