import type { Db } from '@onewindow/db';
import type { CaseActivities } from '@onewindow/workflows';
import type { Logger } from 'pino';
import { completeCase } from './case-completion';
import { issueCertificate, runAutomaticStep } from './certificate-library';
import { recordClockEvent, recordEscalation, recordReminder } from './clock-projection';
import { recordDecision } from './decision-projection';
import { loadCalendar } from './load-calendar';
import { closeTask, openTask, setTaskHolders } from './task-projection';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
}

/**
 * Activity factory: the case workflow's side effects over Prisma. Every write is keyed by the
 * workflow's (caseNo, event sequence) or (caseNo, stepId, generation), so a retry changes nothing.
 */
export function createActivities({ db, logger }: ActivityDeps): CaseActivities {
  return {
    loadCalendar: (input) => loadCalendar(db, logger, input),
    openTask: async (input) => {
      await openTask(db, input);
      logger.info({ caseNo: input.caseNo, stepId: input.stepId, departmentCode: input.departmentCode, dueDate: input.dueDate }, 'task opened');
    },
    closeTask: (input) => closeTask(db, input),
    setTaskHolders: (input) => setTaskHolders(db, input),
    recordDecision: (input) => recordDecision(db, input),
    recordClockEvent: (input) => recordClockEvent(db, input),
    sendReminder: async (input) => {
      await recordReminder(db, input);
      logger.info({ caseNo: input.caseNo, stepId: input.stepId, assignees: input.assignees, dueDate: input.dueDate, left: input.remainingWorkingDays }, 'reminder sent');
    },
    escalateOverdue: async (input) => {
      await recordEscalation(db, input);
      logger.warn({ caseNo: input.caseNo, stepId: input.stepId, departmentCode: input.departmentCode, dueDate: input.dueDate }, 'overdue step escalated to the department lead');
    },
    runAutomaticStep: (input) => runAutomaticStep(db, input),
    issueCertificate: (input) => issueCertificate(db, input),
    completeCase: async (input) => {
      await completeCase(db, input);
      logger.info({ caseNo: input.caseNo, outcome: input.outcome }, 'case completed');
    },
  };
}
