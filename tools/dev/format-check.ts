// The formatting gate of `npm test`: Prettier must leave every file as it is (.prettierignore and
// .gitignore say what is skipped). One run over the tree takes ~15 s on 2 cores.
import { spawn } from 'node:child_process';
import path from 'node:path';

export type FormatCheck =
  | { ok: true }
  | { ok: false; unformatted: string[]; message: string }
  | { ok: false; error: string; message: string };

/**
 * Runs `prettier --list-different .` in `dir` with the Prettier installed at `prettierRoot`. Exit 0: all
 * formatted; 1: the listed files are not; 2: Prettier itself failed (a file it cannot parse, a bad config).
 */
export function checkFormatting(dir: string, prettierRoot: string = dir): Promise<FormatCheck> {
  const bin = path.join(prettierRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, '--list-different', '.'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      resolve({
        ok: false,
        error: error.message,
        message: `format: Prettier could not run: ${error.message}`,
      }),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve({ ok: true });
      const unformatted = stdout.split('\n').filter((line) => line.trim() !== '');
      if (code === 1 && unformatted.length > 0) {
        return resolve({
          ok: false,
          unformatted,
          message: [
            `format: ${unformatted.length} file(s) not formatted with Prettier:`,
            ...unformatted.map((file) => `  ${file}`),
            'Fix: npm run format   (or npx prettier --write <file>)',
          ].join('\n'),
        });
      }
      const error = stderr.trim() || `prettier exited with code ${code}`;
      resolve({
        ok: false,
        error,
        message: `format: Prettier failed (exit ${code}):\n${error}\nFix the file it names, then npm run format`,
      });
    });
  });
}
