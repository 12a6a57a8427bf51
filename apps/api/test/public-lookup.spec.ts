import { demoPassword, seedDemoUsers } from '../src';
import { json, signedIn, startTestApi, type TestApi } from './support/test-api';

/** 办件查询 over HTTP against a real SQLite file: case number + last 4 characters of the identity number. */
let api: TestApi;
const person = { caseNo: 'YC20261201000101', idNumber: '11010519491231002X' };
const company = { caseNo: 'YC20261201000102', idNumber: '91350100M000100Y43' };
const updatedAt = new Date('2026-12-01T03:04:05.000Z');

const lookup = (caseNo: string, body: unknown, baseUrl = api.baseUrl) =>
  fetch(`${baseUrl}/api/public/cases/${caseNo}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A problem body without what names this request (request id, path). */
const sameness = (problem: Record<string, unknown>) => ({
  ...problem,
  requestId: undefined,
  instance: undefined,
});

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  const db = api.deps.db;
  await seedDemoUsers(db);
  await db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: person.idNumber, name: '张三', phone: '13812345678' },
  });
  await db.applicant.create({
    data: { id: 'A2', kind: 'organisation', idNumber: company.idNumber, name: '示范市某某餐饮有限公司' },
  });
  await db.case.create({
    data: {
      caseNo: person.caseNo,
      applicantId: 'A1',
      kind: 'item',
      status: 'in_review',
      acceptedBy: 'demo-clerk',
      updatedAt,
    },
  });
  await db.case.create({
    data: {
      caseNo: company.caseNo,
      applicantId: 'A2',
      kind: 'item',
      status: 'decided',
      acceptedBy: 'demo-clerk',
    },
  });
  await db.caseMaterial.create({
    data: { id: `${person.caseNo}:M1`, caseNo: person.caseNo, materialCode: 'M1', provenance: 'submitted' },
  });
  await db.decision.create({
    data: {
      id: 'D1',
      caseNo: person.caseNo,
      eventSeq: 1,
      stepId: 's1',
      verb: 'approve',
      actorUserId: 'demo-approver.scjg',
      reason: '材料齐全',
      decidedAt: updatedAt,
    },
  });
}, 60_000);
afterAll(() => api?.stop());

describe('POST /api/public/cases/:caseNo/status', () => {
  it('answers the status, its label and when it last changed, without a session', async () => {
    const res = await lookup(person.caseNo, { code: '002X' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await json(res)).toEqual({
      caseNo: person.caseNo,
      status: 'in_review',
      label: { zh: '审批中', en: 'Under review' },
      updatedAt: updatedAt.toISOString(),
    });
  });

  it('a case stopped for 补正 reads 待补正材料 with what the applicant must do, not 特别程序中', async () => {
    const db = api.deps.db;
    const caseNo = 'YC20261201000103';
    await db.case.create({
      data: {
        caseNo,
        applicantId: 'A1',
        kind: 'item',
        status: 'awaiting_supplement',
        acceptedBy: 'demo-clerk',
      },
    });
    const body = await json(await lookup(caseNo, { code: '002X' }));
    expect(body).toMatchObject({
      status: 'awaiting_supplement',
      label: { zh: '待补正材料' },
      nextStep: { zh: expect.stringContaining('请按补正通知将所列材料送到综合窗口') },
    });
    expect(JSON.stringify(body)).not.toContain('特别程序');
    // A running case has nothing for the applicant to do.
    expect(await json(await lookup(person.caseNo, { code: '002X' }))).not.toHaveProperty('nextStep');
    await db.case.delete({ where: { caseNo } });
  });

  it("compares the code case-insensitively ('x' = 'X'), for credit codes too", async () => {
    expect((await lookup(person.caseNo, { code: '002x' })).status).toBe(200);
    const res = await lookup(company.caseNo, { code: '0y43' });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      status: 'decided',
      label: { zh: '已审结，待出件', en: 'Decided, ready for collection' },
    });
  });

  it('gives a wrong code, an unknown case and a malformed case number the same 404', async () => {
    const answers = await Promise.all([
      lookup(person.caseNo, { code: '0021' }),
      lookup('YC20261201009999', { code: '002X' }),
      lookup('not-a-case', { code: '002X' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404]);
    const [wrongCode, unknownCase, malformed] = await Promise.all(answers.map((r) => json(r)));
    expect(wrongCode).toMatchObject({
      type: 'urn:onewindow:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: expect.stringMatching(/No case matches this case number and code/),
    });
    expect(sameness(unknownCase)).toEqual(sameness(wrongCode));
    expect(sameness(malformed)).toEqual(sameness(wrongCode));
  });

  it('never answers with personal data, materials or decisions — signed in as the handling clerk either', async () => {
    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    const res = await clerk.request('POST', `/api/public/cases/${person.caseNo}/status`, {
      body: { code: '002X' },
      csrf: true,
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['caseNo', 'label', 'status', 'updatedAt']);
    for (const secret of ['1101', '002X', '张三', '13812345678', 'A1', 'M1', '材料齐全', 'approve', 'demo-'])
      expect(text).not.toContain(secret);
  });

  it('refuses a malformed code or unknown fields with a 400 that names the field', async () => {
    for (const body of [
      {},
      { code: '12' },
      { code: '12345' },
      { code: '00-X' },
      { code: '002X', idNumber: person.idNumber },
    ]) {
      const res = await lookup(person.caseNo, body);
      expect(res.status).toBe(400);
      expect((await json(res)).detail).toMatch(/code|Unrecognized key/);
    }
  });

  it('is rate limited like every public route (PUBLIC_RATE_LIMIT per minute)', async () => {
    const limited = await startTestApi({ PUBLIC_RATE_LIMIT: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await lookup(person.caseNo, { code: '002X' }, limited.baseUrl)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const res = await lookup(person.caseNo, { code: '002X' }, limited.baseUrl);
      expect(res.status).toBe(429);
      expect(await json(res)).toMatchObject({
        type: 'urn:onewindow:problem:too-many-requests',
        detail: expect.stringMatching(/wait a minute/),
      });
    } finally {
      await limited.stop();
    }
  });

  it('counts failed look-ups per address (LOOKUP_FAILURE_LIMIT), answers do not count, signed in or not', async () => {
    const limited = await startTestApi({ LOOKUP_FAILURE_LIMIT: 2, LOGIN_RATE_LIMIT: 1000 });
    try {
      const db = limited.deps.db;
      await db.applicant.create({
        data: { id: 'A1', kind: 'person', idNumber: person.idNumber, name: '张三' },
      });
      await db.case.create({
        data: { caseNo: person.caseNo, applicantId: 'A1', kind: 'item', status: 'accepted' },
      });
      const statuses: number[] = [];
      for (const code of ['002X', '1111', '002X', '2222', '002X'])
        statuses.push((await lookup(person.caseNo, { code }, limited.baseUrl)).status);
      // Two failures are allowed; after them even the right code waits.
      expect(statuses).toEqual([200, 404, 200, 404, 429]);
      const res = await lookup(person.caseNo, { code: '002X' }, limited.baseUrl);
      expect(await json(res)).toMatchObject({
        status: 429,
        detail: expect.stringMatching(/Too many failed look-ups/),
      });
    } finally {
      await limited.stop();
    }
  });
});
