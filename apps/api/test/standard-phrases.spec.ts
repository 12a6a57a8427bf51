import { PHRASE_MAX_LENGTH, phraseListsSchema } from '@onewindow/contracts';
import { demoPassword, seedDemoUsers } from '../src';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * 常用语 over real HTTP and a real SQLite file: each approver keeps their own list, the department's list is
 * kept by its lead (or an administrator), and every approver of the department reads both.
 */
let api: TestApi;
let approver: HttpSession;
let lead: HttpSession;
let fire: HttpSession;
let admin: HttpSession;
let clerk: HttpSession;

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  await seedDemoUsers(api.deps.db);
  approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
  fire = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
  admin = await signedIn(api.baseUrl, 'admin', demoPassword);
  clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

const send = (session: HttpSession, method: string, path: string, body?: unknown) =>
  session.request(method, path, { body, csrf: true });
const lists = async (session: HttpSession) => {
  const res = await session.request('GET', '/api/phrases');
  expect(res.status).toBe(200);
  return phraseListsSchema.parse(await json(res));
};
const texts = (items: { text: string }[]) => items.map((p) => p.text);

describe('my phrases', () => {
  it('are added (trimmed, at the end), edited, reordered and deleted by their owner only', async () => {
    const first = await send(approver, 'POST', '/api/phrases/mine', { text: '  同意。  ' });
    expect(first.status).toBe(201);
    const agree = await json(first);
    expect(agree).toMatchObject({ scope: 'user', text: '同意。', sortOrder: 0 });
    const second = await json(
      await send(approver, 'POST', '/api/phrases/mine', { text: '材料齐全，符合法定形式。' }),
    );
    expect(second.sortOrder).toBe(1);

    const edited = await send(approver, 'PUT', `/api/phrases/mine/${agree.id}`, {
      text: '同意，请按规定办理。',
    });
    expect(edited.status).toBe(200);
    expect(texts((await lists(approver)).mine)).toEqual(['同意，请按规定办理。', '材料齐全，符合法定形式。']);

    const reordered = await send(approver, 'PUT', '/api/phrases/mine/order', { ids: [second.id, agree.id] });
    expect(reordered.status).toBe(200);
    expect(texts((await json(reordered)).items)).toEqual([
      '材料齐全，符合法定形式。',
      '同意，请按规定办理。',
    ]);
    expect(texts((await lists(approver)).mine)).toEqual(['材料齐全，符合法定形式。', '同意，请按规定办理。']);

    // Someone else's phrase is not theirs to see, change or delete: not found, and nothing changes.
    expect((await lists(lead)).mine).toEqual([]);
    expect((await send(lead, 'PUT', `/api/phrases/mine/${agree.id}`, { text: 'x' })).status).toBe(404);
    expect((await send(lead, 'DELETE', `/api/phrases/mine/${agree.id}`)).status).toBe(404);

    expect((await send(approver, 'DELETE', `/api/phrases/mine/${agree.id}`)).status).toBe(204);
    expect(texts((await lists(approver)).mine)).toEqual(['材料齐全，符合法定形式。']);
  });

  it('refuse an empty, too long or duplicate text with a message saying what to do', async () => {
    const empty = await send(approver, 'POST', '/api/phrases/mine', { text: '   ' });
    expect(empty.status).toBe(400);
    expect((await json(empty)).detail).toContain('text is empty: write the phrase');
    const long = await send(approver, 'POST', '/api/phrases/mine', {
      text: '长'.repeat(PHRASE_MAX_LENGTH + 1),
    });
    expect(long.status).toBe(400);
    expect((await json(long)).detail).toContain(`longer than ${PHRASE_MAX_LENGTH} characters`);
    expect(
      (await send(approver, 'POST', '/api/phrases/mine', { text: '长'.repeat(PHRASE_MAX_LENGTH) })).status,
    ).toBe(201);

    const dup = await send(approver, 'POST', '/api/phrases/mine', { text: ' 材料齐全，符合法定形式。' });
    expect(dup.status).toBe(409);
    const problem = await json(dup);
    expect(problem.detail).toContain('is already in your phrases');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'text', code: 'phrase.duplicate' })]);

    // Editing one phrase into another's text is a duplicate too; editing it into itself is not.
    const [kept, other] = (await lists(approver)).mine;
    expect((await send(approver, 'PUT', `/api/phrases/mine/${other.id}`, { text: kept.text })).status).toBe(
      409,
    );
    expect((await send(approver, 'PUT', `/api/phrases/mine/${kept.id}`, { text: kept.text })).status).toBe(
      200,
    );
    // The same text in another user's list is fine.
    expect((await send(lead, 'POST', '/api/phrases/mine', { text: kept.text })).status).toBe(201);
    expect((await send(approver, 'POST', '/api/phrases/mine', { text: 'x', extra: 1 })).status).toBe(400);
  });

  it('refuse an order that does not name every phrase of the list once', async () => {
    const { mine } = await lists(approver);
    const partial = await send(approver, 'PUT', '/api/phrases/mine/order', { ids: [mine[0].id] });
    expect(partial.status).toBe(409);
    expect((await json(partial)).errors[0].code).toBe('phrase.orderMismatch');
    const twice = await send(approver, 'PUT', '/api/phrases/mine/order', { ids: [mine[0].id, mine[0].id] });
    expect(twice.status).toBe(400);
    expect(texts((await lists(approver)).mine)).toEqual(texts(mine));
  });

  it('need a session, the CSRF token, and a role that writes opinions', async () => {
    expect((await fetch(`${api.baseUrl}/api/phrases`)).status).toBe(401);
    expect((await approver.request('POST', '/api/phrases/mine', { body: { text: 'x' } })).status).toBe(403);
    expect((await clerk.request('GET', '/api/phrases')).status).toBe(403);
    expect((await send(admin, 'POST', '/api/phrases/mine', { text: 'x' })).status).toBe(403);
  });
});

