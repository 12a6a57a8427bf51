import {
  isGrpcServiceError,
  NamespaceNotFoundError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';

type GrpcServiceError = { code: number; details: string };
import type { ApiDeps } from '../api-deps';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { refusalSentence } from '../tasks/action-refusals';

/** The gRPC status codes Temporal answers with (@grpc/grpc-js `status`). */
const Grpc = {
  CANCELLED: 1,
  UNKNOWN: 2,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/** The gRPC error an SDK error wraps (ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError: in `cause`). */
function grpcErrorOf(error: unknown): GrpcServiceError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if (isGrpcServiceError(e)) return e;
  return undefined;
}

/** gRPC UNAVAILABLE / DEADLINE_EXCEEDED: Temporal (or every worker) did not answer in time. */
export function isTemporalUnreachable(error: unknown): boolean {
  const code = grpcErrorOf(error)?.code;
  return code === Grpc.UNAVAILABLE || code === Grpc.DEADLINE_EXCEEDED;
}

/**
 * Faults that a later try of the same request can get past: Temporal down or slow, the call cancelled, the
 * server refusing for now (the workflow's task failing while its worker is stalled — FAILED_PRECONDITION
 * "Workflow Task in failed state" —, too many Updates in flight, an aborted or internal error), the
 * credentials or the namespace not (yet) accepted. The state did not move on: nothing refused the request
 * itself.
 */
export function isRetryableTemporalError(error: unknown): boolean {
  if (error instanceof NamespaceNotFoundError) return true;
  const code = grpcErrorOf(error)?.code;
  return (
    code === Grpc.UNAVAILABLE ||
    code === Grpc.DEADLINE_EXCEEDED ||
    code === Grpc.CANCELLED ||
    code === Grpc.FAILED_PRECONDITION ||
    code === Grpc.RESOURCE_EXHAUSTED ||
    code === Grpc.ABORTED ||
    code === Grpc.INTERNAL ||
    code === Grpc.UNKNOWN ||
    code === Grpc.PERMISSION_DENIED ||
    code === Grpc.UNAUTHENTICATED
  );
}

/** What every retryable fault tells the client to do, in Chinese (the UI's language) and English. */
const resendZh = '请使用同一 Idempotency-Key 重新提交（同一操作不会重复执行）。';
const resendEn = 'send it again with the same Idempotency-Key to get its result (it is never applied twice)';

export const temporalDown = (address: string) =>
  new ProblemError(
    503,
    ProblemType.dependencyDown,
    'Workflow engine unavailable',
    `流程引擎（Temporal ${address}）暂时无法连接，请稍后重试。 Temporal at ${address} did not answer; try again shortly`,
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
    `办件 ${caseNo} 未能及时答复，该操作可能已执行，也可能未执行：${resendZh} Case ${caseNo} did not answer in time, so the action may or may not have been applied; ${resendEn}`,
  );

/** Temporal refused the Update for now (not the workflow: it never saw it); the same request later goes through. */
const updateNotAdmitted = (caseNo: string, grpcDetails: string | undefined) =>
  new ProblemError(
    503,
    ProblemType.dependencyDown,
    'Action not taken yet',
    `办件 ${caseNo} 的流程暂时不能接收该操作，该操作尚未执行：${resendZh} Temporal did not take the action for case ${caseNo} now (${grpcDetails ?? 'busy'}); ${resendEn}`,
  );

/**
 * Turns the errors of an Update into problems: the workflow validator's refusal keeps its sentence,
 * a finished case is a conflict, an unknown one is 404, an unanswered one 503; every fault a retry can get
 * past (isRetryableTemporalError) is 503 telling to resend with the same Idempotency-Key, and a state that
 * moved on (ALREADY_EXISTS) is 409. What is left (INVALID_ARGUMENT, UNIMPLEMENTED …) is our bug: 500, logged.
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
  const grpc = grpcErrorOf(error);
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError && grpc?.code !== Grpc.UNAVAILABLE)
    return updateNotAnswered(caseNo);
  if (grpc?.code === Grpc.UNAVAILABLE) return temporalDown(deps.temporal.address);
  if (grpc?.code === Grpc.DEADLINE_EXCEEDED || grpc?.code === Grpc.CANCELLED)
    return updateNotAnswered(caseNo);
  if (grpc?.code === Grpc.ALREADY_EXISTS)
    return new ProblemError(
      409,
      ProblemType.conflict,
      'Action refused',
      `办件 ${caseNo} 的状态已经变化，请刷新后查看。 Case ${caseNo} has moved on: ${grpc.details}`,
    );
  if (grpc?.code === Grpc.NOT_FOUND)
    return updateProblem(new WorkflowNotFoundError(grpc.details, caseNo, undefined), caseNo, deps);
  if (isRetryableTemporalError(error)) return updateNotAdmitted(caseNo, grpc?.details);
  return error;
}
