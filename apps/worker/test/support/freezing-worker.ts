// A case worker in a process of its own that freezes itself (SIGSTOP, as `kill -STOP` does) right after the first
// projection write that closes an approved task, before that write's activity returns. The test that starts it
// (apps/e2e/src/cases/projection-repair.spec.ts) sends SIGCONT once the fault has had its effect: the workflow
// task timed out (a local write belonged to an attempt that did not commit) or the write's regular activity is
// in flight (scheduled by a committed workflow task). Prints `ready` once polling, `frozen` just before it stops.
//
// Run: node --import tsx apps/worker/test/support/freezing-worker.ts (DATABASE_URL, TEMPORAL_ADDRESS, TASK_QUEUE).
import pino from 'pino';
import type { ProjectionBatch } from '@onewindow/workflows';
import { createActivities } from '../../src/activities/create-activities';
import { runWorkerProcess } from './worker-process';

runWorkerProcess((db) => {
  const activities = createActivities({ db, logger: pino({ level: 'silent' }) });
  let frozen = false;
  const freezeAfterClose = async (batch: ProjectionBatch): Promise<unknown[]> => {
    const results = await activities.writeProjections(batch);
    const closes = batch.writes.some((w) => w.name === 'closeTask' && w.input.status === 'approved');
    if (closes && !frozen) {
      frozen = true;
      process.stdout.write('frozen\n');
      process.kill(process.pid, 'SIGSTOP');
    }
    return results;
  };
  return { ...activities, writeProjections: freezeAfterClose };
});
