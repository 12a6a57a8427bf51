import {
  ALL_STEP_ACTIONS,
  edgeKey,
  jointHandlingSchema,
  servicePlanSchema,
  stepActionSchema,
} from '../service-plan.schema';
import type {
  Countersign,
  DepartmentNode,
  PlanEdge,
  PlanNode,
  ServicePlan,
  StepAction,
} from '../service-plan.schema';
import { validatePlan } from '../validate-plan';
import { parseBpmn } from './moddle';
import { planIssueCode } from './plan-issue-codes';
import { isType, many, prop, type ModdleElement } from './moddle-types';
import { DIAGRAM, type BpmnProblem, type ProblemCode, type ProblemParams } from './problems';

/** What the compiler may need beyond the diagram. */
export interface CompileOptions {
  /** Override the process's `ow:key` / id, name and `ow:version` (publishing assigns them). */
  key?: string;
  name?: string;
  version?: number;
  /**
   * The users of a department's role. A step without `ow:assignees` is offered to that role group (the plan's
   * `assignees` is empty; a member claims it at run time, 签收); when given, a group nobody belongs to is a problem.
   */
  roleMembers?: (departmentCode: string, role: string) => readonly string[] | undefined;
  /** Certificate type names by code, for `ow:resultCertificateType` without `ow:resultName`. */
  certificateTypeNames?: Readonly<Record<string, string>>;
}

export interface CompileResult {
  /** Present only when there is no problem at all. */
  plan?: ServicePlan;
  problems: BpmnProblem[];
}

/** The default role of a department step (the API's approver role). */
export const DEFAULT_STEP_ROLE = 'dept_approver';
/** Art. 44: results are issued within 10 working days of the decision. */
export const DEFAULT_ISSUE_LIMIT = 10;
/** Separator of a sub-process's id and its inner ids in BPMN (`sub__start`); plan bodies use the inner id. */
export const SUBFLOW_ID_SEPARATOR = '__';

/** The flow id `planToBpmn` generates for an edge without an id; the compiler leaves such ids out again. */
export const generatedFlowId = (sourceId: string, targetId: string): string =>
  `Flow_${sourceId}${SUBFLOW_ID_SEPARATOR}${targetId}`;

const GATEWAY_TYPES: Record<string, 'parallel' | 'exclusive' | 'inclusive'> = {
  'bpmn:ParallelGateway': 'parallel',
  'bpmn:ExclusiveGateway': 'exclusive',
  'bpmn:InclusiveGateway': 'inclusive',
};

/** What each refused element is called in a problem. */
const UNSUPPORTED: Record<string, string> = {
  'bpmn:BoundaryEvent': 'a boundary event',
  'bpmn:IntermediateThrowEvent': 'an intermediate throw event',
  'bpmn:Task':
    'a task without a type (use a user task for a department step or issuance, a service task for an automatic step)',
  'bpmn:ScriptTask': 'a script task',
  'bpmn:ManualTask': 'a manual task',
  'bpmn:SendTask': 'a send task',
  'bpmn:ReceiveTask': 'a receive task',
  'bpmn:BusinessRuleTask': 'a business rule task',
  'bpmn:CallActivity': 'a call activity',
  'bpmn:EventBasedGateway': 'an event-based gateway',
  'bpmn:ComplexGateway': 'a complex gateway',
  'bpmn:Transaction': 'a transaction',
  'bpmn:AdHocSubProcess': 'an ad-hoc sub-process',
  'bpmn:DataObject': 'a data object',
  'bpmn:DataObjectReference': 'a data object',
  'bpmn:DataStoreReference': 'a data store',
  'bpmn:Group': 'a group',
  'bpmn:ChoreographyTask': 'a choreography task',
  'bpmn:Collaboration': 'a collaboration',
  'bpmn:Message': 'a message definition',
  'bpmn:Signal': 'a signal definition',
  'bpmn:Error': 'an error definition',
  'bpmn:Escalation': 'an escalation definition',
};
/** Elements that carry no meaning for the plan and are accepted as comments. */
const COMMENTS = new Set(['bpmn:TextAnnotation', 'bpmn:Association']);

