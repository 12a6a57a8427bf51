import { zhCN } from '../../i18n/resources/zh-cn';
import { en } from '../../i18n/resources/en';
import { approverStepSchema } from './approver-step';
import { approverVerbs, verbsFor } from './approver-verbs';
import { verbRequest } from './verb-requests';

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
