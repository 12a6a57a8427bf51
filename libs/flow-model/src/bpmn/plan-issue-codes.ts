import type { ProblemCode, ProblemParams } from './problems';

/**
 * The codes of `validatePlan`'s issues, recognised by their English text (validatePlan names no codes): each
 * pattern's groups become the params. An issue no pattern knows is `structure.other` with the text as
 * `detail`; a test runs validatePlan on broken plans and checks each issue it gives has a pattern.
 */
const PATTERNS: { code: ProblemCode; pattern: RegExp; params?: (m: RegExpExecArray) => ProblemParams }[] = [
  { code: 'structure.other', pattern: /^duplicate node id$/ },
  { code: 'flow.endsMissing', pattern: /^dangling edge: / },
  { code: 'flow.loopOnItself', pattern: /^an edge may not loop onto its own node$/ },
  {
    code: 'structure.startCount',
    pattern: /^needs exactly one "(?:accept|start)" node, found (\d+)$/,
    params: (m) => ({ found: Number(m[1]) }),
  },
  { code: 'structure.endMissing', pattern: /^missing end: / },
  {
    code: 'structure.endCount',
    pattern: /^needs exactly one "end" node, found (\d+)$/,
    params: (m) => ({ found: Number(m[1]) }),
  },
  {
    code: 'issue.count',
    pattern: /^needs exactly one "issue" step at the window, found (\d+)$/,
    params: (m) => ({ found: Number(m[1]) }),
  },
  { code: 'issue.inSubflow', pattern: /^a sub-flow may not issue/ },
  { code: 'structure.other', pattern: /^"(?:accept|start)" is not allowed here/ },
  {
    code: 'flow.cycle',
    pattern: /^the flow has a cycle through (.+): plans are acyclic$/,
    params: (m) => ({ nodes: m[1] }),
  },
  { code: 'structure.unreachable', pattern: /^unreachable from "/ },
  { code: 'structure.deadEnd', pattern: /^never reaches the end "/ },
  {
    code: 'issue.bypassed',
    pattern: /^a path reaches the end without passing the issue step "([^"]*)"$/,
    params: (m) => ({ issue: m[1] }),
  },
  { code: 'gateway.joinWithoutFork', pattern: /^join without fork: / },
  { code: 'structure.other', pattern: /^"(?:accept|start)" may not have incoming edges$/ },
  {
    code: 'structure.mergeWithoutJoin',
    pattern: /^(\d+) incoming edges: merge branches with a "join" first$/,
    params: (m) => ({ incoming: Number(m[1]) }),
  },
  { code: 'structure.other', pattern: /^the end may not have outgoing edges$/ },
  { code: 'gateway.noOutgoing', pattern: /^a gateway needs at least one outgoing edge$/ },
  {
    code: 'structure.outgoingCount',
    pattern: /^needs exactly one outgoing edge, found (\d+)$/,
    params: (m) => ({ found: Number(m[1]) }),
  },
  {
    code: 'flow.conditionNotAllowed',
    pattern: /^conditions and defaults belong on edges leaving exclusive\/inclusive gateways/,
  },
  { code: 'gateway.noCondition', pattern: /^needs a FEEL condition or isDefault$/ },
  { code: 'gateway.defaultHasCondition', pattern: /^a default edge has no condition$/ },
  {
    code: 'feel.syntax',
    pattern: /^FEEL syntax error (?:at position \d+ )?in "(.*?)"/s,
    params: (m) => ({ expression: m[1] }),
  },
  { code: 'gateway.severalDefaults', pattern: /^at most one default edge$/ },
  { code: 'department.assigneesDuplicate', pattern: /^assignees must be distinct$/ },
  { code: 'countersign.singleAssignees', pattern: /^countersign "single" takes exactly one assignee$/ },
  {
    code: 'countersign.sequentialAssignees',
    pattern: /^countersign "sequential" needs at least two assignees in signing order, found (\d+)$/,
    params: (m) => ({ count: Number(m[1]) }),
  },
  {
    code: 'countersign.atLeastAssignees',
    pattern: /^countersign at_least (\d+) needs at least \d+ assignees, found (\d+)$/,
    params: (m) => ({ n: Number(m[1]), count: Number(m[2]) }),
  },
  {
    code: 'department.approveRefuseRequired',
    pattern: /^a department step must allow "approve" and "refuse"$/,
  },
];

/** The code and params of one of `validatePlan`'s messages. */
export function planIssueCode(message: string): { code: ProblemCode; params?: ProblemParams } {
  for (const { code, pattern, params } of PATTERNS) {
    const m = pattern.exec(message);
    if (m)
      return code === 'structure.other'
        ? { code, params: { detail: message } }
        : { code, ...(params ? { params: params(m) } : {}) };
  }
  return { code: 'structure.other', params: { detail: message } };
}
