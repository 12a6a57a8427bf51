import { feelSyntaxError } from './feel-condition';
import { nodesOnCycles, planGraph, reachable } from './plan-graph';
import {
  edgeKey,
  servicePlanSchema,
  type PlanBody,
  type PlanNode,
  type ServicePlan,
} from './service-plan.schema';

export interface PlanIssue {
  /** Where: a node id (`sub/inner` inside a sub-flow), an edge `from->to`, or `plan`. */
  path: string;
  message: string;
}

export class PlanValidationError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    super(`invalid service plan:\n${issues.map((i) => `- ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'PlanValidationError';
  }
}

const GATEWAYS = new Set(['parallel', 'exclusive', 'inclusive']);
const MERGING = new Set(['join', 'issue', 'end']);

/** Structural checks of a plan: every message names the node or edge at fault. Empty list = valid. */
export function validatePlan(plan: ServicePlan): PlanIssue[] {
  return validateBody(plan, 'top', '');
}

function validateBody(body: PlanBody, level: 'top' | 'subflow', prefix: string): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const at = (path: string, message: string) => issues.push({ path: prefix + path, message });
  const graph = planGraph(body);

  const seen = new Set<string>();
  for (const node of body.nodes) {
    if (seen.has(node.id)) at(node.id, 'duplicate node id');
    seen.add(node.id);
  }
  for (const edge of body.edges) {
    if (!graph.byId.has(edge.from)) at(edgeKey(edge), `dangling edge: source "${edge.from}" is not a node`);
    if (!graph.byId.has(edge.to)) at(edgeKey(edge), `dangling edge: target "${edge.to}" is not a node`);
    if (edge.from === edge.to) at(edgeKey(edge), 'an edge may not loop onto its own node');
  }

  const entryType = level === 'top' ? 'accept' : 'start';
  const entries = body.nodes.filter((n) => n.type === entryType);
  const ends = body.nodes.filter((n) => n.type === 'end');
  const issues_ = body.nodes.filter((n) => n.type === 'issue');
  if (entries.length !== 1) at('plan', `needs exactly one "${entryType}" node, found ${entries.length}`);
  if (ends.length === 0) at('plan', 'missing end: add an "end" node');
  if (ends.length > 1) at('plan', `needs exactly one "end" node, found ${ends.length}`);
  if (level === 'top' && issues_.length !== 1)
    at('plan', `needs exactly one "issue" step at the window, found ${issues_.length}`);
  if (level === 'subflow' && issues_.length > 0)
    at(issues_[0].id, 'a sub-flow may not issue: issuance happens once, at the window');
  for (const n of body.nodes) {
    if (n.type === (level === 'top' ? 'start' : 'accept'))
      at(n.id, `"${n.type}" is not allowed here (use "${entryType}")`);
  }

  for (const node of body.nodes) checkNode(node, graph, at);

  const cyclic = nodesOnCycles(graph);
  if (cyclic.length > 0) at('plan', `the flow has a cycle through ${cyclic.join(', ')}: plans are acyclic`);

  const entry = entries[0];
  if (entry) {
    const fromEntry = reachable(graph, entry.id);
    for (const n of body.nodes) if (!fromEntry.has(n.id)) at(n.id, `unreachable from "${entry.id}"`);
    const end = ends[0];
    if (end) {
      const toEnd = reachable(graph, end.id, 'backward');
      for (const n of body.nodes)
        if (fromEntry.has(n.id) && !toEnd.has(n.id)) at(n.id, `never reaches the end "${end.id}"`);
      const issue = issues_[0];
      if (level === 'top' && issue && reachable(graph, entry.id, 'forward', issue.id).has(end.id)) {
        at(end.id, `a path reaches the end without passing the issue step "${issue.id}"`);
      }
    }
    for (const n of body.nodes) {
      if (n.type !== 'join') continue;
      const upstream = reachable(graph, n.id, 'backward');
      const hasSplit = [...upstream].some(
        (id) => fromEntry.has(id) && GATEWAYS.has(graph.byId.get(id)?.type ?? ''),
      );
      if (!hasSplit) at(n.id, 'join without fork: no parallel/exclusive/inclusive gateway precedes it');
    }
  }

  for (const node of body.nodes) {
    if (node.type === 'subflow') issues.push(...validateBody(node.body, 'subflow', `${prefix}${node.id}/`));
  }
  return issues;
}

function checkNode(node: PlanNode, graph: PlanGraph, at: (path: string, message: string) => void): void {
  const outs = graph.outgoing.get(node.id) ?? [];
  const ins = graph.incoming.get(node.id) ?? [];
  if (node.type === 'accept' || node.type === 'start') {
    if (ins.length > 0) at(node.id, `"${node.type}" may not have incoming edges`);
  } else if (ins.length > 1 && !MERGING.has(node.type)) {
    at(node.id, `${ins.length} incoming edges: merge branches with a "join" first`);
  }
  if (node.type === 'end') {
    if (outs.length > 0) at(node.id, 'the end may not have outgoing edges');
  } else if (GATEWAYS.has(node.type)) {
    if (outs.length === 0) at(node.id, 'a gateway needs at least one outgoing edge');
  } else if (outs.length !== 1) {
    at(node.id, `needs exactly one outgoing edge, found ${outs.length}`);
  }

  const conditional = node.type === 'exclusive' || node.type === 'inclusive';
  let defaults = 0;
  for (const e of outs) {
    if (e.isDefault) defaults += 1;
    if (!conditional && (e.condition || e.isDefault)) {
      at(
        edgeKey(e),
        `conditions and defaults belong on edges leaving exclusive/inclusive gateways, not "${node.type}"`,
      );
    }
    if (conditional && !e.condition && !e.isDefault) at(edgeKey(e), 'needs a FEEL condition or isDefault');
    if (e.condition && e.isDefault) at(edgeKey(e), 'a default edge has no condition');
    const syntax = e.condition ? feelSyntaxError(e.condition) : undefined;
    if (syntax) at(edgeKey(e), syntax);
  }
  if (defaults > 1) at(node.id, 'at most one default edge');

  if (node.type === 'department') {
    const cs = node.countersign;
    if (new Set(node.assignees).size !== node.assignees.length) at(node.id, 'assignees must be distinct');
    // A step without named assignees is one seat: its role group, claimed by one member (签收).
    const seatCount = node.assignees.length === 0 ? 1 : node.assignees.length;
    if (cs.mode === 'single' && seatCount !== 1)
      at(node.id, 'countersign "single" takes exactly one assignee');
    if (cs.mode === 'sequential' && node.assignees.length < 2)
      at(
        node.id,
        `countersign "sequential" needs at least two assignees in signing order, found ${node.assignees.length}`,
      );
    if (cs.mode === 'at_least' && cs.n > seatCount) {
      at(
        node.id,
        `countersign at_least ${cs.n} needs at least ${cs.n} assignees, found ${node.assignees.length}`,
      );
    }
    if (!node.actions.includes('approve') || !node.actions.includes('refuse')) {
      at(node.id, 'a department step must allow "approve" and "refuse"');
    }
  }
}

type PlanGraph = ReturnType<typeof planGraph>;

/** Parses (zod) and validates a plan; throws PlanValidationError listing every problem. */
export function parseServicePlan(input: unknown): ServicePlan {
  const parsed = servicePlanSchema.safeParse(input);
  if (!parsed.success) {
    throw new PlanValidationError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'plan', message: i.message })),
    );
  }
  const issues = validatePlan(parsed.data);
  if (issues.length > 0) throw new PlanValidationError(issues);
  return parsed.data;
}
