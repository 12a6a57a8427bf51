import { runChaos } from './chaos-run';

// The small chaos run of `npm test` (`npm run chaos` is the full one): the Temporal server killed with SIGKILL
// and the worker frozen past its workflow tasks' timeout while cases are accepted, approved and issued.
describe('chaos, small: one kill and one freeze under load', () => {
  it('loses no case, leaves none stuck, applies no decision twice, answers no 5xx but 503, and the projections and audit chain hold', async () => {
    const lines: string[] = [];
    const figures = await runChaos({
      cases: 4,
      concurrency: 2,
      kills: ['temporal'],
      freezeSeconds: 20,
      settleSeconds: 240,
      log: (line) => lines.push(line),
    });
    expect({ ...figures, log: lines }).toMatchObject({
      casesAccepted: figures.casesTried,
      casesLost: 0,
      casesStuck: 0,
      decisionsAppliedTwice: 0,
      projectionDifferences: 0,
      auditChainIntact: true,
      serverErrors: 0,
    });
    expect(figures.casesTried).toBeGreaterThanOrEqual(4);
  }, 600_000);
});
