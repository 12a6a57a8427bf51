import { inOneTransaction, type Db } from '@onewindow/db';
import { runProjectionWrites, type CaseActivities, type OpenTaskInput } from '@onewindow/workflows';
import type { Logger } from 'pino';
import { completeCase } from './case-completion';
import { issueCertificate, runAutomaticStep } from './certificate-library';
import {
  escalationRoute,
  recordClockEvent,
  recordEscalation,
  recordReminder,
  reminderRecipients,
} from './clock-projection';
import { recordDecision } from './decision-projection';
import { loadCalendar } from './load-calendar';
import { closeTask, openTask, openTasks, setTaskHolders } from './task-projection';
import { auditWorkflowEvent } from './workflow-audit';
import { sendApplicantMessage } from '../messaging/applicant-messages';
import { logMessenger, type ApplicantMessenger } from '../messaging/applicant-messenger';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  /** The applicant's message channel (APPLICANT_MESSAGE_CHANNEL); the log channel when absent. */
  messenger?: ApplicantMessenger;
  /** CENTRE_NAME, for the applicant's messages. */
  centreName?: string;
}

/**
 * Activity factory: the case workflow's side effects over Prisma. Every write is keyed by the
 * workflow's (caseNo, event sequence) or (caseNo, stepId, generation), so a retry changes nothing.
 * Every workflow decision (recorded decisions, reminders, escalations, automatic steps, cancelled
 * steps, certificates, completion) is also appended to the audit chain once, keyed by `<caseNo>:<seq>`.
 */
export function createActivities({ db, logger, messenger, centreName }: ActivityDeps): CaseActivities {
  const logOpened = (input: OpenTaskInput) =>
    logger.info(
      {
        caseNo: input.caseNo,
        stepId: input.stepId,
        departmentCode: input.departmentCode,
        dueDate: input.dueDate,
      },
      'task opened',
    );
  const activities: CaseActivities = {
    // A projection batch (`local-serial` and `activity-serial` cases): the same writes below, one after another,
    // in one transaction — each write's own transaction (the audit append, task holders) joins it; the steps one
    // workflow task opened are written together. A failed batch leaves nothing behind and is retried whole
    // (every write is keyed).
    writeProjections: (batch) =>
      inOneTransaction(db, (tx) =>
        runProjectionWrites(createActivities({ db: tx, logger }), batch, {
          openTasks: async (inputs) => {
            await openTasks(tx, inputs);
            inputs.forEach(logOpened);
          },
        }),
      ),
    loadCalendar: (input) => loadCalendar(db, logger, input),
    sendApplicantMessage: (input) =>
      sendApplicantMessage(
        {
          db,
          logger,
          messenger: messenger ?? logMessenger(logger),
          centreName: centreName ?? '政务服务中心',
        },
        input,
      ),
    openTask: async (input) => {
      await openTask(db, input);
      logOpened(input);
    },
    closeTask: async (input) => {
      await closeTask(db, input);
      // Decided, returned and superseded rows follow a human decision audited by recordDecision; a cancellation is the workflow's own.
      if (input.status === 'cancelled')
        await auditWorkflowEvent(db, input, {
          event: 'step_cancelled',
          actor: 'system',
          stepId: input.stepId,
          payload: { generation: input.generation },
        });
    },
    setTaskHolders: (input) => setTaskHolders(db, input),
    recordDecision: async (input) => {
      await recordDecision(db, input);
      await auditWorkflowEvent(db, input, {
        event: input.action,
        actor: input.actor,
        ...(input.stepId ? { stepId: input.stepId } : {}),
        payload: { details: input.details },
      });
    },
    recordClockEvent: (input) => recordClockEvent(db, input),
    sendReminder: async (input) => {
      // A role group seat reaches its members.
      const recipients = await reminderRecipients(db, input.assignees);
      await recordReminder(db, input, recipients);
      const { departmentCode, assignees, dueDate, remainingWorkingDays, on } = input;
      await auditWorkflowEvent(db, input, {
        event: 'reminder_sent',
        actor: 'system',
        stepId: input.stepId,
        payload: { departmentCode, assignees, recipients, dueDate, remainingWorkingDays, on },
      });
      logger.info(
        {
          caseNo: input.caseNo,
          stepId: input.stepId,
          assignees: input.assignees,
          recipients,
          dueDate: input.dueDate,
          left: input.remainingWorkingDays,
        },
        'reminder sent',
      );
    },
    escalateOverdue: async (input) => {
      const route = await escalationRoute(db, input);
      await recordEscalation(db, input, route);
      const { dueDate, on } = input;
      await auditWorkflowEvent(db, input, {
        event: 'escalated_overdue',
        actor: 'system',
        stepId: input.stepId,
        payload: { ...route, dueDate, on },
      });
      logger.warn(
        {
          caseNo: input.caseNo,
          stepId: input.stepId,
          departmentCode: route.departmentCode,
          leads: route.leads,
          dueDate: input.dueDate,
        },
        'overdue step escalated to the department lead',
      );
    },
    runAutomaticStep: async (input) => {
      const result = await runAutomaticStep(db, input);
      // A retry may see another library state: the first attempt's entry stays (one entry per event).
      const payload = { task: input.task, reasons: result.reasons ?? [] };
      await auditWorkflowEvent(db, input, {
        event: `automatic_step_${result.outcome}`,
        actor: 'system',
        stepId: input.stepId,
        payload,
      });
      return result;
    },
    issueCertificate: async (input) => {
      const issued = await issueCertificate(db, input);
      const payload = {
        certificateTypeCode: input.certificateTypeCode,
        certificateNo: issued.certificateNo,
        on: input.on,
      };
      await auditWorkflowEvent(db, input, {
        event: 'certificate_issued',
        actor: input.issuedBy,
        stepId: input.stepId,
        payload,
      });
      return issued;
    },
    completeCase: async (input) => {
      await completeCase(db, input);
      // The delivery address stays in the case file; the method is enough for the audit.
      const payload = {
        outcome: input.outcome,
        reasons: input.reasons,
        ...(input.delivery ? { delivery: input.delivery.method } : {}),
      };
      await auditWorkflowEvent(db, input, { event: 'case_completed', actor: 'system', payload });
      logger.info({ caseNo: input.caseNo, outcome: input.outcome }, 'case completed');
    },
  };
  return activities;
}
