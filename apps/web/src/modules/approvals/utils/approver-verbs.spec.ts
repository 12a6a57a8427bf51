import { zhCN } from '../../i18n/resources/zh-cn';
import { en } from '../../i18n/resources/en';
import { approverStepSchema, countersignProgress, signingLine } from './approver-step';
import { approverVerbs, claimVerbsFor, verbsFor } from './approver-verbs';
import { verbRequest, withRevision } from './verb-requests';

const step = (overrides: Record<string, unknown> = {}) =>
  approverStepSchema.parse({
    stepId: 'item_FOOD',
    name: '食品经营许可',
    departmentCode: 'SFS-SCJG',
    status: 'open',
    actions: ['approve', 'refuse', 'return_for_supplement', 'special_procedure', 'request_extension', 'cc'],
    assignees: [{ userId: 'li', status: 'pending' }],
    clock: {
      state: 'running',
      dueDate: '2026-12-21',
      provisional: false,
      remainingWorkingDays: 10,
      elapsedWorkingDays: 0,
      warningLevel: 'normal',
    },
    ...overrides,
  });

describe('the verbs an approver is offered on a step', () => {
  it('offers the plan’s verbs to a pending assignee, and nothing to anyone else', () => {
    expect(verbsFor(step(), 'li', 'in_review')).toEqual([
      'approve',
      'refuse',
      'return_for_supplement',
      'start_special_procedure',
      'request_extension',
      'copy_to',
    ]);
    expect(verbsFor(step(), 'wang', 'in_review')).toEqual([]);
    expect(verbsFor(step(), 'li', 'awaiting_issuance')).toEqual([]);
    expect(verbsFor(step({ status: 'approved' }), 'li', 'in_review')).toEqual([]);
  });

  it('while suspended: only ending a special procedure; nothing during 补正 or a hold', () => {
    const since = '2026-12-01T02:00:00Z';
    expect(
      verbsFor(step({ suspension: { kind: 'special_procedure', since, reason: '听证' } }), 'li', 'in_review'),
    ).toEqual(['end_special_procedure']);
    expect(
      verbsFor(step({ suspension: { kind: 'supplement', since, reason: '补正' } }), 'li', 'in_review'),
    ).toEqual([]);
    expect(
      verbsFor(step({ hold: { kind: 'at_window', since, reason: '退回窗口' } }), 'li', 'in_review'),
    ).toEqual([]);
  });

  it('a delegate only answers; a colleague’s extension request can be approved by another', () => {
    const delegated = step({
      assignees: [{ userId: 'li', status: 'pending', delegation: { to: 'zhao', since: 'x', reason: 'r' } }],
    });
    expect(verbsFor(delegated, 'zhao', 'in_review')).toEqual(['resolve_delegation']);
    expect(verbsFor(delegated, 'li', 'in_review')).toEqual([]);
    const extension = step({
      assignees: [
        { userId: 'li', status: 'pending' },
        { userId: 'wang', status: 'pending' },
      ],
      pendingExtension: { days: 5, reason: '现场核查', requestedBy: 'li' },
    });
    expect(verbsFor(extension, 'wang', 'in_review')).toContain('approve_extension');
    expect(verbsFor(extension, 'li', 'in_review')).not.toContain('approve_extension');
    expect(verbsFor(extension, 'li', 'in_review')).not.toContain('request_extension');
  });

  it('every approver verb has a name in Chinese and English, and a request its contract accepts', () => {
    for (const verb of approverVerbs) {
      expect(zhCN.approvals.verbs[verb]).toBeTruthy();
      expect(en.approvals.verbs[verb]).toBeTruthy();
    }
    expect(Object.keys(zhCN.approvals.verbs).sort()).toEqual([...approverVerbs].sort());
    expect(verbRequest('refuse', 'item_FOOD', { reasons: ' 选址不符合规划 \n\n 无消防验收 ' })).toEqual({
      verb: 'refuse',
      stepId: 'item_FOOD',
      reasons: ['选址不符合规划', '无消防验收'],
    });
    expect(verbRequest('send_back', 's', { toKind: 'step', toStepId: 'a', reason: 'r' })).toMatchObject({
      to: { kind: 'step', stepId: 'a' },
    });
  });
});

