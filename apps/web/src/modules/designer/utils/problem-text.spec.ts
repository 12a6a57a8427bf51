import { PROBLEM_CODES } from '@onewindow/flow-model/src/bpmn/problems';
import { createI18n } from '../../i18n/i18n';
import { en } from '../../i18n/resources/en';
import { zhCN } from '../../i18n/resources/zh-cn';
import { problemText } from './problem-text';

const textOf = (resource: unknown, code: string): unknown =>
  code
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], resource);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('problemText', () => {
  it.each(PROBLEM_CODES)('%s has a Chinese and an English text with the same params', (code) => {
    const zh = textOf(zhCN.designer.problemCodes, code);
    const english = textOf(en.designer.problemCodes, code);
    expect(typeof zh).toBe('string');
    expect(typeof english).toBe('string');
    // Chinese says it in Chinese (not the English message), and names the fix after a colon.
    expect(zh as string).toMatch(/[\u4e00-\u9fff]/);
    expect(zh as string).toMatch(/：/);
    expect(placeholders(zh as string)).toEqual(placeholders(english as string));
  });

  it('says a problem in the interface language, filled with its params', async () => {
    const i18n = createI18n('zh-CN');
    const problem = {
      code: 'criticalPath.promised',
      params: { days: 13, limit: 3, path: '示范市城市管理局审批 → 统一出件' },
      message: 'the critical path takes 13 working days, over the promised limit of 3 (dept_1 → issue)',
    };
    expect(problemText(i18n, problem)).toBe(
      '关键路径需要 13 个工作日，超过承诺时限 3 个工作日（示范市城市管理局审批 → 统一出件）：仍可发布，建议缩短这些环节的办理时限或改为并行办理',
    );
    expect(problemText(i18n, { code: 'department.limitMissing', message: 'x' })).toBe(
      '部门审批环节没有办理时限：请在「办理时限」中填写工作日数（即办填 0）',
    );
    const mismatch = {
      code: 'gateway.kindMismatch',
      params: { kind: 'exclusive', forkKind: 'parallel', fork: '并联' },
      message: 'x',
    };
    expect(problemText(i18n, mismatch)).toBe(
      '这个排他网关汇合的是并行网关“并联”的分支：汇合网关必须与分支网关同类，请换成并行网关',
    );
    await i18n.changeLanguage('en');
    expect(problemText(i18n, mismatch)).toBe(
      'This exclusive gateway merges the branches of the parallel gateway "并联": a join must be of the same kind — use a parallel gateway',
    );
  });

  it('falls back to the English message for a code it does not know, or none', () => {
    const i18n = createI18n('zh-CN');
    expect(problemText(i18n, { code: 'future.rule', message: 'something new' })).toBe('something new');
    expect(problemText(i18n, { code: 'department', message: 'a group, not a text' })).toBe(
      'a group, not a text',
    );
    expect(problemText(i18n, { message: 'no code' })).toBe('no code');
  });
});
