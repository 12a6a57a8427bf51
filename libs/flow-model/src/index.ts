export * from './service-plan.schema';
export { evaluateCondition, feelSyntaxError, ConditionError } from './feel-condition';
export { validatePlan, parseServicePlan, PlanValidationError, type PlanIssue } from './validate-plan';
export {
  planBuilder,
  PlanBuilder,
  SequenceBuilder,
  type DepartmentStepSpec,
  type Branch,
  type ConditionalBranch,
} from './plan-builder';
export { defaultPlanForItems, itemStepId, type CatalogueItemForPlan } from './default-plan';
export { flattenPlan, type FlatPlan, type FlatNode, type FlatEdge } from './flatten-plan';
export {
  PlanRun,
  PlanRuntimeError,
  isWorkNode,
  type PlanRunState,
  type PlanRunStep,
  type NodeRunStatus,
  type NodeOutcome,
  type WorkNodeType,
} from './plan-run';
export { hashPlan, canonicalJson, sha256Hex } from './plan-hash';
export { simulatePlan, type DayCounter, type PlanSimulation, type SimulatedStep } from './simulate-plan';
