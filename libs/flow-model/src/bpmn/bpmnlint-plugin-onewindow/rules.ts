import { feelSyntaxError } from '../../feel-condition';
import { isCountersignProblem, parseCountersign } from '../compile';
import { longestPath, matchJoins } from '../graph';
import { isType, many, prop, type ModdleElement } from '../moddle-types';
import {
  departmentOf,
  flowGraph,
  isContainer,
  isDepartmentTask,
  isForkGateway,
  isIssueTask,
  isJoinGateway,
  owAttr,
  positiveInt,
  reach,
  target,
  type FlowGraph,
  type RuleFactory,
} from './helpers';

const kind = (el: ModdleElement): string =>
  el.$type.replace('bpmn:', '').replace('Gateway', '').toLowerCase();

/** Every department step has a department (its own or its lane's) and a limit in working days (0 = 即办). */
export const departmentStep: RuleFactory = () => ({
  check(node, reporter) {
    if (isDepartmentTask(node)) {
      if (!departmentOf(node))
        reporter.report(
          node.id!,
          'a department step needs a department (ow:departmentCode on the task or its lane)',
          { code: 'department.departmentMissing' },
        );
      const limit = owAttr(node, 'limitWorkingDays');
      if (limit === undefined || !/^(0|[1-9]\d*)$/.test(limit))
        reporter.report(
          node.id!,
          limit === undefined
            ? 'a department step needs a time limit (ow:limitWorkingDays, working days; 0 = 即办)'
            : `the time limit "${limit}" is not a whole number of working days`,
          limit === undefined
            ? { code: 'department.limitMissing' }
            : { code: 'department.limitInvalid', params: { value: limit } },
        );
    } else if (isIssueTask(node)) {
      const limit = owAttr(node, 'limitWorkingDays');
      if (limit !== undefined && positiveInt(limit) === undefined)
        reporter.report(node.id!, `the issuance limit "${limit}" is not a positive number of working days`, {
          code: 'issue.limitInvalid',
          params: { value: limit },
        });
    }
  },
});

/** Each join closes a fork of the same kind, and each fork with several branches is closed by a join. */
export const forkJoin: RuleFactory = () => ({
  check(node, reporter) {
    if (!isContainer(node)) return;
    const g = flowGraph(node);
    const start = g.starts[0];
    if (!start) return;
    const forkOf = matchJoins(
      {
        entry: start.id!,
        nodes: g.nodes.map((n) => n.id!),
        successors: (id) => (g.outgoing.get(id) ?? []).map(target),
        predecessors: (id) => (g.incoming.get(id) ?? []).map((f) => prop<ModdleElement>(f, 'sourceRef')!.id!),
      },
      (id) => isForkGateway(g, g.byId.get(id)!),
      (id) => isJoinGateway(g, g.byId.get(id)!),
    );
    const closed = new Set(forkOf.values());
    for (const el of g.nodes) {
      if (isJoinGateway(g, el)) {
        const fork = forkOf.get(el.id!);
        if (!fork)
          reporter.report(el.id!, 'this join closes no fork: its branches do not start at a gateway', {
            code: 'gateway.joinWithoutFork',
          });
        else if (g.byId.get(fork)!.$type !== el.$type)
          reporter.report(
            el.id!,
            `this ${kind(el)} join closes the ${kind(g.byId.get(fork)!)} fork "${fork}": use the same kind of gateway`,
            {
              code: 'gateway.kindMismatch',
              params: {
                kind: kind(el),
                forkKind: kind(g.byId.get(fork)!),
                fork: g.byId.get(fork)!.name?.trim() || fork,
              },
            },
          );
      } else if (isForkGateway(g, el) && (g.outgoing.get(el.id!)?.length ?? 0) > 1 && !closed.has(el.id!)) {
        reporter.report(el.id!, `the branches of this fork are not merged by a ${kind(el)} join gateway`, {
          code: 'gateway.notMerged',
          params: { kind: kind(el) },
        });
      }
    }
  },
});

/** Every element can be reached from the start and reaches the end. */
export const noDeadEnds: RuleFactory = () => ({
  check(node, reporter) {
    if (!isContainer(node)) return;
    const g = flowGraph(node);
    const fromStart = reach(
      g,
      g.starts.map((s) => s.id!),
      'forward',
    );
    const toEnd = reach(
      g,
      g.ends.map((s) => s.id!),
      'backward',
    );
    for (const el of g.nodes) {
      if (isType(el, 'bpmn:BoundaryEvent')) continue; // refused by the compiler already
      if (!fromStart.has(el.id!))
        reporter.report(el.id!, 'unreachable: no path from the start event leads here', {
          code: 'structure.unreachable',
        });
      else if (!toEnd.has(el.id!))
        reporter.report(el.id!, 'a dead end: no path from here reaches the end event', {
          code: 'structure.deadEnd',
        });
    }
  },
});

