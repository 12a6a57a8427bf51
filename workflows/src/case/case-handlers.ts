import { setHandler } from '@temporalio/workflow';
import type { StepAction } from '@onewindow/flow-model';
import type { z } from 'zod';
import type { CaseEngine } from './case-engine';
import * as m from './case-messages';
import * as v from './case-validators';
import { applyVote } from './step-reducer';
import { caseView, stepView } from './case-view';
import { issueAtWindow, withdraw } from './case-closing';
import { registerClockHandlers } from './case-clock-handlers';

export type RecordDecision = (stepId: string, action: string, actor: string, details: Record<string, unknown>) => Promise<void>;
export type CanAct = (schema: z.ZodType<{ stepId: string; actor: string }>, action: StepAction) => (raw: unknown) => void;

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

  setHandler(
    m.approveStep,
    async (raw) => {
      const p = m.parsePayload(m.approveStepSchema, raw);
      const step = applyVote(s.steps[p.stepId], { actor: p.actor, decision: 'approved', at: engine.nowIso(), ...(p.comment ? { comment: p.comment } : {}) });
      s.steps[p.stepId] = step;
      const recorded = record(p.stepId, 'approve', p.actor, p.comment ? { comment: p.comment } : {});
      await Promise.all([recorded, engine.closeStep(step)]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: canAct(m.approveStepSchema, 'approve') },
  );

  setHandler(
    m.refuseStep,
    async (raw) => {
      const p = m.parsePayload(m.refuseStepSchema, raw);
      const step = applyVote(s.steps[p.stepId], { actor: p.actor, decision: 'refused', at: engine.nowIso(), reasons: p.reasons });
      s.steps[p.stepId] = step;
      const recorded = record(p.stepId, 'refuse', p.actor, { reasons: p.reasons });
      await Promise.all([recorded, engine.closeStep(step)]);
      return stepView(engine, s.steps[p.stepId]);
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
      if (s.phase !== 'awaiting_issuance') throw new Error(`case ${s.caseNo} is ${s.phase.replace('_', ' ')}: nothing to issue`);
    },
  });
}
