import type { Problem } from '@onewindow/contracts';

/**
 * Why a request failed:
 * - `problem`: the API answered with application/problem+json (or an error status without one);
 * - `network`: the server could not be reached;
 * - `contract`: the answer did not match the shared zod contract.
 */
export type ApiErrorKind = 'problem' | 'network' | 'contract';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    /** HTTP status; 0 when the server was not reached. */
    readonly status: number,
    readonly problem?: Problem,
    options?: { cause?: unknown },
  ) {
    super(problem ? `${problem.title}: ${problem.detail}` : `${kind} error (${status})`, options);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
