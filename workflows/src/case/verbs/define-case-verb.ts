import type { UpdateDefinition } from '@temporalio/common';
import type { CaseVerb, CaseVerbRequest } from '@onewindow/contracts';
import type { z } from 'zod';
import type { CaseEngine } from '../engine/case-engine';
import type { ActivityCall, StepState, Transition } from '../engine/case-state';
import type { MemberFacts } from '../engine/step-claims';

/**
 * Records a decision: in the case history and through the `recordDecision` activity (the Decision
 * projection). With `step` (the step as the verb leaves it, from the verb's reducer) the step is written
 * in the same transition (`decision`, applied by `CaseEngine.apply`: one `version` bump); the activity
 * call follows at once, before the caller's next await.
 */
export type RecordDecision = (
  stepId: string,
  action: string,
  actor: string,
  details: Record<string, unknown>,
  step?: StepState,
) => Promise<void>;

/**
 * Reducer: a verb's decision — the step it changed (if any), its history entry and its `recordDecision` call.
 */
export function decision(
  stepId: string,
  action: string,
  actor: string,
  details: Record<string, unknown>,
  step?: StepState,
): Transition & { calls: [ActivityCall] } {
  return {
    ...(step ? { steps: [step] } : {}),
    history: [{ actor, action, stepId, details }],
    calls: [{ name: 'recordDecision', input: { stepId, action, actor, details } }],
  };
}

/** What a validator and a handler work on. */
export interface CaseUpdateContext {
  engine: CaseEngine;
  record: RecordDecision;
}

/**
 * One Update of the case workflow. `registerCaseHandlers` registers it with
 * `validator: raw => validate(ctx, parse(raw))` and `handler: raw => handle(ctx, parse(raw))`: an invalid
 * payload, or one the state refuses, is rejected before it reaches history.
 */
export interface CaseUpdateDefinition<Payload, Parsed = Payload, Result = unknown> {
  /** Its name and payload are recorded in workflow histories: never rename it, change its payload only behind a patch. */
  readonly update: UpdateDefinition<Result, [Payload]>;
  /** Parses the raw payload (its messages are the caller's error). */
  readonly payload: z.ZodType<Parsed, Payload>;
  /** Synchronous state checks; throws the reason the caller gets. Must not change state. */
  validate(ctx: CaseUpdateContext, p: Parsed): void;
  handle(ctx: CaseUpdateContext, p: Parsed): Promise<Result>;
}

/** What the API knows besides the request body (checked by the API before it sends the verb). */
export interface CaseActionContext {
  /** 转办 and 指派 (assign): 'lead' when a department lead hands on someone else's place. */
  authority?: 'assignee' | 'lead';
  /** The signed-in user's department and roles (签收 of a role group checks them against the step). */
  member?: MemberFacts;
  /** 指派 (assign) only: the department and roles of the person the lead assigns the task to. */
  assignee?: MemberFacts;
}

/**
 * An approver verb of `POST /api/cases/:caseNo/actions` (`caseVerbDefinitions` in `@onewindow/contracts`
 * holds its request schema and access action): its Update, and how the API turns a request into the
 * Update's payload. The signed-in user is the `actor`; nothing in the body names who acts.
 */
export interface CaseVerbDefinition<
  V extends CaseVerb,
  Payload,
  Parsed = Payload,
  Result = unknown,
> extends CaseUpdateDefinition<Payload, Parsed, Result> {
  readonly verb: V;
  toUpdateArgs(request: CaseVerbRequest<V>, actor: string, context: CaseActionContext): Payload;
}

/**
 * The fields of a definition, typed so that the payload type comes from `payload` (the schema) and the
 * result type from `handle`; `update` and `toUpdateArgs` are then checked against them.
 */
interface DefinitionFields<Payload, Parsed, Result> {
  update: UpdateDefinition<NoInfer<Result>, [NoInfer<Payload>]>;
  payload: z.ZodType<Parsed, Payload>;
  validate(ctx: CaseUpdateContext, p: NoInfer<Parsed>): void;
  handle(ctx: CaseUpdateContext, p: NoInfer<Parsed>): Promise<Result>;
}

/** Typed identity for an Update that is not an approver verb. */
export const defineCaseUpdate = <Payload, Parsed, Result>(
  definition: DefinitionFields<Payload, Parsed, Result>,
): CaseUpdateDefinition<Payload, Parsed, Result> => definition;

/** Typed identity for a verb; `toUpdateArgs` must build the Update's payload from the verb's request. */
export const defineCaseVerb = <V extends CaseVerb, Payload, Parsed, Result>(
  definition: DefinitionFields<Payload, Parsed, Result> & {
    verb: V;
    toUpdateArgs(request: CaseVerbRequest<V>, actor: string, context: CaseActionContext): NoInfer<Payload>;
  },
): CaseVerbDefinition<V, Payload, Parsed, Result> => definition;

/** The request without its `verb`, signed by the actor: the payload of most verbs. */
export const requestWithActor = <R extends { verb: string }>(
  request: R,
  actor: string,
): Omit<R, 'verb'> & { actor: string } => {
  const { verb: _verb, ...rest } = request;
  return { ...rest, actor };
};
