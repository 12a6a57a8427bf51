import fs from 'node:fs';
import path from 'node:path';
import { validatePlan, type ServicePlan } from '../src';
import { compileBpmn } from '../src/bpmn';
import { planIssueCode } from '../src/bpmn/plan-issue-codes';

const plan = async (): Promise<ServicePlan> =>
  (await compileBpmn(fs.readFileSync(path.join(__dirname, 'fixtures', 'departments-parallel.bpmn'), 'utf8')))
    .plan!;

describe("planIssueCode: validatePlan's issues get their own codes", () => {
  it('recognises the issues of broken plans (no structure.other for them)', async () => {
    const good = await plan();
    const broken: ServicePlan[] = [
      // No issue step, no end, an edge onto itself, a department step with duplicate assignees.
      {
        ...good,
        nodes: good.nodes
          .filter((n) => n.type !== 'issue' && n.type !== 'end')
          .map((n) => (n.type === 'department' ? { ...n, assignees: ['u1', 'u1'] } : n)),
        edges: [...good.edges, { from: 'fork', to: 'fork' }],
      },
      // A cycle back to the fork; a second default on a parallel gateway's edge.
      {
        ...good,
        edges: [
          ...good.edges.map((e) => (e.from === 'fork' ? { ...e, isDefault: true } : e)),
          { from: 'join', to: 'fork' },
        ],
      },
    ];
    const messages = broken.flatMap((p) => validatePlan(p).map((i) => i.message));
    expect(messages.length).toBeGreaterThan(5);
    const unknown = messages.filter((m) => planIssueCode(m).code === 'structure.other');
    expect(unknown).toEqual([]);
    expect(planIssueCode('needs exactly one "issue" step at the window, found 0')).toEqual({
      code: 'issue.count',
      params: { found: 0 },
    });
  });

  it('an issue no pattern knows keeps its text as the detail', () => {
    expect(planIssueCode('something new')).toEqual({
      code: 'structure.other',
      params: { detail: 'something new' },
    });
  });
});
