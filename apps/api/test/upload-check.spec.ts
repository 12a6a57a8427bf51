import { checkUpload } from '../src/security/upload-check';
import { ProblemError } from '../src/http/problem';

const pdf = Buffer.from('%PDF-1.7\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);
const ofd = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
const html = Buffer.from('<html><script>');

function problemOf(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('checkUpload', () => {
  it.each([
    ['application/pdf', pdf],
    ['image/png', png],
    ['image/jpeg', jpeg],
    ['application/ofd', ofd],
    ['application/pdf; charset=binary', pdf],
  ])('accepts %s whose content matches', (declaredType, head) => {
    expect(checkUpload({ declaredType, size: 1000, head })).toBe(declaredType.split(';')[0]);
  });

  it('refuses a type that is not accepted (415)', () => {
    const problem = problemOf(() => checkUpload({ declaredType: 'text/html', size: 10, head: html }));
    expect(problem.status).toBe(415);
    expect(problem.message).toMatch(/"text\/html" are not accepted; accepted types: application\/pdf/);
  });

  it('refuses content that does not match its declared type (415)', () => {
    const problem = problemOf(() => checkUpload({ declaredType: 'application/pdf', size: 10, head: html }));
    expect(problem.status).toBe(415);
    expect(problem.message).toMatch(/content is not application\/pdf/);
  });

  it('refuses a missing type, an empty file and a file over the limit', () => {
    expect(problemOf(() => checkUpload({ declaredType: undefined, size: 10, head: pdf })).status).toBe(415);
    expect(problemOf(() => checkUpload({ declaredType: 'application/pdf', size: 0, head: pdf })).status).toBe(
      400,
    );
    const big = problemOf(() =>
      checkUpload({ declaredType: 'application/pdf', size: 21 * 1024 * 1024, head: pdf }),
    );
    expect(big.status).toBe(413);
    expect(big.message).toMatch(/limit is 20971520 bytes/);
  });

  it('applies a narrower policy per route', () => {
    const policy = { allowedTypes: ['image/jpeg'] as const, maxBytes: 100 };
    expect(
      problemOf(() => checkUpload({ declaredType: 'application/pdf', size: 10, head: pdf }, policy)).status,
    ).toBe(415);
    expect(
      problemOf(() => checkUpload({ declaredType: 'image/jpeg', size: 101, head: jpeg }, policy)).status,
    ).toBe(413);
  });
});
