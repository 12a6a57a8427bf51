import { ConditionError, evaluateCondition } from './feel-condition';
import type { FlatEdge, FlatNode, FlatPlan } from './flatten-plan';

/**
 * A pure token engine over a flattened plan (no Temporal, no clock). Every edge resolves to `live`
 * or `dead` (dead-path elimination), so joins after parallel, exclusive and inclusive gateways all
 * follow one rule: fire once every incoming edge is resolved, live if any incoming edge is live.
 * The issue step fires once everything upstream resolved, even when all of it is dead (a refused
 * case is still issued at the window).
 */
export type NodeRunStatus = 'active' | 'completed' | 'refused' | 'cancelled' | 'skipped';
export type WorkNodeType = 'department' | 'automatic' | 'timer' | 'issue';
export interface PlanRunState {
  nodes: Record<string, NodeRunStatus>;
  edges: Record<string, 'live' | 'dead'>;
  finished: boolean;
}
export interface PlanRunStep {
  state: PlanRunState;
  /** Work nodes that became active: the caller executes them and reports back with completeNode. */
  activated: FlatNode[];
}
export type NodeOutcome = 'completed' | 'refused' | 'cancelled';

/**
 * The plan cannot go on with this case's data: a FEEL condition failed (error or non-boolean) or an
 * exclusive/inclusive gateway found no holding condition and has no default edge. Thrown by
 * `start`/`complete` before any state changes; the caller decides how the case ends.
 */
export class PlanRuntimeError extends Error {
  constructor(
    message: string,
    /** The gateway that could not choose. */
    readonly nodeId: string,
    /** The FEEL expression that failed, when one did. */
    readonly expression?: string,
  ) {
    super(message);
    this.name = 'PlanRuntimeError';
  }
}

const WORK: ReadonlySet<string> = new Set<WorkNodeType>(['department', 'automatic', 'timer', 'issue']);
export const isWorkNode = (n: FlatNode): boolean => WORK.has(n.type);

export class PlanRun {
  private readonly byId = new Map<string, FlatNode>();
  private readonly outgoing = new Map<string, FlatEdge[]>();
  private readonly incoming = new Map<string, FlatEdge[]>();

  constructor(
    readonly plan: FlatPlan,
    private readonly data: Record<string, unknown>,
  ) {
    for (const n of plan.nodes) {
      this.byId.set(n.id, n);
      this.outgoing.set(n.id, []);
      this.incoming.set(n.id, []);
    }
    for (const e of plan.edges) {
      this.outgoing.get(e.from)!.push(e);
      this.incoming.get(e.to)!.push(e);
    }
  }

  node(id: string): FlatNode {
    const n = this.byId.get(id);
    if (!n) throw new Error(`no node "${id}" in plan ${this.plan.key}`);
    return n;
  }

  start(): PlanRunStep {
    const accept = this.plan.nodes.find((n) => n.type === 'accept');
    if (!accept) throw new Error(`plan ${this.plan.key} has no accept node`);
    const state: PlanRunState = { nodes: {}, edges: {}, finished: false };
    const activated: FlatNode[] = [];
    this.resolveNode(state, accept, true, activated);
    return { state, activated };
  }

  /** Reports a work node's outcome; refused or cancelled nodes kill their outgoing path. */
  complete(prev: PlanRunState, nodeId: string, outcome: NodeOutcome): PlanRunStep {
    const state = cloneState(prev);
    if (state.nodes[nodeId] !== 'active')
      throw new Error(`node "${nodeId}" is not active (${state.nodes[nodeId] ?? 'not reached'})`);
    state.nodes[nodeId] = outcome;
    const activated: FlatNode[] = [];
    this.emit(state, this.node(nodeId), outcome === 'completed', activated);
    return { state, activated };
  }

  /**
   * The department steps a work node can be sent back to (退回), nearest first: walking back along a
   * plain sequence — each link one edge out of a work node into a node with one edge in. A gateway,
   * a join or the accept node ends the walk: returning across them would reopen other branches.
   */
  sendBackTargets(nodeId: string): Extract<FlatNode, { type: 'department' }>[] {
    const targets: Extract<FlatNode, { type: 'department' }>[] = [];
    for (const node of this.chainBefore(nodeId)) if (node.type === 'department') targets.push(node);
    return targets;
  }

  /**
   * 退回: the active node `fromId` and everything after `toId` on its sequence return to not-reached,
   * and `toId` becomes active again (returned in `activated`). The way forward is then the same as
   * the first time: conditions are over data pinned at start, so the sequence repeats.
   */
  sendBack(prev: PlanRunState, fromId: string, toId: string): PlanRunStep {
    if (prev.nodes[fromId] !== 'active')
      throw new Error(`node "${fromId}" is not active (${prev.nodes[fromId] ?? 'not reached'})`);
    const chain = this.chainBefore(fromId);
    const at = chain.findIndex((n) => n.id === toId);
    if (at < 0 || chain[at].type !== 'department') {
      const can = this.sendBackTargets(fromId).map((n) => n.id);
      throw new Error(
        `"${toId}" is not an earlier step on the sequence of "${fromId}" (can send back to: ${can.join(', ') || 'none'})`,
      );
    }
    const state = cloneState(prev);
    const reset = [fromId, ...chain.slice(0, at).map((n) => n.id)];
    for (const id of reset) delete state.nodes[id];
    for (const id of [toId, ...chain.slice(0, at).map((n) => n.id)])
      for (const e of this.outgoing.get(id)!) delete state.edges[e.id];
    state.nodes[toId] = 'active';
    return { state, activated: [this.node(toId)] };
  }

