import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from './no-issue-citations.mjs';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('no-issue-citations', rule, {
  valid: [
    `// The performance targets (throughput, latency, timers, memory).\nconst a = 1;`,
    `/** 行政许可法 Art. 42 ¶2: 45 working days. */\nconst b = 2;`,
    // words that merely contain "issue" and numbers elsewhere
    `// issues a certificate per approved step; 10 working days (Art. 44)\nconst c = 3;`,
    `const text = 'issue 6'; // a string is not a comment`,
  ],
  invalid: [
    {
      code: `// The approval verbs (issue 6).\nconst a = 1;`,
      errors: [
        {
          message:
            'Comments say what they mean: replace "issue 6" with what it refers to in words (a reader cannot look up our issue numbers)',
        },
      ],
    },
    { code: `/** The designer's format (Issue #18). */\nconst b = 2;`, errors: [{ messageId: 'citation' }] },
    { code: `/* see task 22, part 4 */\nconst c = 3;`, errors: [{ messageId: 'citation' }] },
  ],
});