/** A readable name of a BPMN type: `bpmn:IntermediateCatchEvent` → `intermediate catch event`. */
export const typeLabel = (type: string): string =>
  UNSUPPORTED[type] ??
  type
    .replace(/^[a-z]+:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** `bpmn:MessageEventDefinition` → `message`. */
const eventLabel = (definition: ModdleElement): string =>
  typeLabel(definition.$type.replace(/EventDefinition$/, ''));

/** A whole number ≥ 0 (a department step may take 0 working days: 即办). */
const wholeNumber = (text: string | undefined): number | undefined =>
  text !== undefined && /^\s*(0|[1-9]\d*)\s*$/.test(text) && Number(text) <= 100_000
    ? Number(text)
    : undefined;

const positiveInt = (text: string | undefined): number | undefined =>
  text !== undefined && /^\s*[1-9]\d*\s*$/.test(text) && Number(text) <= 100_000 ? Number(text) : undefined;
const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Why a countersign text is not one: a problem without its element. */
export type CountersignProblem = Pick<BpmnProblem, 'code' | 'params' | 'message'>;

/** `single | all | any | sequential | at_least:N` as a plan countersign, or the reason it is not one. */
export function parseCountersign(text: string | undefined): Countersign | CountersignProblem {
  const value = (text ?? 'any').trim();
  if (value === 'single' || value === 'all' || value === 'any' || value === 'sequential')
    return { mode: value };
  const m = /^at_least\s*:\s*(\d+)$/.exec(value);
  if (m) {
    const n = positiveInt(m[1]);
    return n
      ? { mode: 'at_least', n }
      : {
          code: 'countersign.atLeastInvalid',
          params: { value },
          message: `ow:countersign "${value}": N must be a positive integer`,
        };
  }
  return {
    code: 'countersign.unknown',
    params: { value },
    message: `ow:countersign "${value}" is not one of single, all, any, sequential, at_least:N`,
  };
}

/** Whether `parseCountersign` refused the text. */
export const isCountersignProblem = (cs: Countersign | CountersignProblem): cs is CountersignProblem =>
  'code' in cs;

/** The `ow:` attributes a type may carry (the descriptor's properties), for the foreign-attribute check. */
const attr = (el: ModdleElement, name: string): string | undefined => {
  const v = el[name];
  return typeof v === 'string' ? v : undefined;
};

interface Context {
  options: CompileOptions;
  problems: BpmnProblem[];
  /** Plan paths (`node`, `sub/node`, `from->to`, `sub/plan`) → the BPMN element, to place validatePlan's issues. */
  paths: Map<string, ModdleElement>;
}

const report = (
  ctx: Context,
  el: ModdleElement | undefined,
  code: ProblemCode,
  message: string,
  params?: ProblemParams,
): void => {
  ctx.problems.push({
    elementId: el?.id ?? DIAGRAM,
    ...(el?.name?.trim() ? { elementName: el.name.trim() } : {}),
    code,
    ...(params ? { params } : {}),
    message,
  });
};

/** `bpmn:BoundaryEvent` → `BoundaryEvent`, the type as the designer's texts name it. */
const bareType = (type: string): string => type.replace(/^[a-z]+:/, '');
/** The problem of an element of a type OneWindow plans do not have. */
const reportUnsupported = (ctx: Context, el: ModdleElement, message: string): void =>
  report(ctx, el, 'element.unsupported', message, { type: bareType(el.$type), id: el.id ?? '' });

/** Attributes from other namespaces, `ow:` attributes the element's type does not take, extension elements. */
function checkExtensions(ctx: Context, el: ModdleElement, owner = el): void {
  for (const key of Object.keys(el.$attrs ?? {})) {
    // Namespace declarations and xsi:type (e.g. on a bpmn:tFormalExpression) are XML, not extensions.
    if (key === 'xmlns' || key.startsWith('xmlns:') || key.startsWith('xsi:')) continue;
    const where = el === owner ? '' : ` (on its ${typeLabel(el.$type)})`;
    if (key.startsWith('ow:')) {
      report(
        ctx,
        owner,
        'element.owAttributeMisplaced',
        `${key} is not an attribute of ${typeLabel(el.$type)}${where} (see ow.json)`,
        { attribute: key, type: bareType(el.$type) },
      );
    } else {
      report(
        ctx,
        owner,
        'element.foreignAttribute',
        `the foreign extension attribute ${key}${where} is not supported (only ow: attributes are read)`,
        { attribute: key },
      );
    }
  }
  const ext = prop<ModdleElement>(el, 'extensionElements');
  if (ext) {
    const values = many(ext, 'values').map((v) => `<${v.$type}>`);
    report(
      ctx,
      owner,
      'element.extensionElements',
      `extension elements ${values.join(', ') || '<bpmn:extensionElements>'} are not supported (OneWindow settings are ow: attributes)`,
      { elements: values.join(', ') || '<bpmn:extensionElements>' },
    );
  }
}

/** Compiles a parsed diagram (`bpmn:Definitions`) to a plan; `validatePlan` runs on the result. */
export function compileDefinitions(definitions: ModdleElement, options: CompileOptions = {}): CompileResult {
  const ctx: Context = { options, problems: [], paths: new Map() };
  checkExtensions(ctx, definitions);
  const processes: ModdleElement[] = [];
  for (const root of many(definitions, 'rootElements')) {
    if (isType(root, 'bpmn:Process')) processes.push(root);
    else if (isType(root, 'bpmn:Collaboration')) checkCollaboration(ctx, root);
    else reportUnsupported(ctx, root, `${typeLabel(root.$type)} "${root.id}" is not supported`);
  }
  if (processes.length === 0) {
    ctx.problems.push({
      elementId: DIAGRAM,
      code: 'diagram.noProcess',
      message: 'the diagram has no process: draw a start event, the steps and an end event',
    });
    return { problems: ctx.problems };
  }
  for (const extra of processes.slice(1)) {
    report(
      ctx,
      extra,
      'diagram.secondProcess',
      `a second process "${extra.id}": a diagram holds exactly one process (pools with several processes are not supported)`,
      { id: extra.id ?? '' },
    );
  }
  const process = processes[0];
  checkExtensions(ctx, process);
  const body = compileBody(ctx, process, 'top', '', '');

  const version = options.version ?? positiveInt(attr(process, 'version'));
  if (options.version === undefined && attr(process, 'version') !== undefined && version === undefined)
    report(
      ctx,
      process,
      'diagram.badVersion',
      `ow:version "${attr(process, 'version')}" is not a positive integer`,
      {
        value: attr(process, 'version') ?? '',
      },
    );
  const refusalPolicy = attr(process, 'refusalPolicy');
  if (refusalPolicy !== undefined && refusalPolicy !== 'fail_fast' && refusalPolicy !== 'collect')
    report(
      ctx,
      process,
      'diagram.badRefusalPolicy',
      `ow:refusalPolicy "${refusalPolicy}" is not fail_fast or collect`,
      {
        value: refusalPolicy,
      },
    );
  const jointHandling = attr(process, 'jointHandling');
  const joint = jointHandlingSchema.safeParse(jointHandling);
  if (jointHandling !== undefined && !joint.success)
    report(
      ctx,
      process,
      'diagram.badJointHandling',
      `ow:jointHandling "${jointHandling}" is not unified, joint or concentrated`,
      { value: jointHandling },
    );
  const onBranchReturn = attr(process, 'onBranchReturn');
  if (onBranchReturn !== undefined && onBranchReturn !== 'continue' && onBranchReturn !== 'pause')
    report(
      ctx,
      process,
      'diagram.badOnBranchReturn',
      `ow:onBranchReturn "${onBranchReturn}" is not continue or pause`,
      {
        value: onBranchReturn,
      },
    );
  const key = options.key ?? attr(process, 'key') ?? process.id ?? 'process';
  const candidate = {
    schemaVersion: 1,
    key,
    name: options.name ?? (process.name?.trim() || key),
    version: version ?? 1,
    refusalPolicy: refusalPolicy === 'fail_fast' ? 'fail_fast' : 'collect',
    ...(onBranchReturn === 'continue' || onBranchReturn === 'pause' ? { onBranchReturn } : {}),
    ...(joint.success && joint.data ? { jointHandling: joint.data } : {}),
    nodes: body.nodes,
    edges: body.edges,
  };

  const parsed = servicePlanSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const el = elementAtZodPath(ctx, candidate, issue.path) ?? process;
      if (!ctx.problems.some((p) => p.elementId === el.id))
        report(ctx, el, 'structure.other', `${issue.path.slice(-1).join('') || 'plan'}: ${issue.message}`, {
          detail: `${issue.path.slice(-1).join('') || 'plan'}: ${issue.message}`,
        });
    }
    return { problems: ctx.problems };
  }
  const compileErrors = new Set(ctx.problems.map((p) => p.elementId));
  for (const issue of validatePlan(parsed.data)) {
    const el = ctx.paths.get(issue.path) ?? process;
    // One report per element: when the compiler already said what is wrong with it, a structural issue
    // of its stand-in (a refused element kept so the rest of the graph can be checked) adds nothing.
    if (compileErrors.has(el.id ?? DIAGRAM)) continue;
    const { code, params } = planIssueCode(issue.message);
    report(ctx, el, code, issue.message, params);
  }
  return ctx.problems.length > 0 ? { problems: ctx.problems } : { plan: parsed.data, problems: [] };
}

