import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';
import { checkFormatting } from './format-check';

jest.setTimeout(30_000);

describe('checkFormatting (the formatting gate of npm test)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'format-check-'));
    fs.copyFileSync(path.join(repoRoot(), '.prettierrc.json'), path.join(dir, '.prettierrc.json'));
    fs.writeFileSync(path.join(dir, 'formatted.ts'), 'export const answer = { value: 42 };\n');
    fs.writeFileSync(path.join(dir, '.prettierignore'), 'ignored.ts\n');
    fs.writeFileSync(path.join(dir, 'ignored.ts'), 'export const   ignored={a:1}\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes when every file not ignored is formatted', async () => {
    expect(await checkFormatting(dir, repoRoot())).toEqual({ ok: true });
  });

  it('fails on an unformatted file, naming it and the fix', async () => {
    fs.writeFileSync(path.join(dir, 'planted.ts'), 'export const   planted={a:1,"b":2}\n');
    const result = await checkFormatting(dir, repoRoot());
    expect(result).toMatchObject({ ok: false, unformatted: ['planted.ts'] });
    expect(result.ok === false && result.message).toBe(
      [
        'format: 1 file(s) not formatted with Prettier:',
        '  planted.ts',
        'Fix: npm run format   (or npx prettier --write <file>)',
      ].join('\n'),
    );
  });

  it('fails when Prettier cannot parse a file, with its error', async () => {
    fs.writeFileSync(path.join(dir, 'broken.ts'), 'export const = ;\n');
    const result = await checkFormatting(dir, repoRoot());
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('broken.ts') });
  });
});
