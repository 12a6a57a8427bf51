// A signed-in API client for the load run: session cookie and X-CSRF-Token, JSON in and out.
export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export class LoadSession {
  private cookie = '';
  private csrfToken = '';

  private constructor(
    readonly baseUrl: string,
    readonly username: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<LoadSession> {
    const session = new LoadSession(baseUrl, username);
    const res = await session.call('POST', '/api/auth/login', { username, password });
    if (res.status !== 200)
      throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    session.csrfToken = res.body.csrfToken;
    return session;
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(60_000),
    });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (set.length > 0) this.cookie = set.join('; ');
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text for the error message.
    }
    return { status: res.status, body: parsed };
  }
}