/** BPMN XML → ServicePlan: parse, compile, validatePlan. Never throws; `plan` only when there is no problem. */
export async function compileBpmn(xml: string, options: CompileOptions = {}): Promise<CompileResult> {
  const parsed = await parseBpmn(xml);
  if (!parsed.definitions) return { problems: parsed.problems };
  const compiled = compileDefinitions(parsed.definitions, options);
  const problems = [...parsed.problems, ...compiled.problems];
  return problems.length > 0 ? { problems } : compiled;
}

function checkCollaboration(ctx: Context, collaboration: ModdleElement): void {
  checkExtensions(ctx, collaboration);
  const participants = many(collaboration, 'participants');
  if (participants.length > 1)
    report(
      ctx,
      collaboration,
      'diagram.pools',
      `${participants.length} pools: a diagram holds one process (pools with several processes are not supported)`,
      { n: participants.length },
    );
  for (const flow of many(collaboration, 'messageFlows'))
    report(
      ctx,
      flow,
      'diagram.messageFlow',
      `a message flow "${flow.id}" is not supported: plans have no messages between pools`,
    );
  for (const el of [...many(collaboration, 'artifacts'), ...many(collaboration, 'conversations')])
    if (!COMMENTS.has(el.$type))
      reportUnsupported(ctx, el, `${typeLabel(el.$type)} "${el.id}" is not supported`);
}