describe('签收, 退回签收 and 指派 on group tasks', () => {
  const group = {
    userId: 'group:SFS-SCJG/dept_approver',
    status: 'pending',
    group: { departmentCode: 'SFS-SCJG', role: 'dept_approver' },
  };
  const claimed = {
    userId: 'li',
    status: 'pending',
    claim: { by: 'li', at: '2026-12-07T02:02:00.000Z', pool: { userId: group.userId } },
  };

  it('a role group task offers 签收 (the workflow decides who belongs), and no decision before it', () => {
    const open = step({ assignees: [group] });
    expect(claimVerbsFor(open, 'li', 'in_review', false)).toEqual(['claim']);
    expect(verbsFor(open, 'li', 'in_review')).toEqual([]);
    expect(claimVerbsFor(open, 'lead', 'in_review', true)).toEqual(['claim', 'assign']);
    expect(claimVerbsFor(open, 'li', 'awaiting_issuance', false)).toEqual([]);
  });

  it('the holder may give it back; a lead may reassign it; a colleague is offered nothing', () => {
    const held = step({ assignees: [claimed] });
    expect(claimVerbsFor(held, 'li', 'in_review', false)).toEqual(['unclaim']);
    expect(verbsFor(held, 'li', 'in_review')).toContain('approve');
    expect(claimVerbsFor(held, 'wang', 'in_review', false)).toEqual([]);
    expect(claimVerbsFor(held, 'lead', 'in_review', true)).toEqual(['assign']);
    // Named seats (countersign) are never claimed.
    expect(claimVerbsFor(step(), 'li', 'in_review', true)).toEqual([]);
  });

  it('a form sends the step revision the page showed, and the claim verbs build their requests', () => {
    const s = step({ revision: 7 });
    expect(
      withRevision('approve', verbRequest('approve', s.stepId, { comment: ' 同意 ' }), s.revision),
    ).toEqual({
      verb: 'approve',
      stepId: 'item_FOOD',
      comment: '同意',
      expectedRevision: 7,
    });
    expect(verbRequest('assign', 'item_FOOD', { to: 'wang', reason: ' ' })).toEqual({
      verb: 'assign',
      stepId: 'item_FOOD',
      to: 'wang',
      reason: undefined,
    });
    expect(verbRequest('unclaim', 'item_FOOD', { reason: '出差' })).toEqual({
      verb: 'unclaim',
      stepId: 'item_FOOD',
      reason: '出差',
    });
  });
});

describe('撤回 and 依次审批 in the case file', () => {
  it('offers 撤回 to whoever the view says may still recall, also on a step their vote closed; its request sends no revision', () => {
    const closed = step({
      status: 'approved',
      assignees: [{ userId: 'li', status: 'approved' }],
      recallable: ['li'],
      revision: 3,
    });
    expect(verbsFor(closed, 'li', 'in_review')).toEqual(['recall']);
    expect(verbsFor(closed, 'wang', 'in_review')).toEqual([]);
    expect(verbsFor(closed, 'li', 'awaiting_issuance')).toEqual([]);
    expect(verbsFor(step(), 'li', 'in_review')).not.toContain('recall');
    // the step guard would refuse a closed step's revision: recall goes without it
    expect(withRevision('recall', verbRequest('recall', 'item_FOOD', { reason: ' ' }), 3)).toEqual({
      verb: 'recall',
      stepId: 'item_FOOD',
      reason: undefined,
    });
  });

  it('依次审批: only the signer whose turn it is gets the verbs; the line lists everyone in order with their opinions', () => {
    const line = step({
      countersign: { mode: 'sequential' },
      actions: ['approve', 'refuse'],
      assignees: [
        { userId: 'li', status: 'approved', comment: '同意', seat: 0, order: 0 },
        { userId: 'zhao', status: 'pending', seat: 1, order: 0 },
        { userId: 'wang', status: 'pending', seat: 0, order: 1 },
      ],
      turn: ['wang'],
    });
    expect(verbsFor(line, 'wang', 'in_review')).toEqual(['approve', 'refuse']);
    expect(verbsFor(line, 'zhao', 'in_review')).toEqual([]);
    expect(signingLine(line)).toEqual([
      { userId: 'li', status: 'approved', opinion: '同意', turn: false },
      { userId: 'wang', status: 'pending', turn: true },
      { userId: 'zhao', status: 'pending', turn: false },
    ]);
    expect(countersignProgress(line)).toEqual({ approved: 1, seats: 3, needed: 3 });
  });
});
