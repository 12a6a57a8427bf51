/**
 * Records completed cases into test/histories/*.json for the replay test.
 * Run: npx tsx workflows/test/record-histories.ts   (re-record only when a recorded behaviour changes on purpose,
 * and keep the old files: they prove that running cases still replay.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTimeSkippingEnv, historyToJson } from '@onewindow/testkit';
import { defaultPlanForItems, itemStepId, planBuilder } from '@onewindow/flow-model';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  addSigners,
  approveStep,
  copyTo,
  delegateTask,
  issueResults,
  refuseStep,
  removeSigners,
  resolveDelegation,
  resubmitFromWindow,
  returnForSupplement,
  sendBack,
  submitSupplement,
  transferTask,
  withdrawCase,
  type caseWorkflow,
} from '../src/index';
import {
  calendarData,
  caseInput,
  fakeActivities,
  fourDepartments,
  resultOf,
  shanghaiDay,
  startCase,
  startWorker,
} from './case-harness';

async function main(): Promise<void> {
  const dir = path.join(__dirname, 'histories');
  const env = await createTimeSkippingEnv();
  try {
    const today = shanghaiDay(await env.currentTimeMs());
    const { worker, taskQueue } = await startWorker(env, fakeActivities().activities);
    await worker.runUntil(async () => {
      for (const scenario of [
        'collect',
        'fail_fast',
        'withdrawn',
        'issuance-overdue',
        'local-serial-collect',
        'activity-serial-collect',
      ] as const) {
        const caseNo = `replay-${scenario}`;
        const file = path.join(dir, `${caseNo}.json`);
        if (fs.existsSync(file)) continue; // old histories stay: they prove older cases still replay
        const plan = defaultPlanForItems(fourDepartments, {
          key: 'restaurant',
          refusalPolicy: scenario === 'fail_fast' ? 'fail_fast' : 'collect',
        });
        // The first four were recorded with regular activities; 'local-serial-collect' is 'collect' as the API started
        // cases until docs/decisions/0016, 'activity-serial-collect' as it starts them since.
        const projections =
          scenario === 'local-serial-collect'
            ? 'local-serial'
            : scenario === 'activity-serial-collect'
              ? 'activity-serial'
              : 'activity';
        const h = await startCase(
          env,
          taskQueue,
          caseInput(plan, {
            caseNo,
            acceptedOn: today,
            calendar: calendarData,
            projections,
            reminders: { remainingWorkingDays: [2, 1], escalateOverdue: true },
          }),
        );
        const id = (code: string) => itemStepId(code);
        await h.executeUpdate(approveStep, { args: [{ stepId: id('FOOD'), actor: 'food-1' }] });
        await h.executeUpdate(returnForSupplement, {
          args: [{ stepId: id('FIRE'), actor: 'fire-1', materials: ['消防平面图'] }],
        });
        await env.sleep('3 days');
        await h.executeUpdate(submitSupplement, { args: [{ stepId: id('FIRE'), actor: 'window-1' }] });
        if (scenario === 'issuance-overdue') {
          for (const code of ['FIRE', 'SIGN', 'TOB'])
            await h.executeUpdate(approveStep, {
              args: [{ stepId: id(code), actor: `${code.toLowerCase()}-1` }],
            });
          await env.sleep('20 days'); // the Art. 44 issuance limit passes: the window's lead is told
          await h.executeUpdate(issueResults, {
            args: [{ actor: 'window-1', delivery: { method: 'post', address: '某市某区' } }],
          });
        } else if (scenario === 'withdrawn') {
          await h.executeUpdate(withdrawCase, {
            args: [{ by: 'window', actor: 'window-1', reason: '申请人撤回' }],
          });
        } else {
          await env.sleep('5 days'); // crosses reminders and the overdue escalation
          await h.executeUpdate(refuseStep, {
            args: [{ stepId: id('SIGN'), actor: 'sign-1', reasons: ['招牌超出规定尺寸'] }],
          });
          if (scenario !== 'fail_fast') {
            await h.executeUpdate(approveStep, { args: [{ stepId: id('FIRE'), actor: 'fire-1' }] });
            await h.executeUpdate(approveStep, { args: [{ stepId: id('TOB'), actor: 'tob-1' }] });
          }
          await h.executeUpdate(issueResults, {
            args: [{ actor: 'window-1', delivery: { method: 'window' } }],
          });
        }
        await resultOf(h);
        fs.writeFileSync(file, historyToJson(await h.fetchHistory()) + '\n');
        console.log(`recorded ${caseNo}`);
      }
      for (const [caseNo, record] of Object.entries(VERB_SCENARIOS)) {
        const file = path.join(dir, `${caseNo}.json`);
        if (fs.existsSync(file)) continue;
        const h = await record(env, taskQueue, caseNo, today);
        await resultOf(h);
        fs.writeFileSync(file, historyToJson(await h.fetchHistory()) + '\n');
        console.log(`recorded ${caseNo}`);
      }
    });
  } finally {
    await env.teardown();
  }
}

type Recorder = (
  env: TestWorkflowEnvironment,
  taskQueue: string,
  caseNo: string,
  today: string,
) => Promise<WorkflowHandle<typeof caseWorkflow>>;

/** The approval verbs 转办, 委派, 加签/减签, 抄送, 退回窗口 on the four departments; 退回 with paused siblings. */
const VERB_SCENARIOS: Record<string, Recorder> = {
  'replay-verbs': async (env, taskQueue, caseNo, today) => {
    const h = await startCase(
      env,
      taskQueue,
      caseInput(defaultPlanForItems(fourDepartments, { key: 'restaurant' }), {
        caseNo,
        acceptedOn: today,
        calendar: calendarData,
        projections: 'activity',
      }),
    );
    const id = (code: string) => itemStepId(code);
    await h.executeUpdate(transferTask, {
      args: [{ stepId: id('FOOD'), actor: 'food-1', to: ['food-2'], reason: '休假' }],
    });
    await h.executeUpdate(delegateTask, {
      args: [{ stepId: id('FOOD'), actor: 'food-2', to: 'food-d', reason: '现场核查' }],
    });
    await h.executeUpdate(resolveDelegation, {
      args: [{ stepId: id('FOOD'), actor: 'food-d', opinion: 'agree', comment: '属实' }],
    });
    await h.executeUpdate(approveStep, { args: [{ stepId: id('FOOD'), actor: 'food-2' }] });
    await h.executeUpdate(addSigners, {
      args: [
        {
          stepId: id('FIRE'),
          actor: 'fire-1',
          signers: ['fire-x', 'fire-y'],
          position: 'parallel',
          reason: '会签',
        },
      ],
    });
    await h.executeUpdate(removeSigners, {
      args: [{ stepId: id('FIRE'), actor: 'fire-1', signers: ['fire-y'], reason: '无需' }],
    });
    await h.executeUpdate(copyTo, {
      args: [{ stepId: id('FIRE'), actor: 'fire-1', to: ['viewer-1'], note: '知悉' }],
    });
    await h.executeUpdate(approveStep, { args: [{ stepId: id('FIRE'), actor: 'fire-1' }] });
    await h.executeUpdate(approveStep, { args: [{ stepId: id('FIRE'), actor: 'fire-x' }] });
    await h.executeUpdate(sendBack, {
      args: [{ stepId: id('SIGN'), actor: 'sign-1', to: { kind: 'window' }, reason: '申请表有误' }],
    });
    await env.sleep('2 days');
    await h.executeUpdate(resubmitFromWindow, { args: [{ stepId: id('SIGN'), actor: 'window-1' }] });
    await h.executeUpdate(approveStep, { args: [{ stepId: id('SIGN'), actor: 'sign-1' }] });
    await h.executeUpdate(addSigners, {
      args: [{ stepId: id('TOB'), actor: 'tob-1', signers: ['tob-0'], position: 'before', reason: '先核' }],
    });
    await h.executeUpdate(approveStep, { args: [{ stepId: id('TOB'), actor: 'tob-0' }] });
    await h.executeUpdate(approveStep, { args: [{ stepId: id('TOB'), actor: 'tob-1' }] });
    await h.executeUpdate(issueResults, { args: [{ actor: 'window-1', delivery: { method: 'window' } }] });
    return h;
  },
  'replay-send-back-paused': async (env, taskQueue, caseNo, today) => {
    const step = (id: string) => ({
      id,
      departmentCode: id.toUpperCase(),
      limitWorkingDays: 5,
      assignees: [`${id}-1`],
    });
    const plan = planBuilder('paused')
      .onBranchReturn('pause')
      .accept()
      .parallel([(s) => s.department(step('p1')).department(step('p2')), (s) => s.department(step('q'))])
      .issue()
      .build();
    const h = await startCase(
      env,
      taskQueue,
      caseInput(plan, { caseNo, acceptedOn: today, calendar: calendarData, projections: 'activity' }),
    );
    await h.executeUpdate(approveStep, { args: [{ stepId: 'p1', actor: 'p1-1' }] });
    await h.executeUpdate(sendBack, {
      args: [{ stepId: 'p2', actor: 'p2-1', to: { kind: 'previous' }, reason: '需重新核查' }],
    });
    await env.sleep('2 days');
    await h.executeUpdate(approveStep, { args: [{ stepId: 'p1', actor: 'p1-1' }] });
    await h.executeUpdate(returnForSupplement, {
      args: [{ stepId: 'q', actor: 'q-1', materials: ['平面图'] }],
    });
    await h.executeUpdate(submitSupplement, { args: [{ stepId: 'q', actor: 'window-1' }] });
    for (const stepId of ['q', 'p2'])
      await h.executeUpdate(approveStep, { args: [{ stepId, actor: `${stepId}-1` }] });
    await h.executeUpdate(issueResults, { args: [{ actor: 'window-1', delivery: { method: 'window' } }] });
    return h;
  },
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