function elementAtZodPath(ctx: Context, plan: unknown, path: PropertyKey[]): ModdleElement | undefined {
  let at: unknown = plan;
  let prefix = '';
  let found: ModdleElement | undefined;
  for (let i = 0; i < path.length; i++) {
    at = (at as Record<PropertyKey, unknown> | undefined)?.[path[i]];
    if (path[i - 1] === 'nodes' && at && typeof at === 'object' && 'id' in at) {
      const id = String((at as { id: unknown }).id);
      found = ctx.paths.get(prefix + id) ?? found;
      if ((at as { type?: unknown }).type === 'subflow') prefix = `${prefix}${id}/`;
    }
  }
  return found;
}

/** department codes by flow node id, from the lanes (the innermost lane with `ow:departmentCode` wins). */
function laneDepartments(
  ctx: Context,
  container: ModdleElement,
  inherited?: Map<string, { code: string; lane: ModdleElement }>,
): Map<string, { code: string; lane: ModdleElement }> {
  // A sub-process's tasks may sit in lanes of an enclosing process.
  const map = new Map<string, { code: string; lane: ModdleElement }>(inherited);
  const visit = (laneSet: ModdleElement, inherited?: { code: string; lane: ModdleElement }) => {
    checkExtensions(ctx, laneSet);
    for (const lane of many(laneSet, 'lanes')) {
      checkExtensions(ctx, lane);
      const code = attr(lane, 'departmentCode')?.trim();
      const here = code ? { code, lane } : inherited;
      if (here) for (const ref of many(lane, 'flowNodeRef')) if (ref.id) map.set(ref.id, here);
      const child = prop<ModdleElement>(lane, 'childLaneSet');
      if (child) visit(child, here);
    }
  };
  for (const laneSet of many(container, 'laneSets')) visit(laneSet);
  return map;
}

