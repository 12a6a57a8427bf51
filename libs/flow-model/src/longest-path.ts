/** A directed graph by node id (BPMN elements or plan nodes), for dominators, fork/join matching and paths. */
export interface Digraph {
  entry: string;
  nodes: readonly string[];
  successors: (id: string) => readonly string[];
  predecessors: (id: string) => readonly string[];
}

/**
 * How a path is measured: its length before the first node (`origin`), the length after a node given the
 * length when the node is reached (`extend`, monotonic), and which of two lengths is the longer.
 */
export interface PathMeasure<T> {
  origin: T;
  extend: (at: T, id: string) => T;
  longer: (a: T, b: T) => boolean;
}

/**
 * The longest path from the graph's sources to `target` under a measure (undefined when the graph has a cycle
 * or the target cannot be reached): its length, its nodes, and the length at the end of every node reached.
 * One pass in topological order (Kahn): a node's length is its longest predecessor's, extended by the node.
 * The critical path of the lint (working days) and the simulation's due dates (calendar dates) both use it.
 */
export function longestPathBy<T>(
  g: Digraph,
  measure: PathMeasure<T>,
  target: string,
): { length: T; path: string[]; at: Map<string, T> } | undefined {
  const indegree = new Map<string, number>();
  for (const id of g.nodes) indegree.set(id, 0);
  for (const id of g.nodes) for (const s of g.successors(id)) indegree.set(s, (indegree.get(s) ?? 0) + 1);
  const best = new Map<string, { length: T; via?: string }>();
  const queue = g.nodes.filter((id) => indegree.get(id) === 0);
  for (const id of queue) best.set(id, { length: measure.extend(measure.origin, id) });
  let done = 0;
  while (queue.length > 0) {
    const id = queue.pop()!;
    done += 1;
    const here = best.get(id);
    for (const s of g.successors(id)) {
      if (here) {
        const length = measure.extend(here.length, s);
        const previous = best.get(s);
        if (!previous || measure.longer(length, previous.length)) best.set(s, { length, via: id });
      }
      const d = indegree.get(s)! - 1;
      indegree.set(s, d);
      if (d === 0) queue.push(s);
    }
  }
  const end = best.get(target);
  if (!end || done < g.nodes.length) return undefined; // unreachable target, or a cycle

  const path: string[] = [];
  for (let at: string | undefined = target; at !== undefined; at = best.get(at)?.via) path.push(at);
  return {
    length: end.length,
    path: path.reverse(),
    at: new Map([...best].map(([id, b]) => [id, b.length])),
  };
}

/**
 * The longest path from the entry, by the weight of the nodes on it (undefined when the graph has a
 * cycle or the target cannot be reached): its length and its nodes.
 */
export function longestPath(
  g: Digraph,
  weight: (id: string) => number,
  target: string,
): { length: number; path: string[] } | undefined {
  const found = longestPathBy(
    g,
    { origin: 0, extend: (length, id) => length + weight(id), longer: (a, b) => a > b },
    target,
  );
  return found && { length: found.length, path: found.path };
}
