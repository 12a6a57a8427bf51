import { isType, many, prop, type ModdleElement } from '../moddle-types';
import type { ProblemCode, ProblemParams } from '../problems';

/**
 * What bpmnlint passes a rule's `check`. bpmnlint copies the fields of the third argument onto the report:
 * our rules always give the problem's code (and its params), which `lintAndCompile` hands on.
 */
export interface Reporter {
  report(id: string, message: string, data: { code: ProblemCode; params?: ProblemParams }): void;
}
/** A bpmnlint rule: a factory of `{ check(node, reporter) }`, given the rule's options from the config. */
export type RuleFactory<Options = unknown> = (options?: Options) => {
  check: (node: ModdleElement, reporter: Reporter) => void;
};

export const GATEWAYS = ['bpmn:ParallelGateway', 'bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];
export const isContainer = (node: ModdleElement): boolean => isType(node, 'bpmn:Process', 'bpmn:SubProcess');
export const owAttr = (el: ModdleElement, name: string): string | undefined => {
  const v = el[name];
  return typeof v === 'string' ? v.trim() : undefined;
};
export const isIssueTask = (el: ModdleElement): boolean =>
  isType(el, 'bpmn:UserTask') && owAttr(el, 'step') === 'issue';
export const isDepartmentTask = (el: ModdleElement): boolean =>
  isType(el, 'bpmn:UserTask') && owAttr(el, 'step') === undefined;
export const positiveInt = (text: string | undefined): number | undefined =>
  text !== undefined && /^[1-9]\d*$/.test(text) ? Number(text) : undefined;

const laneCache = new WeakMap<ModdleElement, Map<string, string>>();
/** The department of a task's innermost lane with `ow:departmentCode`, if any. */
export function laneDepartment(task: ModdleElement): string | undefined {
  // The lanes of the task's process or sub-process, then of the enclosing ones.
  for (let container = task.$parent; container; container = container.$parent) {
    const code = task.id ? lanesOf(container).get(task.id) : undefined;
    if (code) return code;
  }
  return undefined;
}

function lanesOf(container: ModdleElement): Map<string, string> {
  let map = laneCache.get(container);
  if (!map) {
    const m = new Map<string, string>();
    const visit = (laneSet: ModdleElement, inherited?: string) => {
      for (const lane of many(laneSet, 'lanes')) {
        const code = owAttr(lane, 'departmentCode') || inherited;
        if (code) for (const ref of many(lane, 'flowNodeRef')) if (ref.id) m.set(ref.id, code);
        const child = prop<ModdleElement>(lane, 'childLaneSet');
        if (child) visit(child, code);
      }
    };
    for (const laneSet of many(container, 'laneSets')) visit(laneSet);
    laneCache.set(container, m);
    map = m;
  }
  return map;
}
export const departmentOf = (task: ModdleElement): string | undefined =>
  owAttr(task, 'departmentCode') || laneDepartment(task);

/** The flow graph of a process or sub-process: its flow nodes and sequence flows. */
export interface FlowGraph {
  nodes: ModdleElement[];
  byId: Map<string, ModdleElement>;
  outgoing: Map<string, ModdleElement[]>;
  incoming: Map<string, ModdleElement[]>;
  starts: ModdleElement[];
  ends: ModdleElement[];
}

export function flowGraph(container: ModdleElement): FlowGraph {
  const nodes: ModdleElement[] = [];
  const byId = new Map<string, ModdleElement>();
  const outgoing = new Map<string, ModdleElement[]>();
  const incoming = new Map<string, ModdleElement[]>();
  const flows: ModdleElement[] = [];
  for (const el of many(container, 'flowElements')) {
    if (isType(el, 'bpmn:SequenceFlow')) flows.push(el);
    else if (el.id && !isType(el, 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference')) {
      nodes.push(el);
      byId.set(el.id, el);
      outgoing.set(el.id, []);
      incoming.set(el.id, []);
    }
  }
  for (const f of flows) {
    const s = prop<ModdleElement>(f, 'sourceRef')?.id;
    const t = prop<ModdleElement>(f, 'targetRef')?.id;
    if (s && t && byId.has(s) && byId.has(t)) {
      outgoing.get(s)!.push(f);
      incoming.get(t)!.push(f);
    }
  }
  return {
    nodes,
    byId,
    outgoing,
    incoming,
    starts: nodes.filter((n) => isType(n, 'bpmn:StartEvent')),
    ends: nodes.filter((n) => isType(n, 'bpmn:EndEvent')),
  };
}

export const target = (flow: ModdleElement): string => prop<ModdleElement>(flow, 'targetRef')!.id!;
export const source = (flow: ModdleElement): string => prop<ModdleElement>(flow, 'sourceRef')!.id!;

/** Ids reachable from `from` following sequence flows forward or backward. */
export function reach(g: FlowGraph, from: string[], direction: 'forward' | 'backward'): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (direction === 'forward') for (const f of g.outgoing.get(id) ?? []) stack.push(target(f));
    else for (const f of g.incoming.get(id) ?? []) stack.push(source(f));
  }
  return seen;
}

/** A join: a gateway with several incoming flows, or marked `gatewayDirection="Converging"`. */
export const isJoinGateway = (g: FlowGraph, el: ModdleElement): boolean =>
  isType(el, ...GATEWAYS) &&
  ((g.incoming.get(el.id!)?.length ?? 0) > 1 || el.gatewayDirection === 'Converging');
/** A fork: a gateway that is not a join. */
export const isForkGateway = (g: FlowGraph, el: ModdleElement): boolean =>
  isType(el, ...GATEWAYS) && !isJoinGateway(g, el);
