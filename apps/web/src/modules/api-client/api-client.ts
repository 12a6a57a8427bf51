import type { z } from 'zod';
import { problemSchema } from '@onewindow/contracts';
import { ApiError } from './api-error';

export interface ApiRequestOptions<TResponse extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Parsed response body. */
  responseSchema: TResponse;
  /** JSON body, validated against `requestSchema` before it is sent when one is given. */
  body?: unknown;
  requestSchema?: z.ZodType;
  query?: Record<string, string | number | undefined>;
  /** Non-2xx statuses whose body still follows `responseSchema` (e.g. 503 from /api/health). */
  acceptStatuses?: readonly number[];
  signal?: AbortSignal;
  /** Sent as Idempotency-Key: the API applies a request with the same key once (an action's Update id). */
  idempotencyKey?: string;
}

const problemContentType = 'application/problem+json';

let csrfToken: string | undefined;

/** The signed-in session's CSRF token, sent as X-CSRF-Token on every state-changing request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function buildUrl(path: string, query?: ApiRequestOptions<z.ZodType>['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError('contract', response.status, undefined, { cause });
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const isProblem = (response.headers.get('content-type') ?? '').includes(problemContentType);
  const body = await readJson(response).catch(() => undefined);
  const parsed = problemSchema.safeParse(body);
  if (isProblem && !parsed.success)
    return new ApiError('contract', response.status, undefined, { cause: parsed.error });
  return new ApiError('problem', response.status, parsed.success ? parsed.data : undefined);
}

/** Typed fetch for /api: every answer is parsed by a contract from @onewindow/contracts. */
export async function apiRequest<TResponse extends z.ZodType>(
  path: string,
  options: ApiRequestOptions<TResponse>,
): Promise<z.infer<TResponse>> {
  const {
    method = 'GET',
    responseSchema,
    requestSchema,
    body,
    query,
    acceptStatuses = [],
    signal,
    idempotencyKey,
  } = options;
  const payload =
    body === undefined ? undefined : JSON.stringify(requestSchema ? requestSchema.parse(body) : body);

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      signal,
      credentials: 'same-origin',
      headers: {
        Accept: `application/json, ${problemContentType}`,
        ...(payload ? { 'Content-Type': 'application/json' } : {}),
        ...(method !== 'GET' && csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
        ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      },
      body: payload,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('network', 0, undefined, { cause });
  }

  if (!response.ok && !acceptStatuses.includes(response.status)) throw await toApiError(response);

  const parsed = responseSchema.safeParse(await readJson(response));
  if (!parsed.success) throw new ApiError('contract', response.status, undefined, { cause: parsed.error });
  return parsed.data;
}

export const apiClient = {
  get: <T extends z.ZodType>(path: string, options: Omit<ApiRequestOptions<T>, 'method' | 'body'>) =>
    apiRequest(path, { ...options, method: 'GET' }),
  post: <T extends z.ZodType>(path: string, options: Omit<ApiRequestOptions<T>, 'method'>) =>
    apiRequest(path, { ...options, method: 'POST' }),
};
