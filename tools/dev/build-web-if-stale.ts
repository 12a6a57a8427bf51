import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds apps/web when its dist is missing or older than the web or contract sources. */
export function buildWebIfStale(root: string, log: (line: string) => void): void {
  const index = path.join(root, 'apps/web/dist/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = ['apps/web/src', 'apps/web/index.html', 'libs/contracts/src', 'libs/standards/src'].map(
    (p) => path.join(root, p),
  );
  if (
    built > 0 &&
    sources.every(
      (source) =>
        (fs.existsSync(source) && fs.statSync(source).isFile()
          ? fs.statSync(source).mtimeMs
          : newestMtime(source)) < built,
    )
  )
    return;
  log('building the web app…');
  const result = spawnSync('npx', ['nx', 'build', 'web', '--output-style=static'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the web app did not build; see the output above');
}
