/** A minimal fetch Response, enough for apiClient (jsdom has no Response of its own). */
export function fakeResponse(status: number, body?: unknown, contentType = 'application/json'): Response {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? contentType : null) },
    text: async () => text,
  } as unknown as Response;
}

export function mockFetch(...responses: (Response | Error)[]): jest.Mock {
  const mock = jest.fn();
  for (const response of responses) {
    if (response instanceof Error) mock.mockRejectedValueOnce(response);
    else mock.mockResolvedValueOnce(response);
  }
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
}
