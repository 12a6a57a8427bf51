import { accessForVerb, caseActionRequestSchema, caseVerbs, windowCaseVerbs } from './case-verbs.contract';
import { approveTasksRequestSchema, listTasksQuerySchema, reassignTasksRequestSchema } from './task.contract';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') ?? '';

describe('approval verbs in POST /api/cases/:caseNo/actions', () => {
  it.each([
    { verb: 'send_back', stepId: 's', to: { kind: 'previous' }, reason: '材料不一致' },
    { verb: 'send_back', stepId: 's', to: { kind: 'step', stepId: 'first' }, reason: '重新核查' },
    { verb: 'send_back', stepId: 's', to: { kind: 'window' }, reason: '申请表缺签字' },
    { verb: 'resubmit_from_window', stepId: 's' },
    { verb: 'resubmit_from_window', stepId: 's', note: '已补签' },
    { verb: 'transfer', stepId: 's', to: ['u2'], reason: '休假' },
    {
      verb: 'transfer',
      stepId: 's',
      from: 'u1',
      to: ['u2', 'u3'],
      groupName: '审查一组',
      reason: '调整分工',
    },
    { verb: 'delegate', stepId: 's', to: 'u2', reason: '请核实现场' },
    { verb: 'resolve_delegation', stepId: 's', opinion: 'agree', comment: '现场符合' },
    { verb: 'add_signers', stepId: 's', signers: ['u2'], position: 'parallel', reason: '涉及卫生' },
    { verb: 'remove_signers', stepId: 's', signers: ['u2'], reason: '无需会签' },
    { verb: 'copy_to', stepId: 's', to: ['u9'], note: '知悉' },
    { verb: 'recall', stepId: 's' },
    { verb: 'recall', stepId: 's', reason: '意见写错，重新签批' },
  ])('accepts %j', (body) => {
    const result = caseActionRequestSchema.safeParse(body);
    expect(messages(result)).toBe('');
    expect(result.success).toBe(true);
  });

  it.each([
    [
      { verb: 'send_back', stepId: 's', to: { kind: 'upstairs' }, reason: 'x' },
      /to.kind: kind must be "previous", "step" \(with a stepId\) or "window"/,
    ],
    [{ verb: 'send_back', stepId: 's', to: { kind: 'window' }, reason: ' ' }, /reason: reason is required/],
    [
      { verb: 'send_back', stepId: 's', to: { kind: 'window', stepId: 'x' }, reason: 'r' },
      /Unrecognized key/,
    ],
    [{ verb: 'transfer', stepId: 's', to: [], reason: 'r' }, /to: name at least one person to transfer to/],
    [{ verb: 'transfer', stepId: 's', to: ['u2', 'u2'], reason: 'r' }, /to: a person is named twice/],
    [
      { verb: 'transfer', stepId: 's', to: ['u2'], groupName: '一组', reason: 'r' },
      /groupName: groupName names a group: give two or more people/,
    ],
    [
      { verb: 'transfer', stepId: 's', to: ['u2'], reason: 'r', authority: 'lead' },
      /Unrecognized key: "authority"/,
    ],
    [
      { verb: 'transfer', stepId: 's', to: ['u2'], reason: 'r', actor: 'someone' },
      /Unrecognized key: "actor"/,
    ],
    [{ verb: 'delegate', stepId: 's', to: '', reason: 'r' }, /to: a user id is required/],
    [
      { verb: 'resolve_delegation', stepId: 's', opinion: 'maybe', comment: 'c' },
      /opinion: opinion must be "agree" or "disagree"/,
    ],
    [{ verb: 'resolve_delegation', stepId: 's', opinion: 'agree' }, /comment/],
    [
      { verb: 'add_signers', stepId: 's', signers: ['u2'], position: 'middle', reason: 'r' },
      /position: position must be "before", "after" or "parallel"/,
    ],
    [{ verb: 'remove_signers', stepId: 's', signers: [], reason: 'r' }, /signers: name at least one signer/],
    [{ verb: 'copy_to', stepId: 's', to: [] }, /to: name at least one person to copy to/],
    [
      { verb: 'recall', stepId: 's', reason: 'x'.repeat(2001) },
      /reason: a reason has at most 2000 characters/,
    ],
    [{ verb: 'recall', stepId: 's', actor: 'u2' }, /Unrecognized key: "actor"/],
    [{ verb: 'teleport', stepId: 's' }, /verb must be one of: approve, refuse,.*copy_to/],
  ])('refuses %j, saying what is wrong', (body, message) => {
    const result = caseActionRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(messages(result)).toMatch(message);
  });

  it('lists every verb once, the window verbs among them', () => {
    expect(caseVerbs).toHaveLength(21);
    expect(new Set(caseVerbs).size).toBe(caseVerbs.length);
    for (const verb of windowCaseVerbs) expect(caseVerbs).toContain(verb);
  });
});