interface Body {
  nodes: PlanNode[];
  edges: PlanEdge[];
}

function compileBody(
  ctx: Context,
  container: ModdleElement,
  level: 'top' | 'subflow',
  planPrefix: string,
  idPrefix: string,
  outerLanes?: Map<string, { code: string; lane: ModdleElement }>,
): Body {
  const localId = (el: ModdleElement): string => {
    const id = el.id ?? '';
    return idPrefix && id.startsWith(idPrefix) && id.length > idPrefix.length
      ? id.slice(idPrefix.length)
      : id;
  };
  const lanes = laneDepartments(ctx, container, outerLanes);
  const elements = many(container, 'flowElements');
  const flows = elements.filter((el) => isType(el, 'bpmn:SequenceFlow'));
  const incoming = new Map<ModdleElement, number>();
  const outgoing = new Map<ModdleElement, number>();
  for (const f of flows) {
    const s = prop<ModdleElement>(f, 'sourceRef');
    const t = prop<ModdleElement>(f, 'targetRef');
    if (s) outgoing.set(s, (outgoing.get(s) ?? 0) + 1);
    if (t) incoming.set(t, (incoming.get(t) ?? 0) + 1);
  }
  for (const el of [...many(container, 'artifacts')]) {
    if (!COMMENTS.has(el.$type))
      reportUnsupported(ctx, el, `${typeLabel(el.$type)} "${el.id}" is not supported`);
  }

  const nodes: PlanNode[] = [];
  const nodeOf = new Map<ModdleElement, string>();
  const defaults = new Set<ModdleElement>();
  for (const el of elements) {
    if (isType(el, 'bpmn:SequenceFlow')) continue;
    checkExtensions(ctx, el);
    const id = localId(el);
    const node = compileNode(ctx, el, id, level, lanes, {
      incoming: incoming.get(el) ?? 0,
      outgoing: outgoing.get(el) ?? 0,
      planPrefix: `${planPrefix}${id}/`,
      idPrefix: `${el.id}${SUBFLOW_ID_SEPARATOR}`,
    });
    if (!node) continue;
    const name = el.name?.trim();
    if (name) node.name = name;
    nodes.push(node);
    nodeOf.set(el, id);
    ctx.paths.set(planPrefix + id, el);
    const def = prop<ModdleElement>(el, 'default');
    if (def) {
      if (prop<ModdleElement>(def, 'sourceRef') !== el)
        report(
          ctx,
          el,
          'gateway.defaultElsewhere',
          `the default flow "${def.id}" does not leave this gateway`,
          {
            flow: def.id ?? '',
          },
        );
      defaults.add(def);
    }
  }
  ctx.paths.set(`${planPrefix}plan`, container);

  const edges: PlanEdge[] = [];
  for (const flow of flows) {
    checkExtensions(ctx, flow);
    const source = prop<ModdleElement>(flow, 'sourceRef');
    const target = prop<ModdleElement>(flow, 'targetRef');
    const from = source && nodeOf.get(source);
    const to = target && nodeOf.get(target);
    if (!source || !target) {
      report(ctx, flow, 'flow.endsMissing', `the sequence flow needs a source and a target`);
      continue;
    }
    if (!from || !to) {
      if (source.$parent !== container || target.$parent !== container)
        report(
          ctx,
          flow,
          'flow.crossesSubprocess',
          `the sequence flow crosses a sub-process boundary ("${source.id}" → "${target.id}")`,
          {
            source: source.name?.trim() || (source.id ?? ''),
            target: target.name?.trim() || (target.id ?? ''),
          },
        );
      // Else one end was refused, and that element's problem says why.
      continue;
    }
    const edge: PlanEdge = { from, to };
    const id = flow.id ?? '';
    const generated = generatedFlowId(source.id ?? '', target.id ?? '');
    if (id !== generated && !(id.startsWith(`${generated}_`) && /^\d+$/.test(id.slice(generated.length + 1))))
      edge.id = localId(flow);
    const condition = prop<ModdleElement>(flow, 'conditionExpression');
    if (condition) {
      checkExtensions(ctx, condition, flow);
      const language = attr(condition, 'language');
      const body = attr(condition, 'body')?.trim();
      if (language && !/feel/i.test(language))
        report(ctx, flow, 'flow.conditionLanguage', `the condition language "${language}" is not FEEL`, {
          language,
        });
      else if (!body) report(ctx, flow, 'flow.conditionEmpty', 'the condition expression is empty');
      else edge.condition = body;
    }
    if (defaults.has(flow)) edge.isDefault = true;
    edges.push(edge);
    ctx.paths.set(planPrefix + edgeKey(edge), flow);
    if (!ctx.paths.has(`${planPrefix}${from}->${to}`)) ctx.paths.set(`${planPrefix}${from}->${to}`, flow);
  }
  return { nodes, edges };
}

