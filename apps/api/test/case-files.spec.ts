import crypto from 'node:crypto';
import { demoPassword, seedDemoUsers } from '../src';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * Case files over HTTP against a real SQLite file: the window clerk of the case uploads a material's file,
 * the people whose case view includes materials download it; every refusal leaves the database alone.
 */
let api: TestApi;
let clerk: HttpSession;
const caseNo = 'YC20261201000201';
const closedCaseNo = 'YC20261201000202';
const path = (material: string, no = caseNo) => `/api/cases/${no}/materials/${material}/file`;

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  crypto.randomBytes(64),
]);

/** Sends raw bytes with this session's cookie and CSRF token. */
function upload(session: HttpSession, target: string, bytes: Buffer, contentType?: string) {
  const headers: Record<string, string> = {
    cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': session.csrfToken ?? '',
  };
  if (contentType) headers['content-type'] = contentType;
  return fetch(`${api.baseUrl}${target}`, { method: 'PUT', headers, body: new Uint8Array(bytes) });
}

/** What a refused request must leave alone. */
const fingerprint = async () =>
  JSON.stringify(
    await api.deps.db.caseFile.findMany({
      orderBy: [{ caseNo: 'asc' }, { materialCode: 'asc' }],
      select: { caseNo: true, materialCode: true, sha256: true, uploadedAt: true },
    }),
  );

async function expectProblem(res: Response, status: number, detail: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect((await json(res)).detail).toMatch(detail);
}

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000, UPLOAD_MAX_BYTES: 64 * 1024 });
  const db = api.deps.db;
  await seedDemoUsers(db);
  await db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  });
  for (const [no, status] of [
    [caseNo, 'in_review'],
    [closedCaseNo, 'issued'],
  ] as const) {
    // Accepted by the demo clerk (window SFS-ZWFW), worked on by market regulation (SFS-SCJG).
    await db.case.create({
      data: { caseNo: no, applicantId: 'A1', kind: 'item', status, acceptedBy: 'demo-clerk' },
    });
    for (const code of ['SFS-M-001', 'SFS-M-002'])
      await db.caseMaterial.create({
        data: { id: `${no}:${code}`, caseNo: no, materialCode: code, provenance: 'submitted' },
      });
    await db.task.create({
      data: {
        id: `${no}:item_FOOD:1`,
        caseNo: no,
        stepId: 'item_FOOD',
        seq: 1,
        departmentCode: 'SFS-SCJG',
        role: 'dept_approver',
        state: 'open',
        openedAt: new Date(),
      },
    });
  }
  clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

