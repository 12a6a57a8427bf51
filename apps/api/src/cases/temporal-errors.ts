import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { ApiDeps } from '../api-deps';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { refusalSentence } from '../tasks/action-refusals';

/** gRPC UNAVAILABLE / DEADLINE_EXCEEDED: Temporal (or every worker) did not answer in time. */
export function isTemporalUnreachable(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause;
  const grpc = isGrpcServiceError(error) ? error : isGrpcServiceError(cause) ? cause : undefined;
  return grpc !== undefined && (grpc.code === 14 || grpc.code === 4);
}

export const temporalDown = (address: string) =>
  new ProblemError(
    503,
    ProblemType.dependencyDown,
    'Workflow engine unavailable',
    `Temporal at ${address} did not answer; try again shortly`,
  );

/**
 * The Update was sent but its answer did not come before the request's deadline (the worker is busy or down).
 * The client reports the deadline as DEADLINE_EXCEEDED or, when it cancels the call itself, as CANCELLED. The
 * action may still be applied; the same Idempotency-Key (the Update id) returns its result instead of acting twice.
 */
export const updateNotAnswered = (caseNo: string) =>
  new ProblemError(
    503,
    ProblemType.dependencyDown,
    'Workflow engine busy',
    `Case ${caseNo} did not answer in time, so the action may or may not have been applied; send it again with the same Idempotency-Key to get its result (it is never applied twice)`,
  );

/**
 * Turns the errors of an Update into problems: the workflow validator's refusal keeps its sentence,
 * a finished case is a conflict, an unknown one is 404, an unanswered one 503.
 */
export async function updateProblem(error: unknown, caseNo: string, deps: ApiDeps): Promise<unknown> {
  if (error instanceof WorkflowUpdateFailedError) {
    // A claimed, changed, decided or other department's task: who did what and when, and to reload.
    const sentence = await refusalSentence(deps, error.cause);
    return new ProblemError(
      409,
      ProblemType.refused,
      'Action refused',
      sentence ?? error.cause?.message ?? error.message,
    );
  }
  if (error instanceof WorkflowNotFoundError) {
    const row = await deps.db.case.findUnique({ where: { caseNo }, select: { status: true } });
    if (!row) return notFound(`No case ${caseNo}`);
    return new ProblemError(
      409,
      ProblemType.refused,
      'Action refused',
      `Case ${caseNo} is no longer running (status ${row.status})`,
    );
  }
  const unavailable = (cause: unknown) => isGrpcServiceError(cause) && cause.code === 14;
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError && !unavailable(error.cause))
    return updateNotAnswered(caseNo);
  if (isTemporalUnreachable(error)) return temporalDown(deps.temporal.address);
  return error;
}
