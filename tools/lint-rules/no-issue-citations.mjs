// onewindow/no-issue-citations: a comment says what it means, not "issue 18" — the tracker's numbers mean nothing to a
// reader of the code (they were cited for things a reader could not find). See tools/lint-rules/README.md.

const citation = /\b(?:issue|task|ticket)s?\s*#?\d+\b/i;

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'No issue-number citations in comments: say what the code does or why, in words' },
    schema: [],
    messages: {
      citation:
        'Comments say what they mean: replace "{{text}}" with what it refers to in words (a reader cannot look up our issue numbers)',
    },
  },

  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const found = citation.exec(comment.value);
          if (found) context.report({ loc: comment.loc, messageId: 'citation', data: { text: found[0] } });
        }
      },
    };
  },
};

export default rule;
