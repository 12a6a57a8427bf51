import { parseServicePlan } from './validate-plan';
import type {
  BranchReturnPolicy,
  Countersign,
  DepartmentNode,
  PlanEdge,
  PlanNode,
  RefusalPolicy,
  ServicePlan,
  StepAction,
  TimeLimit,
} from './service-plan.schema';
import { ALL_STEP_ACTIONS } from './service-plan.schema';

export interface DepartmentStepSpec {
  id: string;
  departmentCode: string;
  limitWorkingDays: number;
  /** Empty: the step's role group claims it (签收). */
  assignees: string[];
  name?: string;
  role?: string;
  itemCode?: string;
  /** Defaults to single for one assignee or the role group, all (会签) for several. */
  countersign?: Countersign;
  /** Defaults to every verb. */
  actions?: StepAction[];
  result?: DepartmentNode['result'];
}
export type Branch = (b: SequenceBuilder) => SequenceBuilder;
export interface ConditionalBranch {
  /** FEEL condition over the application data; omit for the default branch. */
  when?: string;
  then: Branch;
}

interface Shared {
  counter: number;
}

/** Appends nodes one after another; gateways take branch callbacks and close them with a join. */
export class SequenceBuilder {
  readonly nodes: PlanNode[] = [];
  readonly edges: PlanEdge[] = [];
  private pending: Omit<PlanEdge, 'from' | 'to'> = {};

  constructor(
    protected readonly shared: Shared,
    protected tail: string | undefined,
  ) {}

  department(spec: DepartmentStepSpec): this {
    const { role = 'approver', actions = [...ALL_STEP_ACTIONS], ...rest } = spec;
    const countersign =
      spec.countersign ?? (spec.assignees.length <= 1 ? { mode: 'single' } : { mode: 'all' });
    return this.add({ ...rest, type: 'department', role, actions, countersign });
  }

  automatic(id: string, task: string, input?: Record<string, unknown>): this {
    return this.add(input ? { id, type: 'automatic', task, input } : { id, type: 'automatic', task });
  }

  timer(id: string, wait: TimeLimit): this {
    return this.add({ id, type: 'timer', wait });
  }

  parallel(branches: Branch[], ids?: { fork?: string; join?: string }): this {
    return this.gateway(
      'parallel',
      branches.map((then) => ({ then })),
      ids,
    );
  }

  /** Only the first branch whose condition holds runs (else the default branch). */
  exclusive(branches: ConditionalBranch[], ids?: { fork?: string; join?: string }): this {
    return this.gateway('exclusive', branches, ids);
  }

  /** Every branch whose condition holds runs (else the default branch). */
  inclusive(branches: ConditionalBranch[], ids?: { fork?: string; join?: string }): this {
    return this.gateway('inclusive', branches, ids);
  }

  subflow(spec: { id: string; itemCode: string; name?: string }, body: Branch): this {
    const inner = new SequenceBuilder(this.shared, undefined);
    inner.add({ id: 'start', type: 'start' });
    body(inner).add({ id: 'end', type: 'end' });
    return this.add({ ...spec, type: 'subflow', body: { nodes: inner.nodes, edges: inner.edges } });
  }

  protected add(node: PlanNode): this {
    this.nodes.push(node);
    this.link(node.id);
    return this;
  }

  private link(to: string): void {
    if (this.tail !== undefined) this.edges.push({ ...this.pending, from: this.tail, to });
    this.pending = {};
    this.tail = to;
  }

  private gateway(
    type: 'parallel' | 'exclusive' | 'inclusive',
    branches: ConditionalBranch[],
    ids: { fork?: string; join?: string } = {},
  ): this {
    const n = ++this.shared.counter;
    const forkId = ids.fork ?? `${type}_${n}`;
    const joinId = ids.join ?? `join_${n}`;
    this.add({ id: forkId, type });
    const tails: { tail: string; pending: Omit<PlanEdge, 'from' | 'to'> }[] = [];
    for (const branch of branches) {
      const b = new SequenceBuilder(this.shared, forkId);
      if (type !== 'parallel') b.pending = branch.when ? { condition: branch.when } : { isDefault: true };
      branch.then(b);
      this.nodes.push(...b.nodes);
      this.edges.push(...b.edges);
      tails.push({ tail: b.tail!, pending: b.pending });
    }
    this.nodes.push({ id: joinId, type: 'join' });
    for (const t of tails) this.edges.push({ ...t.pending, from: t.tail, to: joinId });
    this.tail = joinId;
    return this;
  }
}

/** Writes a plan in code: `planBuilder('key').accept().parallel([...]).issue().build()`. */
export class PlanBuilder extends SequenceBuilder {
  private policy: RefusalPolicy = 'collect';
  private branchReturn?: BranchReturnPolicy;

  constructor(
    private readonly key: string,
    private readonly options: { name?: string; version?: number } = {},
  ) {
    super({ counter: 0 }, undefined);
  }

  refusalPolicy(policy: RefusalPolicy): this {
    this.policy = policy;
    return this;
  }

  /** What sibling branches do while one branch is returned (退回, 补正): continue (default) or pause. */
  onBranchReturn(policy: BranchReturnPolicy): this {
    this.branchReturn = policy;
    return this;
  }

  accept(id = 'accept'): this {
    return this.add({ id, type: 'accept' });
  }

  issue(limitWorkingDays = 10, id = 'issue'): this {
    return this.add({ id, type: 'issue', limitWorkingDays });
  }

  /** Adds the end node and returns the validated plan (throws PlanValidationError). */
  build(): ServicePlan {
    this.add({ id: 'end', type: 'end' });
    return parseServicePlan({
      schemaVersion: 1,
      key: this.key,
      name: this.options.name ?? this.key,
      version: this.options.version ?? 1,
      refusalPolicy: this.policy,
      ...(this.branchReturn ? { onBranchReturn: this.branchReturn } : {}),
      nodes: this.nodes,
      edges: this.edges,
    });
  }
}

export const planBuilder = (key: string, options?: { name?: string; version?: number }): PlanBuilder =>
  new PlanBuilder(key, options);
