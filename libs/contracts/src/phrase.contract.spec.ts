import { caseVerbDefinitions } from './case-verbs.contract';
import { PHRASE_MAX_LENGTH, phraseOrderRequestSchema, phraseRequestSchema } from './phrase.contract';

describe('standard phrases', () => {
  it('are as long as an opinion may be, no longer', () => {
    const comment = caseVerbDefinitions.approve.request.shape.comment.unwrap();
    expect(comment.maxLength).toBe(PHRASE_MAX_LENGTH);
    expect(phraseRequestSchema.safeParse({ text: 'x'.repeat(PHRASE_MAX_LENGTH) }).success).toBe(true);
    expect(phraseRequestSchema.safeParse({ text: 'x'.repeat(PHRASE_MAX_LENGTH + 1) }).success).toBe(false);
  });

  it('are trimmed, and a blank text or a repeated id in an order is refused', () => {
    expect(phraseRequestSchema.parse({ text: ' 同意 ' })).toEqual({ text: '同意' });
    expect(phraseRequestSchema.safeParse({ text: '  ' }).error?.issues[0].message).toBe(
      'text is empty: write the phrase',
    );
    expect(phraseOrderRequestSchema.safeParse({ ids: ['a', 'a'] }).success).toBe(false);
  });
});
