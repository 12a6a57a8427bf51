import type { Digraph } from '../longest-path';

// The longest path (the lint's critical path) lives outside this BPMN entry: the plan simulation uses it too.
export { longestPath } from '../longest-path';

/** Nodes reachable from the entry in reverse post-order (iterative DFS; cycles allowed). */
export function reversePostOrder(g: Digraph): string[] {
  const seen = new Set<string>([g.entry]);
  const post: string[] = [];
  const stack: { id: string; next: number }[] = [{ id: g.entry, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const succ = g.successors(top.id);
    if (top.next < succ.length) {
      const s = succ[top.next++];
      if (!seen.has(s)) {
        seen.add(s);
        stack.push({ id: s, next: 0 });
      }
    } else {
      post.push(top.id);
      stack.pop();
    }
  }
  return post.reverse();
}

/** Immediate dominators of the nodes reachable from the entry (Cooper, Harvey & Kennedy); entry → entry. */
export function immediateDominators(g: Digraph, order = reversePostOrder(g)): Map<string, string> {
  const index = new Map(order.map((id, i) => [id, i]));
  const idom = new Map<string, string>([[g.entry, g.entry]]);
  const intersect = (a: string, b: string): string => {
    while (a !== b) {
      while (index.get(a)! > index.get(b)!) a = idom.get(a)!;
      while (index.get(b)! > index.get(a)!) b = idom.get(b)!;
    }
    return a;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of order) {
      if (id === g.entry) continue;
      let next: string | undefined;
      for (const p of g.predecessors(id)) {
        if (!idom.has(p)) continue;
        next = next === undefined ? p : intersect(p, next);
      }
      if (next !== undefined && idom.get(id) !== next) {
        idom.set(id, next);
        changed = true;
      }
    }
  }
  return idom;
}

/**
 * The fork each join closes: walking up the dominator tree from the join, an inner join skips to above its
 * own fork, and the first fork not yet closed is the one. Joins without a fork are absent from the map.
 */
export function matchJoins(
  g: Digraph,
  isFork: (id: string) => boolean,
  isJoin: (id: string) => boolean,
): Map<string, string> {
  const order = reversePostOrder(g);
  const idom = immediateDominators(g, order);
  const forkOf = new Map<string, string>();
  const closed = new Set<string>();
  for (const join of order) {
    if (!isJoin(join)) continue;
    let x = idom.get(join);
    const visited = new Set<string>();
    while (x !== undefined && !visited.has(x)) {
      visited.add(x);
      if (isJoin(x)) {
        const f = forkOf.get(x);
        x = idom.get(f ?? x);
        continue;
      }
      if (isFork(x) && !closed.has(x)) {
        forkOf.set(join, x);
        closed.add(x);
        break;
      }
      if (x === g.entry) break;
      x = idom.get(x);
    }
  }
  return forkOf;
}