function compileNode(
  ctx: Context,
  el: ModdleElement,
  id: string,
  level: 'top' | 'subflow',
  lanes: Map<string, { code: string; lane: ModdleElement }>,
  around: { incoming: number; outgoing: number; planPrefix: string; idPrefix: string },
): PlanNode | undefined {
  // A refused element keeps a stand-in node, so the structure around it is still checked (its own
  // structural issues are not repeated); no plan is returned while a problem remains.
  const refuse = (code: ProblemCode, message: string): PlanNode => {
    if (code === 'element.unsupported') reportUnsupported(ctx, el, message);
    else report(ctx, el, code, message);
    return { id, type: 'automatic', task: 'unsupported' };
  };
  if (prop(el, 'loopCharacteristics'))
    report(
      ctx,
      el,
      'element.loop',
      'loops and multi-instance are not supported (use countersign for several approvers)',
    );
  const defs = many(el, 'eventDefinitions');
  switch (el.$type) {
    case 'bpmn:StartEvent':
      if (defs.length > 0)
        report(
          ctx,
          el,
          'event.startKind',
          `a ${eventLabel(defs[0])} start event is not supported: use a plain start event`,
          {
            kind: bareType(defs[0].$type).replace(/EventDefinition$/, ''),
          },
        );
      return { id, type: level === 'top' ? 'accept' : 'start' };
    case 'bpmn:EndEvent':
      if (defs.length > 0)
        report(
          ctx,
          el,
          'event.endKind',
          `a ${eventLabel(defs[0])} end event is not supported: use a plain end event`,
          {
            kind: bareType(defs[0].$type).replace(/EventDefinition$/, ''),
          },
        );
      return { id, type: 'end' };
    case 'bpmn:UserTask': {
      const step = attr(el, 'step');
      if (step === 'issue') {
        const text = attr(el, 'limitWorkingDays');
        const limit = text === undefined ? DEFAULT_ISSUE_LIMIT : positiveInt(text);
        if (limit === undefined)
          report(ctx, el, 'issue.limitInvalid', `ow:limitWorkingDays "${text}" is not a positive integer`, {
            value: text ?? '',
          });
        return { id, type: 'issue', limitWorkingDays: limit ?? DEFAULT_ISSUE_LIMIT };
      }
      if (step !== undefined)
        report(
          ctx,
          el,
          'userTask.unknownStep',
          `ow:step "${step}" is unknown: the only step is "issue" (issuance)`,
          {
            value: step,
          },
        );
      return departmentNode(ctx, el, id, lanes);
    }
    case 'bpmn:ServiceTask': {
      const task = attr(el, 'task')?.trim();
      if (!task)
        report(ctx, el, 'automatic.taskMissing', 'an automatic step needs ow:task (e.g. certificate_check)');
      const inputText = attr(el, 'input');
      let input: Record<string, unknown> | undefined;
      if (inputText !== undefined) {
        try {
          const value: unknown = JSON.parse(inputText);
          if (value && typeof value === 'object' && !Array.isArray(value))
            input = value as Record<string, unknown>;
          else report(ctx, el, 'automatic.inputNotObject', 'ow:input must be a JSON object');
        } catch {
          report(ctx, el, 'automatic.inputNotJson', 'ow:input is not valid JSON');
        }
      }
      return { id, type: 'automatic', task: task || 'unknown', ...(input ? { input } : {}) };
    }
    case 'bpmn:IntermediateCatchEvent': {
      const timer = defs.length === 1 && isType(defs[0], 'bpmn:TimerEventDefinition') ? defs[0] : undefined;
      if (!timer) {
        report(
          ctx,
          el,
          'event.catchKind',
          `an intermediate ${defs.map(eventLabel).join(' + ') || 'plain'} catch event is not supported: only a timer (timeDuration P<n>D) is`,
          { kind: defs.map((d) => bareType(d.$type).replace(/EventDefinition$/, '')).join(' + ') || 'None' },
        );
        return { id, type: 'timer', wait: { value: 1, unit: 'working_day' } };
      }
      checkExtensions(ctx, timer, el);
      const duration = prop<ModdleElement>(timer, 'timeDuration');
      if (duration) checkExtensions(ctx, duration, el);
      const text = duration ? attr(duration, 'body')?.trim() : undefined;
      const days = text ? positiveInt(/^P(\d+)D$/.exec(text)?.[1]) : undefined;
      if (prop(timer, 'timeDate') || prop(timer, 'timeCycle'))
        report(
          ctx,
          el,
          'timer.dateOrCycle',
          'a timer with a date or a cycle is not supported: use a duration P<n>D',
        );
      else if (days === undefined)
        report(
          ctx,
          el,
          'timer.duration',
          `the timer duration ${text ? `"${text}"` : '(none)'} is not P<n>D with n ≥ 1 (days only)`,
          { value: text ?? '' },
        );
      const dayKind = attr(el, 'dayKind') ?? 'working';
      if (dayKind !== 'working' && dayKind !== 'natural')
        report(ctx, el, 'timer.dayKind', `ow:dayKind "${dayKind}" is not working or natural`, {
          value: dayKind,
        });
      return {
        id,
        type: 'timer',
        wait: { value: days ?? 1, unit: dayKind === 'natural' ? 'natural_day' : 'working_day' },
      };
    }
    case 'bpmn:ParallelGateway':
    case 'bpmn:ExclusiveGateway':
    case 'bpmn:InclusiveGateway': {
      const direction = attr(el, 'gatewayDirection');
      const joins = around.incoming > 1 || direction === 'Converging';
      if (joins && around.outgoing > 1)
        report(
          ctx,
          el,
          'gateway.mergeAndSplit',
          `the gateway merges ${around.incoming} flows and splits into ${around.outgoing}: use a join gateway, then a fork gateway`,
          { incoming: around.incoming, outgoing: around.outgoing },
        );
      if (direction === 'Diverging' && around.incoming > 1)
        report(
          ctx,
          el,
          'gateway.divergingIncoming',
          `a diverging gateway has ${around.incoming} incoming flows`,
          {
            incoming: around.incoming,
          },
        );
      return { id, type: joins ? 'join' : GATEWAY_TYPES[el.$type] };
    }
    case 'bpmn:SubProcess': {
      if (prop(el, 'triggeredByEvent'))
        return refuse('subprocess.event', 'an event sub-process is not supported');
      const itemCode = attr(el, 'itemCode')?.trim();
      if (!itemCode)
        report(
          ctx,
          el,
          'subprocess.itemMissing',
          'a sub-flow needs ow:itemCode (the item it handles in the bundle)',
        );
      const body = compileBody(ctx, el, 'subflow', around.planPrefix, around.idPrefix, lanes);
      return { id, type: 'subflow', itemCode: itemCode || 'unknown', body };
    }
    default:
      return refuse(
        'element.unsupported',
        `${typeLabel(el.$type)} ("${el.id}") is not supported by OneWindow plans`,
      );
  }
}

