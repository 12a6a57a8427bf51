import { layoutProcess } from 'bpmn-auto-layout';
import {
  ALL_STEP_ACTIONS,
  type PlanBody,
  type PlanEdge,
  type PlanNode,
  type ServicePlan,
} from '../service-plan.schema';
import { DEFAULT_STEP_ROLE, SUBFLOW_ID_SEPARATOR, generatedFlowId } from './compile';
import { matchJoins } from './graph';
import { createModdle } from './moddle';
import type { ModdleElement } from './moddle-types';

type Moddle = ReturnType<typeof createModdle>;

const GATEWAY: Record<'parallel' | 'exclusive' | 'inclusive', string> = {
  parallel: 'bpmn:ParallelGateway',
  exclusive: 'bpmn:ExclusiveGateway',
  inclusive: 'bpmn:InclusiveGateway',
};
const NCNAME = /^[A-Za-z_][\w.-]*$/;

/** A BPMN id for the process: the plan key where it is a valid XML id, else `Process_` and the key's safe characters. */
const processId = (key: string): string =>
  NCNAME.test(key) ? key : `Process_${key.replace(/[^\w.-]/g, '_')}`;

/**
 * ServicePlan → BPMN XML in the `ow:` format, laid out by bpmn-auto-layout, so any plan that runs today opens
 * in the designer. `compileBpmn` of the result gives the same plan (same `hashPlan`). Throws when an edge id
 * is not a valid XML id (the builder and the compiler never make such ids).
 */
export async function planToBpmn(plan: ServicePlan): Promise<string> {
  const moddle = createModdle();
  const process = moddle.create('bpmn:Process', {
    id: processId(plan.key),
    isExecutable: true,
  }) as ModdleElement;
  if (plan.name) process.name = plan.name;
  process.set('ow:key', plan.key);
  process.set('ow:version', String(plan.version));
  process.set('ow:refusalPolicy', plan.refusalPolicy);
  if (plan.onBranchReturn) process.set('ow:onBranchReturn', plan.onBranchReturn);
  if (plan.jointHandling) process.set('ow:jointHandling', plan.jointHandling);
  process.flowElements = writeBody(moddle, plan, '', process);
  const definitions = moddle.create('bpmn:Definitions', {
    id: 'Definitions_1',
    targetNamespace: 'urn:onewindow:plans',
    rootElements: [process],
  }) as ModdleElement;
  process.$parent = definitions;
  const { xml } = await moddle.toXML(definitions, { format: true });
  return layoutProcess(xml);
}

function writeBody(moddle: Moddle, body: PlanBody, idPrefix: string, parent: ModdleElement): ModdleElement[] {
  const forkOf = joinForks(body);
  const byId = new Map<string, ModdleElement>();
  const elements: ModdleElement[] = [];
  for (const node of body.nodes) {
    const el = writeNode(moddle, node, idPrefix, forkOf);
    el.$parent = parent;
    el.incoming = [];
    el.outgoing = [];
    byId.set(node.id, el);
    elements.push(el);
  }
  const flowIds = new Set<string>();
  for (const edge of body.edges) {
    const source = byId.get(edge.from)!;
    const target = byId.get(edge.to)!;
    let id: string;
    if (edge.id !== undefined) {
      if (!NCNAME.test(edge.id)) throw new Error(`edge id "${edge.id}" is not a valid XML id`);
      id = idPrefix + edge.id;
    } else {
      const base = generatedFlowId(source.id!, target.id!);
      id = base;
      for (let k = 2; flowIds.has(id); k++) id = `${base}_${k}`;
    }
    flowIds.add(id);
    const flow = moddle.create('bpmn:SequenceFlow', {
      id,
      sourceRef: source,
      targetRef: target,
    }) as ModdleElement;
    flow.$parent = parent;
    if (edge.condition !== undefined) {
      flow.conditionExpression = moddle.create('bpmn:FormalExpression', { body: edge.condition });
    }
    if (edge.isDefault) source.default = flow;
    (source.outgoing as ModdleElement[]).push(flow);
    (target.incoming as ModdleElement[]).push(flow);
    elements.push(flow);
  }
  return elements;
}

