/**
 * Records completed cases into test/histories/*.json for the replay test.
 * Run: npx tsx workflows/test/record-histories.ts   (re-record only when a recorded behaviour changes on purpose,
 * and keep the old files: they prove that running cases still replay.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTimeSkippingEnv } from '@onewindow/testkit';
import { defaultPlanForItems, itemStepId } from '@onewindow/flow-model';
import { approveStep, issueResults, refuseStep, returnForSupplement, submitSupplement, withdrawCase } from '../src/index';
import { historyToJson } from './history-json';
import { calendarData, caseInput, fakeActivities, fourDepartments, resultOf, shanghaiDay, startCase, startWorker } from './case-harness';

async function main(): Promise<void> {
  const dir = path.join(__dirname, 'histories');
  const env = await createTimeSkippingEnv();
  try {
    const today = shanghaiDay(await env.currentTimeMs());
    const { worker, taskQueue } = await startWorker(env, fakeActivities().activities);
    await worker.runUntil(async () => {
      for (const scenario of ['collect', 'fail_fast', 'withdrawn', 'issuance-overdue'] as const) {
        const caseNo = `replay-${scenario}`;
        const file = path.join(dir, `${caseNo}.json`);
        if (fs.existsSync(file)) continue; // old histories stay: they prove older cases still replay
        const plan = defaultPlanForItems(fourDepartments, { key: 'restaurant', refusalPolicy: scenario === 'fail_fast' ? 'fail_fast' : 'collect' });
        const h = await startCase(env, taskQueue, caseInput(plan, { caseNo, acceptedOn: today, calendar: calendarData, reminders: { remainingWorkingDays: [2, 1], escalateOverdue: true } }));
        const id = (code: string) => itemStepId(code);
        await h.executeUpdate(approveStep, { args: [{ stepId: id('FOOD'), actor: 'food-1' }] });
        await h.executeUpdate(returnForSupplement, { args: [{ stepId: id('FIRE'), actor: 'fire-1', materials: ['消防平面图'] }] });
        await env.sleep('3 days');
        await h.executeUpdate(submitSupplement, { args: [{ stepId: id('FIRE'), actor: 'window-1' }] });
        if (scenario === 'issuance-overdue') {
          for (const code of ['FIRE', 'SIGN', 'TOB']) await h.executeUpdate(approveStep, { args: [{ stepId: id(code), actor: `${code.toLowerCase()}-1` }] });
          await env.sleep('20 days'); // the Art. 44 issuance limit passes: the window's lead is told
          await h.executeUpdate(issueResults, { args: [{ actor: 'window-1', delivery: { method: 'post', address: '某市某区' } }] });
        } else if (scenario === 'withdrawn') {
          await h.executeUpdate(withdrawCase, { args: [{ by: 'window', actor: 'window-1', reason: '申请人撤回' }] });
        } else {
          await env.sleep('5 days'); // crosses reminders and the overdue escalation
          await h.executeUpdate(refuseStep, { args: [{ stepId: id('SIGN'), actor: 'sign-1', reasons: ['招牌超出规定尺寸'] }] });
          if (scenario === 'collect') {
            await h.executeUpdate(approveStep, { args: [{ stepId: id('FIRE'), actor: 'fire-1' }] });
            await h.executeUpdate(approveStep, { args: [{ stepId: id('TOB'), actor: 'tob-1' }] });
          }
          await h.executeUpdate(issueResults, { args: [{ actor: 'window-1', delivery: { method: 'window' } }] });
        }
        await resultOf(h);
        fs.writeFileSync(file, historyToJson(await h.fetchHistory()) + '\n');
        console.log(`recorded ${caseNo}`);
      }
    });
  } finally {
    await env.teardown();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
