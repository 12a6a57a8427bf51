// Bundles a Node app (apps/api, apps/worker) with esbuild into dist/<projectRoot>/main.js.
// npm packages stay external (installed in production); our workspace libs are bundled in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const projectRoot = process.argv[2];
if (!projectRoot) {
  console.error('usage: node tools/build/bundle-node-app.mjs <apps/api|apps/worker>');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).flatMap((name) => [
  name,
  `${name}/*`,
]);

await build({
  entryPoints: [path.join(root, projectRoot, 'src/main.ts')],
  outfile: path.join(root, 'dist', projectRoot, 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
console.log(`built dist/${projectRoot}/main.js`);
