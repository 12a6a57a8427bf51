// A case worker in a process of its own whose applicant messages go to a local SMTP server: the test that starts
// it (apps/worker/test/messaging/applicant-messages-restart.spec.ts) kills it (SIGKILL) in the middle of a send and
// starts another. Prints `ready` once polling.
//
// Run: node --import tsx apps/worker/test/messaging/support/messaging-worker.ts (DATABASE_URL, TEMPORAL_ADDRESS,
// TASK_QUEUE, SMTP_PORT).
import pino from 'pino';
import { createActivities } from '../../../src/activities/create-activities';
import { smtpMessenger } from '../../../src/messaging/applicant-messenger';
import { requiredEnv, runWorkerProcess } from '../../support/worker-process';

runWorkerProcess((db) => {
  const messenger = smtpMessenger({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: Number(requiredEnv('SMTP_PORT')),
    SMTP_FROM: '政务服务中心 <noreply@zwfw.example.gov.cn>',
  });
  return createActivities({
    db,
    logger: pino({ level: 'silent' }),
    messenger,
    centreName: '某某区政务服务中心',
  });
});
