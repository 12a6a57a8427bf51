import { z } from 'zod';
import { healthResponseSchema } from '@onewindow/contracts';
import { fakeResponse, mockFetch } from '../../test/fake-fetch';
import { apiClient } from './api-client';
import { ApiError } from './api-error';

const health = {
  status: 'degraded',
  version: '0.1.0',
  database: { up: true, detail: 'sqlite', latencyMs: 2 },
  temporal: { up: false, detail: 'connection refused' },
};
const problem = {
  type: 'urn:onewindow:problem:validation',
  title: 'Invalid request',
  status: 400,
  detail: 'completedBy is required',
  requestId: 'req-123',
  errors: [{ path: 'completedBy', message: 'Required' }],
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiClient', () => {
  it('parses a successful answer with the contract', async () => {
    mockFetch(fakeResponse(200, { ...health, status: 'ok', temporal: { up: true, detail: 'ok' } }));
    await expect(
      apiClient.get('/api/health', { responseSchema: healthResponseSchema }),
    ).resolves.toMatchObject({ status: 'ok' });
  });

  it('treats a listed error status whose body follows the contract as an answer', async () => {
    mockFetch(fakeResponse(503, health));
    await expect(
      apiClient.get('/api/health', { responseSchema: healthResponseSchema, acceptStatuses: [503] }),
    ).resolves.toEqual(health);
  });

  it('turns application/problem+json into a typed problem error', async () => {
    mockFetch(fakeResponse(400, problem, 'application/problem+json; charset=utf-8'));
    const error = await failure(
      apiClient.post('/api/demo-cases/DEMO-1/complete', {
        responseSchema: z.object({}),
        body: { completedBy: 'x' },
      }),
    );
    expect(error.kind).toBe('problem');
    expect(error.status).toBe(400);
    expect(error.problem).toEqual(problem);
  });

  it('keeps the status of an error without a problem body', async () => {
    mockFetch(fakeResponse(502, '<html>Bad gateway</html>', 'text/html'));
    const error = await failure(apiClient.get('/api/health', { responseSchema: healthResponseSchema }));
    expect(error).toMatchObject({ kind: 'problem', status: 502, problem: undefined });
  });

  it('reports a malformed problem or answer as a contract error', async () => {
    mockFetch(
      fakeResponse(500, { oops: true }, 'application/problem+json'),
      fakeResponse(200, { status: 'fine' }),
    );
    expect((await failure(apiClient.get('/api/health', { responseSchema: healthResponseSchema }))).kind).toBe(
      'contract',
    );
    expect((await failure(apiClient.get('/api/health', { responseSchema: healthResponseSchema }))).kind).toBe(
      'contract',
    );
  });

  it('reports an unreachable server as a network error', async () => {
    mockFetch(new TypeError('Failed to fetch'));
    expect(
      await failure(apiClient.get('/api/health', { responseSchema: healthResponseSchema })),
    ).toMatchObject({ kind: 'network', status: 0 });
  });

  it('validates the body before sending and sends JSON with the query string', async () => {
    const fetchMock = mockFetch(fakeResponse(200, {}));
    const requestSchema = z.object({ completedBy: z.string().min(1) });
    await expect(
      apiClient.post('/api/x', { responseSchema: z.object({}), requestSchema, body: { completedBy: '' } }),
    ).rejects.toBeInstanceOf(z.ZodError);
    expect(fetchMock).not.toHaveBeenCalled();

    await apiClient.post('/api/x', {
      responseSchema: z.object({}),
      requestSchema,
      body: { completedBy: 'demo-clerk' },
      query: { q: '护照', page: 1, empty: '' },
    });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/x?q=%E6%8A%A4%E7%85%A7&page=1');
    expect(init).toMatchObject({ method: 'POST', body: '{"completedBy":"demo-clerk"}' });
  });
});