/** Every exclusive or inclusive fork has a condition on every outgoing flow but one, the default. */
export const gatewayConditions: RuleFactory = () => ({
  check(node, reporter) {
    if (!isType(node, 'bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway')) return;
    const siblings = many(node.$parent!, 'flowElements').filter((f) => isType(f, 'bpmn:SequenceFlow'));
    const flows = siblings.filter((f) => prop<ModdleElement>(f, 'sourceRef') === node);
    const incoming = siblings.filter((f) => prop<ModdleElement>(f, 'targetRef') === node).length;
    // A join (several incoming flows, or marked converging) has no conditions to check.
    if (flows.length === 0 || incoming > 1 || node.gatewayDirection === 'Converging') return;
    const def = prop<ModdleElement>(node, 'default');
    if (!def)
      reporter.report(node.id!, 'no default flow: mark the flow taken when no condition holds as default', {
        code: 'gateway.noDefault',
      });
    for (const f of flows) {
      const condition = prop<ModdleElement>(f, 'conditionExpression');
      const body = condition ? owAttr(condition, 'body') : undefined;
      if (f === def && body)
        reporter.report(f.id!, 'the default flow has a condition: a default flow has none', {
          code: 'gateway.defaultHasCondition',
        });
      if (f !== def && !body)
        reporter.report(f.id!, 'no condition: every flow but the default needs a FEEL condition', {
          code: 'gateway.noCondition',
        });
    }
  },
});

/** Conditions are FEEL that parses. */
export const feel: RuleFactory = () => ({
  check(node, reporter) {
    if (!isType(node, 'bpmn:SequenceFlow')) return;
    const condition = prop<ModdleElement>(node, 'conditionExpression');
    const body = condition ? owAttr(condition, 'body') : undefined;
    const error = body ? feelSyntaxError(body) : undefined;
    if (error) reporter.report(node.id!, error, { code: 'feel.syntax', params: { expression: body! } });
  },
});

export interface CatalogueOptions {
  /** Department codes of the catalogue; absent = not checked. */
  departmentCodes?: readonly string[];
  /** Item codes of the catalogue; absent = not checked. */
  itemCodes?: readonly string[];
}
/** Departments and items exist in the catalogue. */
export const catalogue: RuleFactory<CatalogueOptions> = (options = {}) => {
  const departments = options.departmentCodes ? new Set(options.departmentCodes) : undefined;
  const items = options.itemCodes ? new Set(options.itemCodes) : undefined;
  return {
    check(node, reporter) {
      if (isDepartmentTask(node)) {
        const code = departmentOf(node);
        if (code && departments && !departments.has(code))
          reporter.report(node.id!, `the department "${code}" is not in the catalogue`, {
            code: 'catalogue.department',
            params: { department: code },
          });
      }
      if (isType(node, 'bpmn:UserTask', 'bpmn:SubProcess') && items) {
        const item = owAttr(node, 'itemCode');
        if (item && !items.has(item))
          reporter.report(node.id!, `the item "${item}" is not in the catalogue`, {
            code: 'catalogue.item',
            params: { item },
          });
      }
      if (isType(node, 'bpmn:Lane') && departments) {
        const code = owAttr(node, 'departmentCode');
        if (code && !departments.has(code))
          reporter.report(node.id!, `the lane's department "${code}" is not in the catalogue`, {
            code: 'catalogue.laneDepartment',
            params: { department: code },
          });
      }
    },
  };
};

/**
 * `at_least:N` has N assignees or more, `single` exactly one (when the step lists its assignees);
 * `sequential` (依次审批) lists two or more, in signing order (the role group has no order).
 */