describe('the department’s phrases', () => {
  it('are kept by the department’s lead and read by its approvers beside their own', async () => {
    const added = await send(lead, 'POST', '/api/phrases/departments/SFS-SCJG', {
      text: '经审查，符合食品经营许可条件。',
    });
    expect(added.status).toBe(201);
    const phrase = await json(added);
    expect(phrase.scope).toBe('department');
    await send(lead, 'POST', '/api/phrases/departments/SFS-SCJG', { text: '现场核查合格。' });

    const seen = await lists(approver);
    expect(seen.department).toMatchObject({ code: 'SFS-SCJG', canManage: false });
    expect(texts(seen.department.items)).toEqual(['经审查，符合食品经营许可条件。', '现场核查合格。']);
    expect((await lists(lead)).department.canManage).toBe(true);
    // Another department's approver sees their own department's list (empty), not this one.
    expect((await lists(fire)).department).toEqual({ code: 'SFS-XFJY', items: [], canManage: false });

    const dup = await send(lead, 'POST', '/api/phrases/departments/SFS-SCJG', { text: '现场核查合格。' });
    expect(dup.status).toBe(409);
    expect((await json(dup)).detail).toContain("is already in the SFS-SCJG department's phrases");

    const { items } = await json(await lead.request('GET', '/api/phrases/departments/SFS-SCJG'));
    const order = await send(lead, 'PUT', '/api/phrases/departments/SFS-SCJG/order', {
      ids: [items[1].id, items[0].id],
    });
    expect(texts((await json(order)).items)).toEqual(['现场核查合格。', '经审查，符合食品经营许可条件。']);
    expect(
      (await send(lead, 'PUT', `/api/phrases/departments/SFS-SCJG/${phrase.id}`, { text: '符合许可条件。' }))
        .status,
    ).toBe(200);
    expect(texts((await lists(approver)).department.items)).toEqual(['现场核查合格。', '符合许可条件。']);
  });

  it('may not be changed by an approver, nor by another department’s lead; an administrator may', async () => {
    const { items } = (await lists(approver)).department;
    const byApprover = await send(approver, 'POST', '/api/phrases/departments/SFS-SCJG', { text: '我的' });
    expect(byApprover.status).toBe(403);
    expect((await json(byApprover)).detail).toContain('phrase.manage');
    expect((await send(approver, 'DELETE', `/api/phrases/departments/SFS-SCJG/${items[0].id}`)).status).toBe(
      403,
    );
    expect((await send(lead, 'POST', '/api/phrases/departments/SFS-XFJY', { text: '我的' })).status).toBe(
      403,
    );
    // A department phrase is not reachable as one's own, nor under another department.
    expect((await send(lead, 'DELETE', `/api/phrases/mine/${items[0].id}`)).status).toBe(404);

    const byAdmin = await send(admin, 'POST', '/api/phrases/departments/SFS-XFJY', {
      text: '消防设施完好。',
    });
    expect(byAdmin.status).toBe(201);
    expect(texts((await lists(fire)).department.items)).toEqual(['消防设施完好。']);
    expect((await send(admin, 'DELETE', `/api/phrases/departments/SFS-SCJG/${items[0].id}`)).status).toBe(
      204,
    );
    expect(texts((await lists(approver)).department.items)).toEqual(['符合许可条件。']);
  });
});
