import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { repoRoot } from '@onewindow/config';

export interface WorkflowBundleSource {
  /** The bundle's entry (the workflows package's `workflowsPath`). */
  workflowsPath: string;
  /** Modules every workflow context shares (the workflows package's `sharedWorkflowModules`). */
  preloadModules: readonly string[];
}

/**
 * Everything a bundle is made of: our TypeScript under workflows/ and libs/, the locked dependencies and the
 * patches applied to them. A change to any of them is a new bundle; anything else is the same bundle.
 */
const bundleInputs = (root: string): string[] => [
  path.join(root, 'package-lock.json'),
  ...listFiles(path.join(root, 'patches')),
  ...listFiles(path.join(root, 'workflows', 'src')),
  ...fs.readdirSync(path.join(root, 'libs')).flatMap((lib) => listFiles(path.join(root, 'libs', lib, 'src'))),
];

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : [full];
    });
}

function bundleKey(root: string, source: WorkflowBundleSource): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({ entry: path.relative(root, source.workflowsPath), preload: source.preloadModules }),
  );
  for (const file of bundleInputs(root)) {
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * The workflow bundle for tests, made once per change of its sources and kept in tmp/workflow-bundles for
 * every later test process. Bundling takes 10–15 s of webpack on 2 cores; most test files need a worker, and
 * each Jest file has its own module registry, so each used to bundle the same code again. Two processes that
 * miss at once both bundle and the last rename wins: the two files are the same.
 */
export async function cachedWorkflowBundle(
  source: WorkflowBundleSource,
): Promise<WorkflowBundleWithSourceMap> {
  const root = repoRoot();
  const dir = path.join(root, 'tmp', 'workflow-bundles');
  const base = path.join(dir, bundleKey(root, source));
  const [codeFile, mapFile] = [`${base}.js`, `${base}.js.map`];
  if (fs.existsSync(codeFile) && fs.existsSync(mapFile))
    return { code: fs.readFileSync(codeFile, 'utf8'), sourceMap: fs.readFileSync(mapFile, 'utf8') };
  const bundle = await bundleWorkflowCode({
    workflowsPath: source.workflowsPath,
    preloadModules: [...source.preloadModules],
  });
  fs.mkdirSync(dir, { recursive: true });
  // The map first: a code file on disk means its map is there too.
  for (const [file, text] of [
    [mapFile, bundle.sourceMap],
    [codeFile, bundle.code],
  ] as const) {
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, text);
    fs.renameSync(partial, file);
  }
  pruneStaleBundles(dir, base);
  return bundle;
}

/** Bundles of older sources, left alone for an hour in case a test process still reads one. */
function pruneStaleBundles(dir: string, keep: string): void {
  const anHourAgo = Date.now() - 3_600_000;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file.startsWith(keep)) continue;
    try {
      if (fs.statSync(file).mtimeMs < anHourAgo) fs.rmSync(file, { force: true });
    } catch {
      // Removed by another test process meanwhile.
    }
  }
}
