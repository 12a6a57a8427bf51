import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Problem } from '@onewindow/contracts';
import { maskPersonalData } from '@onewindow/audit';

/** Stable problem types; the URI is a name, not a page. */
export const ProblemType = {
  validation: 'urn:onewindow:problem:validation',
  notFound: 'urn:onewindow:problem:not-found',
  conflict: 'urn:onewindow:problem:conflict',
  dependencyDown: 'urn:onewindow:problem:dependency-unavailable',
  refused: 'urn:onewindow:problem:action-refused',
  unauthenticated: 'urn:onewindow:problem:unauthenticated',
  forbidden: 'urn:onewindow:problem:forbidden',
  payloadTooLarge: 'urn:onewindow:problem:payload-too-large',
  unsupportedMediaType: 'urn:onewindow:problem:unsupported-media-type',
  tooManyRequests: 'urn:onewindow:problem:too-many-requests',
  internal: 'urn:onewindow:problem:internal',
} as const;

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail: string,
    readonly errors?: Problem['errors'],
  ) {
    super(detail);
  }
}

export const notFound = (detail: string) => new ProblemError(404, ProblemType.notFound, 'Not found', detail);
export const unauthenticated = (detail: string) =>
  new ProblemError(401, ProblemType.unauthenticated, 'Not signed in', detail);
export const forbidden = (detail: string) =>
  new ProblemError(403, ProblemType.forbidden, 'Forbidden', detail);

export function zodProblem(error: ZodError, where: string): ProblemError {
  const errors = error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
  }));
  const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return new ProblemError(
    400,
    ProblemType.validation,
    'Invalid request',
    `The ${where} is invalid — ${summary}`,
    errors,
  );
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(notFound(`No API route ${req.method} ${req.path}; see /api/openapi.json for the routes`));
};

/** Errors from body parsing or routing that carry a client status (http-errors: unsupported charset, bad URL encoding …). */
function isClientHttpError(error: unknown): error is { status: number; message: string } {
  const status = (error as { status?: unknown } | undefined)?.status;
  const exposable = (error as { expose?: unknown }).expose === true || error instanceof URIError; // URIError: a badly %-encoded path
  return typeof status === 'number' && status >= 400 && status < 500 && exposable;
}

/** The one place errors become HTTP: problem+json, never a stack trace. */
export const problemHandler: ErrorRequestHandler = (error, req, res, _next) => {
  let problem: ProblemError;
  if (error instanceof ProblemError) problem = error;
  else if (error instanceof ZodError) problem = zodProblem(error, 'request');
  else if (error?.type === 'entity.too.large')
    problem = new ProblemError(
      413,
      ProblemType.payloadTooLarge,
      'Payload too large',
      `The request body is larger than the ${error.limit} byte limit`,
    );
  else if (error?.type === 'entity.parse.failed')
    problem = new ProblemError(
      400,
      ProblemType.validation,
      'Invalid JSON',
      `The request body is not valid JSON: ${error.message}`,
    );
  else if (isClientHttpError(error))
    problem = new ProblemError(error.status, ProblemType.validation, 'Bad request', error.message);
  else {
    req.log?.error({ err: error }, 'unhandled error');
    problem = new ProblemError(
      500,
      ProblemType.internal,
      'Internal error',
      `Something went wrong on our side; quote request id ${String(req.id)} when reporting it`,
    );
  }
  const body: Problem = {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    // Error details may echo input (case numbers, IDs): personal data is masked on the way out.
    detail: maskPersonalData(problem.message),
    instance: maskPersonalData(req.originalUrl),
    requestId: String(req.id),
    ...(problem.errors
      ? {
          errors: problem.errors.map((e) => ({
            path: e.path,
            message: maskPersonalData(e.message),
            ...(e.code ? { code: e.code } : {}),
            ...(e.params
              ? {
                  params: Object.fromEntries(
                    Object.entries(e.params).map(([k, v]) => [
                      k,
                      typeof v === 'string' ? maskPersonalData(v) : v,
                    ]),
                  ),
                }
              : {}),
          })),
        }
      : {}),
  };
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
};
