import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '@onewindow/testkit';
import { defaultPlanForItems, itemStepId } from '@onewindow/flow-model';
import { approveStep, issueResults, refuseStep, returnForSupplement, submitSupplement } from '../src/index';
import { calendarData, caseInput, fakeActivities, fourDepartments, shanghaiDay, startCase, startWorker, workflowBundle } from './case-harness';

const dir = path.join(__dirname, 'histories');
const recording = process.env.RECORD_HISTORIES === '1';

describe('caseWorkflow: replay of recorded histories', () => {
  it('replays every checked-in history without nondeterminism', async () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const histories = files.map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) }));
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) results.push(r);
    expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(histories.map((h) => [h.workflowId, undefined]));
  }, 120_000);

  // Re-record with: RECORD_HISTORIES=1 npx jest -c workflows/jest.config.cjs case-replay
  (recording ? it : it.skip)('records completed cases into test/histories', async () => {
    const env: TestWorkflowEnvironment = await createTimeSkippingEnv();
    try {
      const today = shanghaiDay(await env.currentTimeMs());
      const fake = fakeActivities();
      const { worker, taskQueue } = await startWorker(env, fake.activities);
      await worker.runUntil(async () => {
        for (const policy of ['collect', 'fail_fast'] as const) {
          const caseNo = `replay-${policy}`;
          const plan = defaultPlanForItems(fourDepartments, { key: 'restaurant', refusalPolicy: policy });
          const h = await startCase(env, taskQueue, caseInput(plan, { caseNo, acceptedOn: today, calendar: calendarData }));
          const id = (code: string) => itemStepId(code);
          await h.executeUpdate(approveStep, { args: [{ stepId: id('FOOD'), actor: 'food-1' }] });
          await h.executeUpdate(returnForSupplement, { args: [{ stepId: id('FIRE'), actor: 'fire-1', materials: ['消防平面图'] }] });
          await env.sleep('3 days');
          await h.executeUpdate(submitSupplement, { args: [{ stepId: id('FIRE'), actor: 'window-1' }] });
          await h.executeUpdate(refuseStep, { args: [{ stepId: id('SIGN'), actor: 'sign-1', reasons: ['招牌超出规定尺寸'] }] });
          if (policy === 'collect') {
            await h.executeUpdate(approveStep, { args: [{ stepId: id('FIRE'), actor: 'fire-1' }] });
            await h.executeUpdate(approveStep, { args: [{ stepId: id('TOB'), actor: 'tob-1' }] });
          }
          await h.executeUpdate(issueResults, { args: [{ actor: 'window-1', delivery: { method: 'window' } }] });
          await h.result();
          fs.writeFileSync(path.join(dir, `${caseNo}.json`), historyToJSON(await h.fetchHistory()) + '\n');
        }
      });
    } finally {
      await env.teardown();
    }
  }, 120_000);
});
