import {
  edgeKey,
  type PlanBody,
  type PlanNode,
  type ServicePlan,
  type SubflowNode,
} from './service-plan.schema';

/** A node of the flattened plan: sub-flows are inlined, their node ids prefixed `subflowId/`. */
export type FlatNode = Exclude<PlanNode, SubflowNode> & {
  /** The enclosing sub-flow path (`outer/inner`), absent at the top level. */
  scope?: string;
  /** The item code of the enclosing sub-flow, if any. */
  itemCode?: string;
};
export interface FlatEdge {
  id: string;
  from: string;
  to: string;
  condition?: string;
  isDefault?: boolean;
}
export interface FlatPlan {
  key: string;
  name: string;
  version: number;
  refusalPolicy: ServicePlan['refusalPolicy'];
  onBranchReturn: NonNullable<ServicePlan['onBranchReturn']>;
  nodes: FlatNode[];
  edges: FlatEdge[];
}

/** Inlines every sub-flow: edges into a sub-flow go to its `start`, edges out of it leave from its `end`. */
export function flattenPlan(plan: ServicePlan): FlatPlan {
  const { nodes, edges } = flattenBody(plan, '', undefined, undefined);
  return {
    key: plan.key,
    name: plan.name,
    version: plan.version,
    refusalPolicy: plan.refusalPolicy,
    onBranchReturn: plan.onBranchReturn ?? 'continue',
    nodes,
    edges,
  };
}

function flattenBody(
  body: PlanBody,
  prefix: string,
  scope: string | undefined,
  itemCode: string | undefined,
): { nodes: FlatNode[]; edges: FlatEdge[] } {
  const nodes: FlatNode[] = [];
  const edges: FlatEdge[] = [];
  const entryOf = new Map<string, string>();
  const exitOf = new Map<string, string>();
  for (const node of body.nodes) {
    if (node.type === 'subflow') {
      const inner = flattenBody(node.body, `${prefix}${node.id}/`, `${prefix}${node.id}`, node.itemCode);
      nodes.push(...inner.nodes);
      edges.push(...inner.edges);
      entryOf.set(node.id, `${prefix}${node.id}/${node.body.nodes.find((n) => n.type === 'start')!.id}`);
      exitOf.set(node.id, `${prefix}${node.id}/${node.body.nodes.find((n) => n.type === 'end')!.id}`);
    } else {
      const flat: FlatNode = { ...node, id: prefix + node.id };
      if (scope) flat.scope = scope;
      // A step's own item code wins over the enclosing sub-flow's.
      if (itemCode && !('itemCode' in node && node.itemCode)) flat.itemCode = itemCode;
      nodes.push(flat);
    }
  }
  for (const edge of body.edges) {
    const flat: FlatEdge = {
      id: prefix + edgeKey(edge),
      from: exitOf.get(edge.from) ?? prefix + edge.from,
      to: entryOf.get(edge.to) ?? prefix + edge.to,
    };
    if (edge.condition) flat.condition = edge.condition;
    if (edge.isDefault) flat.isDefault = true;
    edges.push(flat);
  }
  return { nodes, edges };
}
