import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { historyFromJson } from '@onewindow/testkit';
import { workflowBundle } from './case-harness';

const dir = path.join(__dirname, 'histories');

/** Histories recorded by `npx tsx workflows/test/record-histories.ts`: a change that breaks them needs patched(). */
describe('caseWorkflow: replay of recorded histories', () => {
  it('replays every checked-in history without nondeterminism', async () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const histories = files.map((f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: historyFromJson(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))),
    }));
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories))
      results.push(r);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(
      histories.map((h) => [h.workflowId, undefined]),
    );
  }, 120_000);
});
