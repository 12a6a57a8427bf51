// `npm run chaos [-- --cases 40 --concurrency 4 --freeze 60]`: the embedded stack under a steady load of accept,
// approve and issue; kill -9 of the worker, the API and the Temporal server in turn, then the worker frozen;
// then every case is let finish and the figures are printed. Exit 0 when every figure is 0 (and the audit chain
// verifies), 1 otherwise.
import { runChaos } from './chaos-run';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} expects a whole number (got "${process.argv[i + 1]}")\n`);
    process.exit(2);
  }
  return value;
};

const started = Date.now();
runChaos({
  cases: arg('cases', 40),
  concurrency: arg('concurrency', 4),
  kills: ['worker', 'api', 'temporal'],
  freezeSeconds: arg('freeze', 60),
  settleSeconds: arg('settle', 300),
  log: (line) => process.stdout.write(`[chaos] ${line}\n`),
})
  .then((f) => {
    const rows: [string, number | string][] = [
      ['cases tried / accepted', `${f.casesTried} / ${f.casesAccepted}`],
      ['cases lost', f.casesLost],
      ['cases stuck', f.casesStuck],
      ['decisions applied twice (history)', f.decisionsAppliedTwice],
      ['projection differences (full comparison)', f.projectionDifferences],
      ...Object.entries(f.projectionDifferencesBy).map(([kind, n]): [string, number] => [`  ${kind}`, n]),
      ['audit chain', f.auditChainIntact ? 'verified' : 'BROKEN'],
      ['5xx answers other than 503', f.serverErrors],
      ['retries (503 or connection refused)', f.retries],
      ...Object.entries(f.retriesBy).map(([why, n]): [string, number] => [`  ${why}`, n]),
    ];
    for (const [what, value] of rows) process.stdout.write(`${what.padEnd(46)} ${value}\n`);
    process.stdout.write(`took ${Math.round((Date.now() - started) / 1000)} s\n`);
    const clean =
      f.casesAccepted === f.casesTried &&
      f.casesLost + f.casesStuck + f.decisionsAppliedTwice + f.projectionDifferences + f.serverErrors === 0 &&
      f.auditChainIntact;
    process.exit(clean ? 0 : 1);
  })
  .catch((error: unknown) => {
    process.stderr.write(`chaos run failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  });