export const countersign: RuleFactory = () => ({
  check(node, reporter) {
    if (!isDepartmentTask(node)) return;
    const cs = parseCountersign(owAttr(node, 'countersign'));
    if (isCountersignProblem(cs))
      return reporter.report(node.id!, cs.message, {
        code: cs.code,
        ...(cs.params ? { params: cs.params } : {}),
      });
    const text = owAttr(node, 'assignees');
    if (text === undefined) {
      if (cs.mode === 'sequential')
        reporter.report(
          node.id!,
          'countersign "sequential" needs at least two assignees in signing order, found 0',
          { code: 'countersign.sequentialAssignees', params: { count: 0 } },
        );
      return; // the role group: its size is known at publishing
    }
    const assignees = new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    if (cs.mode === 'at_least' && cs.n > assignees.size)
      reporter.report(
        node.id!,
        `countersign at_least:${cs.n} needs at least ${cs.n} assignees, the step has ${assignees.size}`,
        { code: 'countersign.atLeastAssignees', params: { n: cs.n, count: assignees.size } },
      );
    if (cs.mode === 'sequential' && assignees.size < 2)
      reporter.report(
        node.id!,
        `countersign "sequential" needs at least two assignees in signing order, found ${assignees.size}`,
        { code: 'countersign.sequentialAssignees', params: { count: assignees.size } },
      );
    if (cs.mode === 'single' && assignees.size !== 1)
      reporter.report(
        node.id!,
        `countersign "single" takes exactly one assignee, the step has ${assignees.size}`,
        { code: 'countersign.singleAssignees', params: { count: assignees.size } },
      );
  },
});

export interface LimitOptions {
  /** The limit of the whole flow (the item's, or the bundle's strictest), in working days. */
  limitWorkingDays?: number;
  /** Limits of sub-flows by item code (`ow:itemCode` of a sub-process), in working days. */
  itemLimits?: Readonly<Record<string, number>>;
}

/**
 * The working days of the longest path through a process or sub-process up to the decision: a department
 * step counts its limit, a timer its days, a sub-flow its own critical path; parallel branches count as
 * their longest, and so do exclusive ones (the worst case). Issuance counts nothing: the item's limits
 * (Art. 42) run to the decision, and issuance has its own 10 days after it (Art. 44), as the case clocks do.
 * Natural-day timers count their days as they are (a natural day is never more than a working day, so this
 * over-estimates at most).
 */
export function criticalPath(
  container: ModdleElement,
): { days: number; path: string[]; names: string[] } | undefined {
  const g: FlowGraph = flowGraph(container);
  const start = g.starts[0];
  const end = g.ends[0];
  if (!start || !end || g.starts.length > 1 || g.ends.length > 1) return undefined;
  const sub = new Map<string, number>();
  const weight = (id: string): number => {
    const el = g.byId.get(id)!;
    if (isDepartmentTask(el)) return positiveInt(owAttr(el, 'limitWorkingDays')) ?? 0;
    if (isType(el, 'bpmn:IntermediateCatchEvent')) {
      const duration = many(el, 'eventDefinitions')
        .map((d) => prop<ModdleElement>(d, 'timeDuration'))
        .find(Boolean);
      return Number(/^P(\d+)D$/.exec((duration && owAttr(duration, 'body')) ?? '')?.[1] ?? 0);
    }
    if (isType(el, 'bpmn:SubProcess')) {
      if (!sub.has(id)) sub.set(id, criticalPath(el)?.days ?? 0);
      return sub.get(id)!;
    }
    return 0;
  };
  const found = longestPath(
    {
      entry: start.id!,
      nodes: g.nodes.map((n) => n.id!),
      successors: (id) => (g.outgoing.get(id) ?? []).map(target),
      predecessors: () => [],
    },
    weight,
    end.id!,
  );
  // The path as the steps that take days (gateways and events add nothing).
  const path = found?.path.filter((id) => weight(id) > 0) ?? [];
  return found && { days: found.length, path, names: path.map((id) => g.byId.get(id)!.name?.trim() || id) };
}

const limitRule =
  (which: 'promised' | 'statutory'): RuleFactory<LimitOptions> =>
  (options = {}) => ({
    check(node, reporter) {
      if (!isContainer(node)) return;
      const limit = isType(node, 'bpmn:Process')
        ? options.limitWorkingDays
        : options.itemLimits?.[owAttr(node, 'itemCode') ?? ''];
      if (limit === undefined) return;
      const found = criticalPath(node);
      if (found && found.days > limit) {
        reporter.report(
          node.id!,
          `the critical path takes ${found.days} working days, over the ${which} limit of ${limit} (${found.path.join(' → ')})`,
          {
            code: which === 'promised' ? 'criticalPath.promised' : 'criticalPath.statutory',
            params: { days: found.days, limit, path: found.names.join(' → ') },
          },
        );
      }
    },
  });
/** The critical path fits the promised limit (承诺时限; a warning in the recommended config). */
export const criticalPathPromised = limitRule('promised');
/** The critical path fits the statutory limit (法定时限; an error). */
export const criticalPathStatutory = limitRule('statutory');
