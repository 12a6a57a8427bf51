import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';
import { cachedWorkflowBundle } from './workflow-bundle-cache';

const dir = path.join(repoRoot(), 'tmp', 'workflow-bundles');
const source = { workflowsPath: require.resolve('./fixtures/greeting.workflow'), preloadModules: [] };
const bundleFiles = () =>
  (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));
/** The cached file that holds this code. */
const fileOf = (code: string) => bundleFiles().filter((f) => fs.readFileSync(f, 'utf8') === code);

describe('cachedWorkflowBundle', () => {
  it('bundles once per source and hands the same bundle from disk afterwards', async () => {
    const first = await cachedWorkflowBundle(source);
    expect(first.code).toContain('你好');
    // On disk (a file an earlier run made for other sources may hold the same code too).
    const onDisk = () => fileOf(first.code).map((f) => `${f} ${fs.statSync(f).mtimeMs}`);
    const before = onDisk();
    expect(before.length).toBeGreaterThan(0);

    const second = await cachedWorkflowBundle(source);
    expect(second.code).toBe(first.code);
    // Read back, not made again: no file is new or rewritten.
    expect(onDisk()).toEqual(before);
  }, 120_000);

  it('makes another bundle when what goes into it differs', async () => {
    const first = await cachedWorkflowBundle(source);
    const other = await cachedWorkflowBundle({
      ...source,
      preloadModules: [require.resolve('./fixtures/greeting-words')],
    });
    expect(other.code).toContain('再见');
    expect(first.code).not.toContain('再见');
    expect(fileOf(other.code).length).toBeGreaterThan(0);
  }, 120_000);
});
