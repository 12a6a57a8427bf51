import { flattenPlan, type FlatNode } from './flatten-plan';
import { longestPathBy } from './longest-path';
import type { ServicePlan, TimeLimit } from './service-plan.schema';

/**
 * Day counting on a working calendar, as the case clocks count (`@onewindow/calendar`'s `addWorkingDays` and
 * `addNaturalDays` over the calendar in force): the caller passes it, so this library stays free of the
 * calendar and its data. Dates are ISO `YYYY-MM-DD` (Asia/Shanghai).
 */
export interface DayCounter {
  addWorkingDays(date: string, days: number): string;
  addNaturalDays(date: string, days: number): string;
}

/** A node of the plan that takes time or marks a point in it, with its expected dates. */
export interface SimulatedStep {
  /** The flattened plan id (`sub/inner` inside a sub-flow). */
  id: string;
  type: 'department' | 'timer' | 'automatic' | 'issue';
  name?: string;
  departmentCode?: string;
  itemCode?: string;
  /** The day the step opens: the day its last predecessor is expected to finish. */
  opensOn: string;
  /** The day it is due (a department step's limit, a timer's wait, issuance's Art. 44 days; an automatic step the same day). */
  dueOn: string;
  limit?: TimeLimit;
  /** On the critical path to the decision (issuance itself is after it). */
  critical: boolean;
}

export interface PlanSimulation {
  acceptedOn: string;
  /** The work nodes in the plan's order of nodes (sub-flows inlined). */
  steps: SimulatedStep[];
  /** The expected decision day: when the last branch before issuance is due. */
  decisionOn: string;
  /** Issuance after the decision (Art. 44), from the plan's issue node. */
  issuance: { opensOn: string; dueOn: string; limitWorkingDays: number };
  /** The flattened ids of every node on the critical path from acceptance to issuance (gateways included). */
  criticalPath: string[];
  /** The case's own clocks from the acceptance day (the caller's limits): statutory and promised due days. */
  caseDue: { statutory?: string; promised?: string };
}

const addDays = (days: DayCounter, date: string, limit: TimeLimit): string =>
  limit.unit === 'working_day'
    ? days.addWorkingDays(date, limit.value)
    : days.addNaturalDays(date, limit.value);

/** When a node opened on `opensOn` is expected to finish (a gateway, event or automatic step: the same day). */
function finishes(node: FlatNode, opensOn: string, days: DayCounter): string {
  switch (node.type) {
    case 'department':
      return days.addWorkingDays(opensOn, node.limitWorkingDays);
    case 'timer':
      return addDays(days, opensOn, node.wait);
    case 'accept':
    case 'start':
    case 'end':
    case 'parallel':
    case 'exclusive':
    case 'inclusive':
    case 'join':
    case 'automatic':
    case 'issue':
      return opensOn;
  }
}

/**
 * The expected dates of a plan accepted on `acceptedOn`, as the case clocks would count them if every step
 * took its whole limit: a department step opens when its predecessors are due and is due its limit in working
 * days later (holidays and 调休 as the calendar says; a 0-day step the day it opens); a timer waits its days;
 * a join opens when its last branch is due, so parallel branches (and, as the worst case, exclusive and
 * inclusive ones) count as their longest. The decision is the day issuance opens; issuance is due its own
 * working days after it (Art. 44), as the case's issuance clock. The critical path is the longest path (by
 * date) from acceptance to issuance. `limits` are the case's clocks (statutory, promised), counted from the
 * acceptance day. Throws when the plan has a cycle or no issuance (a plan that passed `validatePlan` has neither).
 */
export function simulatePlan(
  plan: ServicePlan,
  options: { acceptedOn: string; days: DayCounter; limits?: { statutory?: TimeLimit; promised?: TimeLimit } },
): PlanSimulation {
  const { acceptedOn, days } = options;
  const flat = flattenPlan(plan);
  const byId = new Map(flat.nodes.map((n) => [n.id, n]));
  const successors = new Map<string, string[]>(flat.nodes.map((n) => [n.id, []]));
  for (const e of flat.edges) successors.get(e.from)?.push(e.to);
  const issue = flat.nodes.find((n) => n.type === 'issue');
  if (!issue) throw new Error(`plan ${plan.key} has no issue node`);
  const found = longestPathBy(
    {
      entry: flat.nodes.find((n) => n.type === 'accept')?.id ?? '',
      nodes: flat.nodes.map((n) => n.id),
      successors: (id) => successors.get(id) ?? [],
      predecessors: () => [],
    },
    {
      origin: acceptedOn,
      extend: (opensOn, id) => finishes(byId.get(id)!, opensOn, days),
      // ISO dates compare as strings.
      longer: (a, b) => a > b,
    },
    issue.id,
  );
  if (!found) throw new Error(`plan ${plan.key} has a cycle or issuance cannot be reached`);

  // A node opens when its latest predecessor finishes (acceptance: the day of acceptance).
  const opens = new Map<string, string>();
  for (const e of flat.edges) {
    const at = found.at.get(e.from);
    if (at !== undefined && (opens.get(e.to) ?? '') < at) opens.set(e.to, at);
  }
  const critical = new Set(found.path);
  const decisionOn = found.length;
  const issueLimit = issue.type === 'issue' ? issue.limitWorkingDays : 10;
  const steps: SimulatedStep[] = flat.nodes.flatMap((node): SimulatedStep[] => {
    const opensOn = opens.get(node.id) ?? acceptedOn;
    const common = {
      id: node.id,
      ...(node.name ? { name: node.name } : {}),
      ...(node.itemCode ? { itemCode: node.itemCode } : {}),
      opensOn,
      critical: critical.has(node.id),
    };
    switch (node.type) {
      case 'department':
        return [
          {
            ...common,
            type: 'department',
            departmentCode: node.departmentCode,
            dueOn: finishes(node, opensOn, days),
            limit: { value: node.limitWorkingDays, unit: 'working_day' },
          },
        ];
      case 'timer':
        return [{ ...common, type: 'timer', dueOn: finishes(node, opensOn, days), limit: node.wait }];
      case 'automatic':
        return [{ ...common, type: 'automatic', dueOn: opensOn }];
      case 'issue':
        return [
          {
            ...common,
            type: 'issue',
            opensOn: decisionOn,
            dueOn: days.addWorkingDays(decisionOn, issueLimit),
            limit: { value: issueLimit, unit: 'working_day' },
          },
        ];
      default:
        return [];
    }
  });
  const { statutory, promised } = options.limits ?? {};
  return {
    acceptedOn,
    steps,
    decisionOn,
    issuance: {
      opensOn: decisionOn,
      dueOn: days.addWorkingDays(decisionOn, issueLimit),
      limitWorkingDays: issueLimit,
    },
    criticalPath: found.path,
    caseDue: {
      ...(statutory ? { statutory: addDays(days, acceptedOn, statutory) } : {}),
      ...(promised ? { promised: addDays(days, acceptedOn, promised) } : {}),
    },
  };
}