describe('签收, 退回签收, 指派 and the step revision', () => {
  it.each([
    { verb: 'claim', stepId: 's' },
    { verb: 'claim', stepId: 's', expectedRevision: 0 },
    { verb: 'unclaim', stepId: 's', reason: '出差' },
    { verb: 'assign', stepId: 's', to: 'u2', expectedRevision: 4 },
    { verb: 'approve', stepId: 's', comment: '同意', expectedRevision: 12 },
    { verb: 'refuse', stepId: 's', reasons: ['不符合条件'], expectedRevision: 3 },
  ])('accepts %j', (body) => {
    expect(messages(caseActionRequestSchema.safeParse(body))).toBe('');
  });

  it.each([
    [
      { verb: 'claim', stepId: 's', expectedRevision: -1 },
      /expectedRevision: expectedRevision is the step revision your page showed \(a whole number, 0 or more\)/,
    ],
    [
      { verb: 'claim', stepId: 's', expectedRevision: '3' },
      /expectedRevision: expectedRevision is the step revision your page showed/,
    ],
    [{ verb: 'claim', stepId: 's', actor: 'u9' }, /Unrecognized key: "actor"/],
    [
      { verb: 'claim', stepId: 's', member: { departmentCode: 'D1', roles: ['dept_approver'] } },
      /Unrecognized key: "member"/,
    ],
    [{ verb: 'assign', stepId: 's' }, /to: /],
    [{ verb: 'assign', stepId: 's', to: 'u2', authority: 'lead' }, /Unrecognized key: "authority"/],
  ])('refuses %j', (body, message) => {
    expect(messages(caseActionRequestSchema.safeParse(body))).toMatch(message);
  });

  it('a lead assigns (task.reassign); claiming and giving back are department decisions', () => {
    expect(accessForVerb('assign')).toBe('task.reassign');
    // Art. 42: 本行政机关负责人批准 — a lead or the centre supervisor, not any approver (case.decide).
    expect(accessForVerb('approve_extension')).toBe('case.extension.approve');
    expect(accessForVerb('claim')).toBe('case.decide');
    expect(accessForVerb('unclaim')).toBe('case.decide');
    expect(windowCaseVerbs).not.toContain('assign');
  });
});

describe('bulk task requests', () => {
  it('accepts a reassignment and refuses one to the same person', () => {
    expect(reassignTasksRequestSchema.parse({ from: 'u1', to: 'u2', reason: '离岗' })).toEqual({
      from: 'u1',
      to: 'u2',
      reason: '离岗',
    });
    expect(messages(reassignTasksRequestSchema.safeParse({ from: 'u1', to: 'u1', reason: 'r' }))).toMatch(
      /to: "to" must be someone other than "from"/,
    );
    expect(messages(reassignTasksRequestSchema.safeParse({ from: 'u1', to: 'u2' }))).toMatch(/reason/);
  });

  it('accepts 1..50 distinct tasks with well-formed case numbers', () => {
    const task = (n: number) => ({ caseNo: `YC20261201${String(n).padStart(6, '0')}`, stepId: 'item_A' });
    expect(
      approveTasksRequestSchema.parse({ tasks: [task(1), task(2)], comment: '同意' }).tasks,
    ).toHaveLength(2);
    expect(messages(approveTasksRequestSchema.safeParse({ tasks: [] }))).toMatch(
      /tasks: name at least one task/,
    );
    expect(
      messages(approveTasksRequestSchema.safeParse({ tasks: Array.from({ length: 51 }, (_, i) => task(i)) })),
    ).toMatch(/at most 50 tasks/);
    expect(messages(approveTasksRequestSchema.safeParse({ tasks: [task(1), task(1)] }))).toMatch(
      /named twice/,
    );
    expect(messages(approveTasksRequestSchema.safeParse({ tasks: [{ caseNo: 'C1', stepId: 'x' }] }))).toMatch(
      /tasks.0.caseNo: case numbers look like/,
    );
  });

  it('lists superseded tasks on request', () => {
    expect(listTasksQuerySchema.parse({ department: 'D', state: 'superseded' }).state).toBe('superseded');
    expect(listTasksQuerySchema.safeParse({ department: 'D', state: 'gone' }).success).toBe(false);
  });
});
