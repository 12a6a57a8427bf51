// `npm test`: every check — formatting (Prettier), lint (with module boundaries and our own rules in
// tools/lint-rules), unused dependencies (knip), typecheck, unit, workflow, API integration against real
// Temporal/SQLite/PostgreSQL, and browser tests in Chromium — then one summary line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';
import { descendantsOf } from '../process-tree';
import { checkDependencies } from './dependency-check';
import { checkFormatting } from './format-check';

const root = repoRoot();
const resultsDir = path.join(root, 'tmp', 'jest-results');

/**
 * A hung test (or a teardown that never returns) must fail the run with a line saying where, instead of
 * running into CI's own limit with nothing printed. The whole run takes about 8 minutes on 2 cores.
 */
function timeLimitMinutes(): number {
  const raw = process.env.TEST_TIME_LIMIT_MINUTES ?? '45';
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    process.stderr.write(`TEST_TIME_LIMIT_MINUTES must be a positive number of minutes (got "${raw}")\n`);
    process.exit(2);
  }
  return minutes;
}

/** Signals a process and everything it started (Nx runs each task in a process group of its own). */
function signalTree(pid: number, signal: NodeJS.Signals): void {
  for (const p of [pid, ...descendantsOf(pid)]) {
    try {
      process.kill(p, signal);
    } catch {
      // gone already
    }
  }
}

/** Runs `npx nx …`; a time-out or Ctrl-C stops every process it started. */
function runNx(args: string[], limitMs: number): Promise<{ status: number; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['nx', ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signalTree(child.pid!, 'SIGKILL'); // a hung run has nothing left to finish
    }, limitMs);
    const onSignal = (signal: NodeJS.Signals) => signalTree(child.pid!, signal);
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    child.on('exit', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      resolve({ status: code ?? 1, timedOut });
    });
  });
}

/** Projects with Jest tests; each writes tmp/jest-results/<project>.json when its run ends. */
const jestProjects = (): string[] =>
  ['apps', 'libs', '.'].flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir))
      .filter((name) => fs.existsSync(path.join(root, dir, name, 'jest.config.cjs'))),
  );

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numFailedTestSuites: number;
}

async function main(): Promise<void> {
  const limit = timeLimitMinutes();
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });

  // First, as they take seconds; their verdicts are repeated above the summary so they are not lost.
  const format = await checkFormatting(root);
  process.stdout.write(format.ok ? 'format: every file is formatted with Prettier\n' : `${format.message}\n`);
  const dependencies = await checkDependencies(root);
  process.stdout.write(
    dependencies.ok
      ? 'dependencies: knip finds none unused, unlisted or misplaced\n'
      : `${dependencies.message}\n`,
  );
  const workspaceChecks = [format, dependencies];

  const extra = process.argv.slice(2);
  const nx = await runNx(
    [
      'run-many',
      '-t',
      'lint',
      'typecheck',
      'test',
      '--output-style=static',
      '--parallel=2',
      '--skip-nx-cache',
      ...extra,
    ],
    limit * 60_000,
  );

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const perProject: string[] = [];
  for (const file of fs
    .readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const result = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as JestJson;
    passed += result.numPassedTests;
    failed += result.numFailedTests + result.numFailedTestSuites;
    skipped += result.numPendingTests;
    perProject.push(
      `  ${file.replace(/\.json$/, '').padEnd(14)} ${result.numPassedTests} passed, ${result.numFailedTests} failed`,
    );
  }
  process.stdout.write(`\nTest results by project:\n${perProject.join('\n')}\n`);
  if (nx.timedOut) {
    const unfinished = jestProjects().filter((p) => !fs.existsSync(path.join(resultsDir, `${p}.json`)));
    process.stdout.write(
      `\nnpm test: stopped after ${limit} min (TEST_TIME_LIMIT_MINUTES); no results from: ${unfinished.join(', ') || '(lint or typecheck)'}\n`,
    );
  }
  for (const check of workspaceChecks) {
    if (check.ok) continue;
    process.stdout.write(`\n${check.message}\n`);
    failed += 1; // unformatted files or dependency problems fail the run like a failing test
  }
  if (nx.status !== 0 && failed === 0) failed = 1; // a lint/typecheck failure (or a stopped run) is a failure too
  process.stdout.write(
    `\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
  );
  process.exit(nx.status === 0 && failed === 0 && workspaceChecks.every((c) => c.ok) ? 0 : 1);
}

void main();
