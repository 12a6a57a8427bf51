import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';
import { checkDependencies } from './dependency-check';

jest.setTimeout(60_000);

describe('checkDependencies (the knip gate of npm test)', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  const manifest = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}) =>
    write(
      'package.json',
      JSON.stringify({ name: 'planted', main: 'index.js', dependencies, devDependencies }),
    );

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dependency-check-'));
    // index.js is production code (`!`), check.test.js a test.
    write(
      'knip.json',
      JSON.stringify({ include: ['dependencies', 'unlisted'], entry: ['index.js!', 'check.test.js'] }),
    );
    write('index.js', "const left = require('left-pad');\nmodule.exports = left('1', 2);\n");
    write('check.test.js', "const fc = require('fast-check');\nmodule.exports = fc;\n");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes when every package is used where it is listed', async () => {
    manifest({ 'left-pad': '1.3.0' }, { 'fast-check': '4.10.2' });
    expect(await checkDependencies(dir, repoRoot())).toEqual({ ok: true });
  });

  it('fails on a package nothing imports, naming it', async () => {
    manifest({ 'left-pad': '1.3.0', echarts: '6.1.0' }, { 'fast-check': '4.10.2' });
    const result = await checkDependencies(dir, repoRoot());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/knip found problems in all code:[\s\S]*echarts/);
  });

  it('fails on a test-only package listed in dependencies', async () => {
    manifest({ 'left-pad': '1.3.0', 'fast-check': '4.10.2' });
    const result = await checkDependencies(dir, repoRoot());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/in production code \(--production\):[\s\S]*fast-check/);
  });

  it('fails on an import of a package that is not listed', async () => {
    manifest({}, { 'fast-check': '4.10.2' });
    const result = await checkDependencies(dir, repoRoot());
    expect(!result.ok && result.message).toMatch(/left-pad/);
  });
});