function departmentNode(
  ctx: Context,
  el: ModdleElement,
  id: string,
  lanes: Map<string, { code: string; lane: ModdleElement }>,
): DepartmentNode {
  const fail = (code: ProblemCode, message: string, params?: ProblemParams) =>
    report(ctx, el, code, message, params);
  const departmentCode = attr(el, 'departmentCode')?.trim() || lanes.get(el.id ?? '')?.code;
  if (!departmentCode)
    fail(
      'department.departmentMissing',
      'a department step needs ow:departmentCode (on the task or on its lane)',
    );
  const limitText = attr(el, 'limitWorkingDays');
  const limitWorkingDays = wholeNumber(limitText);
  if (limitWorkingDays === undefined) {
    if (limitText === undefined)
      fail('department.limitMissing', 'a department step needs ow:limitWorkingDays (working days; 0 = 即办)');
    else
      fail(
        'department.limitInvalid',
        `ow:limitWorkingDays "${limitText}" is not a whole number of working days`,
        { value: limitText.trim() },
      );
  }
  const role = attr(el, 'role')?.trim() || DEFAULT_STEP_ROLE;
  const parsedCountersign = parseCountersign(attr(el, 'countersign'));
  if (isCountersignProblem(parsedCountersign))
    fail(parsedCountersign.code, parsedCountersign.message, parsedCountersign.params);
  const countersign: Countersign = isCountersignProblem(parsedCountersign)
    ? { mode: 'any' }
    : parsedCountersign;

  const assigneesText = attr(el, 'assignees');
  let assignees: string[];
  if (assigneesText !== undefined) {
    assignees = list(assigneesText);
    if (assignees.length === 0)
      fail(
        'department.assigneesEmpty',
        'ow:assignees is empty: list user ids, or leave it out for the role group',
      );
  } else {
    // The role group: claimed at run time by one of its members (签收).
    assignees = [];
    const members = departmentCode ? ctx.options.roleMembers?.(departmentCode, role) : undefined;
    if (departmentCode && ctx.options.roleMembers && (members ?? []).length === 0)
      fail(
        'department.noRoleMembers',
        `no ow:assignees and no user known with role "${role}" in department "${departmentCode}"`,
        { role, department: departmentCode },
      );
  }

  let actions: StepAction[] = [...ALL_STEP_ACTIONS];
  const actionsText = attr(el, 'actions');
  if (actionsText !== undefined) {
    const given = list(actionsText);
    const unknown = given.filter((a) => !stepActionSchema.safeParse(a).success);
    if (unknown.length > 0)
      fail(
        'department.unknownActions',
        `ow:actions: unknown verb ${unknown.map((a) => `"${a}"`).join(', ')} (known: ${ALL_STEP_ACTIONS.join(', ')})`,
        { actions: unknown.join(', '), known: ALL_STEP_ACTIONS.join(', ') },
      );
    else if (given.length === 0)
      fail('department.actionsEmpty', 'ow:actions is empty: list the verbs, or leave it out for all');
    else actions = given as StepAction[];
  }

  const itemCode = attr(el, 'itemCode')?.trim();
  const certificateTypeCode = attr(el, 'resultCertificateType')?.trim();
  let result: DepartmentNode['result'];
  if (certificateTypeCode) {
    const name = attr(el, 'resultName')?.trim() || ctx.options.certificateTypeNames?.[certificateTypeCode];
    if (!name)
      fail(
        'department.certificateNameMissing',
        `the certificate type "${certificateTypeCode}" has no name: add ow:resultName`,
        { certificate: certificateTypeCode },
      );
    else result = { certificateTypeCode, name };
  } else if (attr(el, 'resultName') !== undefined) {
    fail('department.resultNameWithoutCertificate', 'ow:resultName without ow:resultCertificateType');
  }
  return {
    id,
    type: 'department',
    departmentCode: departmentCode || 'unknown',
    role,
    limitWorkingDays: limitWorkingDays ?? 0,
    countersign,
    assignees,
    actions,
    ...(itemCode ? { itemCode } : {}),
    ...(result ? { result } : {}),
  };
}
