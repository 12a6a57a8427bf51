import { acceptApplicationRequestSchema, issueResultsRequestSchema } from './case.contract';
import { submissionRequestSchema } from './submission.contract';

const controls = [
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\u007f',
  '\u0085',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
];

describe('person and organisation names', () => {
  const applicant = (name: string) => ({ kind: 'person', idNumber: '11010519491231002X', name });
  const acceptance = (name: string) => ({
    items: [{ implementationCode: 'X' }],
    applicant: applicant(name),
    materials: [],
  });

  it.each(controls.map((c) => [`U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, c]))(
    'refuse %s inside an applicant name, at the window and online, and in a recipient name',
    (_code, control) => {
      const name = `张${control}三`;
      const window = acceptApplicationRequestSchema.safeParse(acceptance(name));
      expect(window.error?.issues).toEqual([
        expect.objectContaining({
          path: ['applicant', 'name'],
          message: expect.stringContaining('申请人名称含有不可见的控制字符'),
        }),
      ]);
      const online = submissionRequestSchema.safeParse({
        items: [{ implementationCode: 'X' }],
        applicant: applicant(name),
      });
      expect(online.error?.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: ['applicant', 'name'] })]),
      );
      const issuance = issueResultsRequestSchema.safeParse({
        delivery: { method: 'window', recipientName: name },
      });
      expect(issuance.error?.issues).toEqual([
        expect.objectContaining({ message: expect.stringContaining('签收人姓名含有不可见的控制字符') }),
      ]);
    },
  );

  it('take ordinary names, Chinese, Latin, with a middle dot or an apostrophe; surrounding spaces are trimmed', () => {
    for (const name of ['张三', '阿依古丽·买买提', "O'Brien Ltd.", '某某（北京）科技有限公司'])
      expect(acceptApplicationRequestSchema.parse(acceptance(` ${name} `)).applicant.name).toBe(name);
  });
});
