import { setHandler } from '@temporalio/workflow';
import type { StepAction } from '@onewindow/flow-model';
import type { z } from 'zod';
import type { CaseEngine } from './case-engine';
import * as m from './case-messages';
import * as v from './case-validators';
import { applyVote, type Vote } from './step-reducer';
import { caseView, stepView } from './case-view';
import { issueAtWindow, withdraw } from './case-closing';
import { refreshTaskHolders } from './case-work-nodes';
import { registerClockHandlers } from './case-clock-handlers';
import { registerPeopleHandlers } from './case-people-handlers';
import { registerReturnHandlers } from './case-return-handlers';

export type RecordDecision = (
  stepId: string,
  action: string,
  actor: string,
  details: Record<string, unknown>,
) => Promise<void>;
export type CanAct = (
  schema: z.ZodType<{ stepId: string; actor: string }>,
  action: StepAction,
) => (raw: unknown) => void;

const UPDATES = [
  m.approveStep,
  m.refuseStep,
  m.returnForSupplement,
  m.submitSupplement,
  m.startSpecialProcedure,
  m.endSpecialProcedure,
  m.requestExtension,
  m.approveExtension,
  m.withdrawCase,
  m.issueResults,
  m.refreshCalendar,
  m.sendBack,
  m.resubmitFromWindow,
  m.transferTask,
  m.delegateTask,
  m.resolveDelegation,
  m.addSigners,
  m.removeSigners,
  m.copyTo,
] as const;

/**
 * Registered at the very start, before the calendar is loaded and the first steps open: an Update (or
 * query) in that window gets a clear, retryable answer instead of "No registered handler". Their
 * validators always reject, so nothing reaches history; `registerCaseHandlers` replaces them.
 */
export function registerStartingHandlers(caseNo: string): void {
  const starting = (_payload?: unknown): never => {
    throw new Error(
      `case ${caseNo} is still starting (loading its working calendar and opening the first steps); retry in a moment`,
    );
  };
  for (const update of UPDATES)
    setHandler(update as unknown as typeof m.approveStep, starting, { validator: starting });
  setHandler(m.caseStateQuery, starting);
}

/** Registers every Update (validator first: an invalid one is rejected before it reaches history) and the query. */
export function registerCaseHandlers(engine: CaseEngine): void {
  const s = engine.state;
  const record: RecordDecision = (stepId, action, actor, details) => {
    engine.log(actor, action, stepId, details);
    return engine.acts.recordDecision({ ...engine.base(), stepId, action, actor, details });
  };

  const canAct: CanAct =
    (schema, action) =>
    (raw: unknown): void => {
      const p = m.parsePayload(schema, raw);
      v.assertCanAct(s, p.stepId, p.actor, action);
    };

  setHandler(m.caseStateQuery, () => caseView(engine));
  registerClockHandlers(engine, { record, canAct });
  registerReturnHandlers(engine, record);
  registerPeopleHandlers(engine, record);

  /** One approver's vote: record it, close the step if the countersign rule now decides, else hand the task row on. */
  const vote = async (
    p: { stepId: string; actor: string },
    ballot: Omit<Vote, 'actor' | 'at'>,
    action: string,
    details: Record<string, unknown>,
  ) => {
    const before = s.steps[p.stepId];
    const step = applyVote(before, { ...ballot, actor: p.actor, at: engine.nowIso() });
    s.steps[p.stepId] = step;
    const recorded = record(p.stepId, action, p.actor, details);
    await Promise.all([recorded, engine.closeStep(step), refreshTaskHolders(engine, before, step)]);
    return stepView(engine, s.steps[p.stepId]);
  };

  setHandler(
    m.approveStep,
    (raw) => {
      const p = m.parsePayload(m.approveStepSchema, raw);
      const comment = p.comment ? { comment: p.comment } : {};
      return vote(p, { decision: 'approved', ...comment }, 'approve', comment);
    },
    { validator: canAct(m.approveStepSchema, 'approve') },
  );

  setHandler(
    m.refuseStep,
    (raw) => {
      const p = m.parsePayload(m.refuseStepSchema, raw);
      return vote(p, { decision: 'refused', reasons: p.reasons }, 'refuse', { reasons: p.reasons });
    },
    { validator: canAct(m.refuseStepSchema, 'refuse') },
  );

  setHandler(m.withdrawCase, (raw) => withdraw(engine, m.parsePayload(m.withdrawCaseSchema, raw)), {
    validator: (raw) => {
      m.parsePayload(m.withdrawCaseSchema, raw);
      v.assertInReview(s);
    },
  });

  setHandler(m.issueResults, (raw) => issueAtWindow(engine, m.parsePayload(m.issueResultsSchema, raw)), {
    validator: (raw) => {
      m.parsePayload(m.issueResultsSchema, raw);
      if (s.phase !== 'awaiting_issuance')
        throw new Error(`case ${s.caseNo} is ${s.phase.replace('_', ' ')}: nothing to issue`);
    },
  });
}
