import crypto from 'node:crypto';
import type { Db } from '@onewindow/db';
import type { RunningStack } from '../support/start-stack';
import { startSeededStack, type SeededStack } from './seeded-stack';
import { application, approverOf, clerk as clerkUser, departments, items, password } from './case-fixtures';
import { ApiSession } from './http-session';

/** Case files on the real stack: a case accepted over HTTP, its material's file uploaded and read back. */
describe('case files of an accepted case', () => {
  let stack: RunningStack;
  let db: Db;
  let clerk: ApiSession;
  let seeded: SeededStack | undefined;
  beforeAll(async () => {
    seeded = await startSeededStack();
    ({ stack, db, clerk } = seeded);
  }, 120_000);
  afterAll(() => seeded?.stop(), 60_000);

  /** Raw bytes as `username` with a fresh session's cookie and CSRF token (ApiSession sends JSON only). */
  async function raw(username: string, method: 'PUT' | 'GET', path: string, body?: Buffer, type?: string) {
    const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(type ? { 'content-type': type } : {}) },
      ...(body ? { body: new Uint8Array(body) } : {}),
    });
  }

  it('the clerk uploads the ID scan of a case accepted over HTTP; the approving department reads the same bytes, another department may not', async () => {
    const accepted = await clerk.call('POST', '/api/cases', application([items[0].implementationCode]), {
      'idempotency-key': 'case-files-e2e-1',
    });
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    const path = `/api/cases/${caseNo}/materials/M-ID/file`;
    const scan = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(4096)]);

    const up = await raw(clerkUser.id, 'PUT', path, scan, 'image/jpeg');
    expect(up.status).toBe(201);
    expect(await up.json()).toMatchObject({
      caseNo,
      materialCode: 'M-ID',
      contentType: 'image/jpeg',
      size: scan.length,
      sha256: crypto.createHash('sha256').update(scan).digest('hex'),
    });

    const down = await raw(approverOf(items[0].departmentCode), 'GET', path);
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('image/jpeg');
    expect(down.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await down.arrayBuffer()).equals(scan)).toBe(true);

    // The fire brigade has no step in this case: refused, with the policy's reason.
    const fire = departments.find((d) => d.code === 'SFS-XFJY')!;
    const other = await ApiSession.signIn(stack.baseUrl, fire.approver, password);
    const refused = await other.call('GET', path);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/case\.file\.read is limited to your own department \(SFS-XFJY\)/);
    expect(
      await db.auditEntry.count({
        where: { action: { in: ['case.file.uploaded', 'case.file.downloaded'] }, target: `case:${caseNo}` },
      }),
    ).toBe(2);
  });
});