describe('PUT and GET /api/cases/:caseNo/materials/:materialCode/file', () => {
  it('stores the clerk’s upload and gives the same bytes back to the clerk and the handling approver, audited', async () => {
    const bytes = pdf('营业执照 scan');
    const res = await upload(clerk, path('SFS-M-001'), bytes, 'application/pdf');
    expect(res.status).toBe(201);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    expect(await json(res)).toMatchObject({
      caseNo,
      materialCode: 'SFS-M-001',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256,
      uploadedBy: 'demo-clerk',
      replaced: false,
    });
    expect(res.headers.get('location')).toBe(path('SFS-M-001'));

    const approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
    for (const reader of [clerk, approver]) {
      const got = await reader.request('GET', path('SFS-M-001'));
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-disposition')).toBe(`attachment; filename=${caseNo}-SFS-M-001.pdf`);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const entries = await api.deps.db.auditEntry.findMany({
      where: { target: { in: [`case:${caseNo}`, path('SFS-M-001')] } },
      orderBy: { seq: 'asc' },
    });
    expect(entries.map((e) => [e.action, e.actorUserId])).toEqual([
      ['case.file.uploaded', 'demo-clerk'],
      ['PUT /api/cases/:caseNo/materials/:materialCode/file', 'demo-clerk'],
      ['case.file.downloaded', 'demo-clerk'],
      ['case.file.downloaded', 'demo-approver.scjg'],
    ]);
    expect(JSON.parse(entries[0].payload!)).toMatchObject({
      materialCode: 'SFS-M-001',
      sha256,
      size: bytes.length,
    });
  });

  it('replaces the earlier file with a new upload and records what it replaced', async () => {
    const first = await upload(clerk, path('SFS-M-002'), pdf('first'), 'application/pdf');
    expect(first.status).toBe(201);
    const firstSha = (await json(first)).sha256;
    const second = await upload(clerk, path('SFS-M-002'), png, 'image/png');
    expect(second.status).toBe(200);
    expect(await json(second)).toMatchObject({ contentType: 'image/png', size: png.length, replaced: true });
    expect(await api.deps.db.caseFile.count({ where: { caseNo, materialCode: 'SFS-M-002' } })).toBe(1);
    const got = await clerk.request('GET', path('SFS-M-002'));
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename=.*\.png$/);
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    const replaced = await api.deps.db.auditEntry.findFirstOrThrow({
      where: { action: 'case.file.replaced' },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(replaced.payload!)).toMatchObject({
      materialCode: 'SFS-M-002',
      contentType: 'image/png',
      replaced: { sha256: firstSha, contentType: 'application/pdf' },
    });
  });

  it.each([
    [
      'a PNG declared as PDF',
      png,
      'application/pdf',
      415,
      /not application\/pdf although it was declared so/,
    ],
    [
      'an HTML page declared as PDF',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'application/pdf',
      415,
      /not application\/pdf/,
    ],
    [
      'an executable declared as JPEG',
      Buffer.from('MZ\x90\x00 not a jpeg'),
      'image/jpeg',
      415,
      /not image\/jpeg/,
    ],
    [
      'a PDF declared as text',
      pdf('x'),
      'text/plain',
      415,
      /"text\/plain" are not accepted; accepted types: application\/pdf, image\/jpeg, image\/png, application\/ofd/,
    ],
    ['JSON', Buffer.from('{"a":1}'), 'application/json', 415, /"application\/json" are not accepted/],
    ['no Content-Type', pdf('x'), undefined, 415, /"unknown" are not accepted/],
    ['an empty body', Buffer.alloc(0), 'application/pdf', 400, /empty/],
    [
      'a file over UPLOAD_MAX_BYTES',
      Buffer.concat([pdf('big'), Buffer.alloc(64 * 1024)]),
      'application/pdf',
      413,
      /larger than the 65536 byte limit/,
    ],
  ])('refuses %s with a problem and stores nothing', async (_what, bytes, type, status, detail) => {
    const before = await fingerprint();
    const audits = await api.deps.db.auditEntry.count();
    await expectProblem(await upload(clerk, path('SFS-M-001'), bytes, type), status, detail);
    expect(await fingerprint()).toBe(before);
    expect(await api.deps.db.auditEntry.count()).toBe(audits);
  });

  it('refuses a material the case does not have, a closed case and an unknown case', async () => {
    const before = await fingerprint();
    await expectProblem(
      await upload(clerk, path('SFS-M-999'), pdf('x'), 'application/pdf'),
      404,
      /has no material SFS-M-999; its materials are: SFS-M-001, SFS-M-002/,
    );
    await expectProblem(
      await upload(clerk, path('SFS-M-001', closedCaseNo), pdf('x'), 'application/pdf'),
      409,
      /is issued: its files no longer change/,
    );
    await expectProblem(
      await upload(clerk, path('SFS-M-001', 'YC20261201009999'), pdf('x'), 'application/pdf'),
      404,
      /No case YC20261201009999/,
    );
    await expectProblem(
      await clerk.request('GET', path('SFS-M-999')),
      404,
      /No file has been uploaded for material SFS-M-999/,
    );
    expect(await fingerprint()).toBe(before);
  });

  it('lets only the window clerk of the case upload', async () => {
    const before = await fingerprint();
    const approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
    await expectProblem(
      await upload(approver, path('SFS-M-001'), pdf('x'), 'application/pdf'),
      403,
      /do not allow case\.file\.upload/,
    );
    const anonymous = await fetch(`${api.baseUrl}${path('SFS-M-001')}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(pdf('x')),
    });
    expect(anonymous.status).toBe(401);
    const noCsrf = await fetch(`${api.baseUrl}${path('SFS-M-001')}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf', cookie: `ow_session=${clerk.cookies.get('ow_session')}` },
      body: new Uint8Array(pdf('x')),
    });
    expect(noCsrf.status).toBe(403);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses downloads to an approver of another department and to a supervisor (no materials in their view), audited', async () => {
    for (const [username, reason] of [
      ['approver.wsjk', /case\.file\.read is limited to your own department \(SFS-WJW\)/],
      ['supervisor', /do not allow case\.file\.read/],
      ['designer', /do not allow case\.file\.read/],
    ] as const) {
      const session = await signedIn(api.baseUrl, username, demoPassword);
      const res = await session.request('GET', path('SFS-M-001'));
      await expectProblem(res, 403, reason);
      const denied = await api.deps.db.auditEntry.findFirstOrThrow({
        where: { action: 'access.denied', actorUserId: `demo-${username}` },
        orderBy: { seq: 'desc' },
      });
      expect(denied.target).toBe(path('SFS-M-001'));
    }
    expect((await fetch(`${api.baseUrl}${path('SFS-M-001')}`)).status).toBe(401);
    expect(
      await api.deps.db.auditEntry.count({
        where: {
          action: 'case.file.downloaded',
          actorUserId: { in: ['demo-approver.wsjk', 'demo-supervisor', 'demo-designer'] },
        },
      }),
    ).toBe(0);
  });
});
