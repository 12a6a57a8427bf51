import { planBuilder } from '../src';
import { diffBpmn, planToBpmn } from '../src/bpmn';

const dept = (id: string, limitWorkingDays: number, departmentCode = id.toUpperCase()) => ({
  id,
  name: `${id} 审批`,
  departmentCode,
  limitWorkingDays,
  assignees: [`${id}-user`],
});

const version1 = () =>
  planToBpmn(
    planBuilder('flow')
      .accept()
      .exclusive(
        [
          { when: 'area > 300', then: (b) => b.department(dept('fire', 8)) },
          { then: (b) => b.department(dept('food', 5)) },
        ],
        { fork: 'branch', join: 'branch_done' },
      )
      .issue()
      .build(),
  );

describe('diffBpmn: the semantic difference between two versions', () => {
  it('finds nothing between a diagram and itself, or a copy laid out elsewhere', async () => {
    const xml = await version1();
    expect(await diffBpmn(xml, xml)).toEqual({ added: [], removed: [], changed: [] });
    const moved = xml.replace(/ x="(\d+)"/g, (_, x: string) => ` x="${Number(x) + 40}"`);
    expect(moved).not.toBe(xml);
    expect(await diffBpmn(xml, moved)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names what was added, removed and changed, field by field', async () => {
    const before = await version1();
    const after = await planToBpmn(
      planBuilder('flow')
        .accept()
        .exclusive(
          [
            { when: 'area > 500', then: (b) => b.department(dept('fire', 6, 'XF')) },
            { then: (b) => b.department(dept('food', 5)).department(dept('sign', 3)) },
          ],
          { fork: 'branch', join: 'branch_done' },
        )
        .issue()
        .build(),
    );
    const diff = await diffBpmn(before, after);
    expect(diff.added.map((e) => [e.id, e.type])).toEqual(
      expect.arrayContaining([
        ['sign', 'UserTask'],
        ['Flow_food__sign', 'SequenceFlow'],
        ['Flow_sign__branch_done', 'SequenceFlow'],
      ]),
    );
    expect(diff.added).toHaveLength(3);
    expect(diff.removed).toEqual([{ id: 'Flow_food__branch_done', type: 'SequenceFlow' }]);
    expect(diff.changed).toEqual(
      expect.arrayContaining([
        {
          id: 'fire',
          type: 'UserTask',
          name: 'fire 审批',
          changes: [
            { field: 'departmentCode', before: 'FIRE', after: 'XF' },
            { field: 'limitWorkingDays', before: '8', after: '6' },
          ],
        },
        {
          id: 'Flow_branch__fire',
          type: 'SequenceFlow',
          changes: [{ field: 'condition', before: 'area > 300', after: 'area > 500' }],
        },
      ]),
    );
    expect(diff.changed.map((c) => c.id).sort()).toEqual(['Flow_branch__fire', 'fire']);
  });

  it('refuses to compare what it cannot read', async () => {
    await expect(diffBpmn('not xml', await version1())).rejects.toThrow(/cannot compare/);
  });
});
