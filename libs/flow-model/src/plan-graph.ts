import { edgeKey, type PlanBody, type PlanEdge, type PlanNode } from './service-plan.schema';

/** Adjacency of a plan body, by node id. */
export interface PlanGraph {
  byId: Map<string, PlanNode>;
  outgoing: Map<string, PlanEdge[]>;
  incoming: Map<string, PlanEdge[]>;
}

export function planGraph(body: PlanBody): PlanGraph {
  const byId = new Map<string, PlanNode>();
  const outgoing = new Map<string, PlanEdge[]>();
  const incoming = new Map<string, PlanEdge[]>();
  for (const node of body.nodes) {
    byId.set(node.id, node);
    outgoing.set(node.id, []);
    incoming.set(node.id, []);
  }
  for (const edge of body.edges) {
    outgoing.get(edge.from)?.push(edge);
    incoming.get(edge.to)?.push(edge);
  }
  return { byId, outgoing, incoming };
}

/** Node ids reachable from `from` following edges forward (or backward), never entering `blocked`. */
export function reachable(
  graph: PlanGraph,
  from: string,
  direction: 'forward' | 'backward' = 'forward',
  blocked?: string,
): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || id === blocked) continue;
    seen.add(id);
    const edges = direction === 'forward' ? graph.outgoing.get(id) : graph.incoming.get(id);
    for (const e of edges ?? []) stack.push(direction === 'forward' ? e.to : e.from);
  }
  return seen;
}

/** Node ids on a cycle, or an empty list (Kahn's algorithm). */
export function nodesOnCycles(graph: PlanGraph): string[] {
  const indegree = new Map<string, number>();
  for (const [id, edges] of graph.incoming)
    indegree.set(id, edges.filter((e) => graph.byId.has(e.from)).length);
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const e of graph.outgoing.get(id) ?? []) {
      if (!indegree.has(e.to)) continue;
      const d = indegree.get(e.to)! - 1;
      indegree.set(e.to, d);
      if (d === 0) queue.push(e.to);
    }
  }
  return [...indegree].filter(([, d]) => d > 0).map(([id]) => id);
}

export { edgeKey };
