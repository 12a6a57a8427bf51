import path from 'node:path';
import fs from 'node:fs';

/** The monorepo root: the nearest ancestor holding nx.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No nx.json above ${from}: run OneWindow from its repository`);
    dir = parent;
  }
  return dir;
}

export const varDir = (): string => path.join(repoRoot(), 'var');
