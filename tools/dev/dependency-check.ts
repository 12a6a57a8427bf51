// The dependency gate of `npm test` (knip, configured in knip.jsonc): every package in package.json is
// used, every package the code imports is listed, and `dependencies` holds only what production code
// imports (a test-only package belongs in devDependencies). Two knip runs, ~10 s together.
import { spawn } from 'node:child_process';
import path from 'node:path';

export type DependencyCheck = { ok: true } | { ok: false; message: string };

function runKnip(dir: string, knipRoot: string, args: string[]): Promise<{ code: number; output: string }> {
  const bin = path.join(knipRoot, 'node_modules', 'knip', 'bin', 'knip.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, '--no-progress', '--no-config-hints', ...args], { cwd: dir });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: 2, output: error.message }));
    child.on('close', (code) => resolve({ code: code ?? 2, output: output.trim() }));
  });
}

/** Runs knip over all code, then over production code only; the first finding fails the check. */
export async function checkDependencies(dir: string, knipRoot: string = dir): Promise<DependencyCheck> {
  const runs = [
    { args: [], what: 'all code' },
    // Binaries are left out here: build targets run tsc and vite from devDependencies, as they should.
    { args: ['--production', '--exclude', 'binaries'], what: 'production code (--production)' },
  ];
  for (const run of runs) {
    const { code, output } = await runKnip(dir, knipRoot, run.args);
    if (code === 0) continue;
    return {
      ok: false,
      message: [
        `dependencies: knip found problems in ${run.what}:`,
        output.replace(/^/gm, '  '),
        'Fix: remove unused packages from package.json, add what the code imports (npm install --save-exact …),',
        'move test-only packages to devDependencies, then npm install --no-audit --no-fund; or, when knip is wrong,',
        'say why in knip.jsonc. Re-run: npx knip && npx knip --production --exclude binaries',
      ].join('\n'),
    };
  }
  return { ok: true };
}
