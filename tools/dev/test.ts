// `npm test`: every check — lint (with module boundaries), typecheck, unit, workflow, API integration
// against real Temporal/SQLite/PostgreSQL, and browser tests in Chromium — then one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';

const root = repoRoot();
const resultsDir = path.join(root, 'tmp', 'jest-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const extra = process.argv.slice(2);
const nx = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--output-style=static', '--parallel=2', '--skip-nx-cache', ...extra],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } },
);

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTestSuites: number;
  numFailedTestSuites: number;
}
let passed = 0;
let failed = 0;
let skipped = 0;
const perProject: string[] = [];
for (const file of fs.readdirSync(resultsDir).filter((f) => f.endsWith('.json')).sort()) {
  const result = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as JestJson;
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numFailedTestSuites;
  skipped += result.numPendingTests;
  perProject.push(`  ${file.replace(/\.json$/, '').padEnd(14)} ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
}
process.stdout.write(`\nTest results by project:\n${perProject.join('\n')}\n`);
if (nx.status !== 0 && failed === 0) failed = 1; // a lint/typecheck failure is a failure too
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(nx.status === 0 && failed === 0 ? 0 : 1);