/** The fork each join closes, so a join is drawn as the same kind of gateway as its fork. */
function joinForks(body: PlanBody): Map<string, PlanNode> {
  const byId = new Map(body.nodes.map((n) => [n.id, n]));
  const succ = new Map<string, string[]>();
  const pred = new Map<string, string[]>();
  for (const n of body.nodes) {
    succ.set(n.id, []);
    pred.set(n.id, []);
  }
  for (const e of body.edges as PlanEdge[]) {
    succ.get(e.from)?.push(e.to);
    pred.get(e.to)?.push(e.from);
  }
  const entry = body.nodes.find((n) => n.type === 'accept' || n.type === 'start');
  if (!entry) return new Map();
  const type = (id: string) => byId.get(id)?.type;
  const matched = matchJoins(
    {
      entry: entry.id,
      nodes: body.nodes.map((n) => n.id),
      successors: (id) => succ.get(id) ?? [],
      predecessors: (id) => pred.get(id) ?? [],
    },
    (id) => type(id) === 'parallel' || type(id) === 'exclusive' || type(id) === 'inclusive',
    (id) => type(id) === 'join',
  );
  return new Map([...matched].map(([join, fork]) => [join, byId.get(fork)!]));
}

function writeNode(
  moddle: Moddle,
  node: PlanNode,
  idPrefix: string,
  forkOf: Map<string, PlanNode>,
): ModdleElement {
  const id = idPrefix + node.id;
  const create = (type: string, attrs: Record<string, unknown> = {}): ModdleElement => {
    const el = moddle.create(type, { id, ...attrs }) as ModdleElement;
    if (node.name) el.name = node.name;
    return el;
  };
  const set = (el: ModdleElement, attrs: Record<string, string | undefined>): ModdleElement => {
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.set(`ow:${k}`, v);
    return el;
  };
  switch (node.type) {
    case 'accept':
    case 'start':
      return create('bpmn:StartEvent');
    case 'end':
      return create('bpmn:EndEvent');
    case 'department': {
      const cs = node.countersign;
      const sameActions =
        node.actions.length === ALL_STEP_ACTIONS.length &&
        node.actions.every((a, i) => a === ALL_STEP_ACTIONS[i]);
      return set(create('bpmn:UserTask'), {
        departmentCode: node.departmentCode,
        limitWorkingDays: String(node.limitWorkingDays),
        role: node.role === DEFAULT_STEP_ROLE ? undefined : node.role,
        countersign: cs.mode === 'any' ? undefined : cs.mode === 'at_least' ? `at_least:${cs.n}` : cs.mode,
        // No ow:assignees: the role group (claimable).
        assignees: node.assignees.length > 0 ? node.assignees.join(',') : undefined,
        actions: sameActions ? undefined : node.actions.join(','),
        itemCode: node.itemCode,
        resultCertificateType: node.result?.certificateTypeCode,
        resultName: node.result?.name,
      });
    }
    case 'issue':
      return set(create('bpmn:UserTask'), { step: 'issue', limitWorkingDays: String(node.limitWorkingDays) });
    case 'automatic':
      return set(create('bpmn:ServiceTask'), {
        task: node.task,
        input: node.input ? JSON.stringify(node.input) : undefined,
      });
    case 'timer': {
      const timeDuration = moddle.create('bpmn:FormalExpression', { body: `P${node.wait.value}D` });
      const definition = moddle.create('bpmn:TimerEventDefinition', { timeDuration });
      return set(create('bpmn:IntermediateCatchEvent', { eventDefinitions: [definition] }), {
        dayKind: node.wait.unit === 'natural_day' ? 'natural' : 'working',
      });
    }
    case 'parallel':
    case 'exclusive':
    case 'inclusive':
      return create(GATEWAY[node.type], { gatewayDirection: 'Diverging' });
    case 'join': {
      const fork = forkOf.get(node.id)?.type;
      const kind = fork === 'exclusive' || fork === 'inclusive' ? fork : 'parallel';
      return create(GATEWAY[kind], { gatewayDirection: 'Converging' });
    }
    case 'subflow': {
      const sub = set(create('bpmn:SubProcess'), { itemCode: node.itemCode });
      sub.flowElements = writeBody(moddle, node.body, `${id}${SUBFLOW_ID_SEPARATOR}`, sub);
      return sub;
    }
  }
}