  /**
   * What followed a decided work node (撤回): walking forward along the edges its outcome resolved,
   * through the gateways and joins that fired and the nodes skipped as dead, up to the first work nodes
   * that were reached (`reached`: active, or already done). A join still waiting for another branch
   * ends the walk (`edges` then holds the edge that reached it).
   */
  recallReach(
    state: PlanRunState,
    nodeId: string,
  ): { reached: FlatNode[]; passed: string[]; edges: string[] } {
    const reached: FlatNode[] = [];
    const passed: string[] = [];
    const edges: string[] = [];
    const seen = new Set<string>();
    const walk = (id: string): void => {
      for (const e of this.outgoing.get(id)!) {
        if (state.edges[e.id] === undefined || edges.includes(e.id)) continue;
        edges.push(e.id);
        const to = this.node(e.to);
        const status = state.nodes[to.id];
        if (!status || seen.has(to.id)) continue;
        seen.add(to.id);
        if (isWorkNode(to) && status !== 'skipped') reached.push(to);
        else {
          passed.push(to.id);
          walk(to.id);
        }
      }
    };
    walk(nodeId);
    return { reached, passed, edges };
  }

  /**
   * 撤回: the decided work node `nodeId` becomes active again, as if its outcome had not been reported.
   * Everything its outcome resolved (see `recallReach`) returns to not-reached, so the way forward repeats
   * when it decides again; the work nodes that had been reached (all still active, or it throws) are
   * returned in `withdrawn` for the caller to cancel.
   */
  recall(prev: PlanRunState, nodeId: string): { state: PlanRunState; withdrawn: FlatNode[] } {
    const status = prev.nodes[nodeId];
    if (status !== 'completed' && status !== 'refused')
      throw new Error(`node "${nodeId}" has not decided (${status ?? 'not reached'})`);
    const { reached, passed, edges } = this.recallReach(prev, nodeId);
    const done = reached.filter((n) => prev.nodes[n.id] !== 'active');
    if (done.length > 0)
      throw new Error(
        `"${nodeId}" was followed by ${done.map((n) => `"${n.id}" (${prev.nodes[n.id]})`).join(', ')}`,
      );
    const state = cloneState(prev);
    for (const id of [...passed, ...reached.map((n) => n.id)]) delete state.nodes[id];
    for (const id of edges) delete state.edges[id];
    state.nodes[nodeId] = 'active';
    state.finished = false;
    return { state, withdrawn: reached };
  }

  /** The work nodes before `nodeId` on its plain sequence, nearest first. */
  private chainBefore(nodeId: string): FlatNode[] {
    const chain: FlatNode[] = [];
    let current = this.node(nodeId);
    for (;;) {
      const ins = this.incoming.get(current.id)!;
      if (ins.length !== 1) return chain;
      const pred = this.node(ins[0].from);
      if (!isWorkNode(pred) || pred.type === 'issue' || this.outgoing.get(pred.id)!.length !== 1)
        return chain;
      chain.push(pred);
      current = pred;
    }
  }

  activeNodes(state: PlanRunState): FlatNode[] {
    return Object.entries(state.nodes)
      .filter(([, s]) => s === 'active')
      .map(([id]) => this.node(id));
  }

  private emit(state: PlanRunState, node: FlatNode, live: boolean, activated: FlatNode[]): void {
    const outs = this.outgoing.get(node.id)!;
    const chosen = live ? this.choose(node, outs) : new Set<string>();
    for (const e of outs) {
      state.edges[e.id] = chosen.has(e.id) ? 'live' : 'dead';
      this.arrive(state, this.node(e.to), activated);
    }
    if (node.type === 'end' && !node.scope && live) state.finished = true;
  }

  private choose(node: FlatNode, outs: FlatEdge[]): Set<string> {
    if (node.type !== 'exclusive' && node.type !== 'inclusive') return new Set(outs.map((e) => e.id));
    const holding = outs.filter((e) => e.condition && this.holds(node.id, e.condition));
    const picked = node.type === 'exclusive' ? holding.slice(0, 1) : holding;
    if (picked.length > 0) return new Set(picked.map((e) => e.id));
    const fallback = outs.find((e) => e.isDefault);
    if (!fallback)
      throw new PlanRuntimeError(
        `no condition holds at gateway "${node.id}" and it has no default edge`,
        node.id,
      );
    return new Set([fallback.id]);
  }

  private holds(nodeId: string, condition: string): boolean {
    try {
      return evaluateCondition(condition, this.data);
    } catch (e) {
      if (e instanceof ConditionError)
        throw new PlanRuntimeError(`${e.message} at gateway "${nodeId}"`, nodeId, e.expression);
      throw e;
    }
  }

  private arrive(state: PlanRunState, node: FlatNode, activated: FlatNode[]): void {
    if (state.nodes[node.id]) return;
    const ins = this.incoming.get(node.id)!.map((e) => state.edges[e.id]);
    if (ins.some((s) => s === undefined)) return;
    const live = ins.some((s) => s === 'live') || (node.type === 'issue' && !node.scope);
    this.resolveNode(state, node, live, activated);
  }

  private resolveNode(state: PlanRunState, node: FlatNode, live: boolean, activated: FlatNode[]): void {
    if (live && isWorkNode(node)) {
      state.nodes[node.id] = 'active';
      activated.push(node);
      return;
    }
    state.nodes[node.id] = live ? 'completed' : 'skipped';
    this.emit(state, node, live, activated);
  }
}

function cloneState(s: PlanRunState): PlanRunState {
  return { nodes: { ...s.nodes }, edges: { ...s.edges }, finished: s.finished };
}
