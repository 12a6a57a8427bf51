import { setHandler } from '@temporalio/workflow';
import type { StepAction } from '@onewindow/flow-model';
import type { z } from 'zod';
import type { CaseEngine } from './case-engine';
import * as m from './case-messages';
import * as v from './case-validators';
import { extendStep, resumeStep, suspendStep } from './case-suspensions';
import { applyVote } from './step-reducer';
import { caseView, stepView } from './case-view';
import { issueAtWindow, withdraw } from './case-closing';
import { refreshCaseCalendar } from './case-calendar';

/** Registers every Update (validator first: an invalid one is rejected before it reaches history) and the query. */
export function registerCaseHandlers(engine: CaseEngine): void {
  const s = engine.state;
  const record = (stepId: string, action: string, actor: string, details: Record<string, unknown>) => {
    engine.log(actor, action, stepId, details);
    return engine.acts.recordDecision({ ...engine.base(), stepId, action, actor, details });
  };

  const canAct =
    (schema: z.ZodType<{ stepId: string; actor: string }>, action: StepAction) =>
    (raw: unknown): void => {
      const p = m.parsePayload(schema, raw);
      v.assertCanAct(s, p.stepId, p.actor, action);
    };

  setHandler(m.caseStateQuery, () => caseView(engine));

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

  setHandler(
    m.returnForSupplement,
    async (raw) => {
      const p = m.parsePayload(m.returnForSupplementSchema, raw);
      const note = p.materials.join('、');
      const suspension = { kind: 'supplement' as const, clockReason: { kind: 'supplement' as const, note }, since: engine.nowIso(), by: p.actor, reason: `补正: ${note}`, materials: p.materials };
      const suspended = suspendStep(engine, s.steps[p.stepId], suspension);
      await Promise.all([suspended, record(p.stepId, 'return_for_supplement', p.actor, { materials: p.materials, note: p.note })]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: canAct(m.returnForSupplementSchema, 'return_for_supplement') },
  );

  setHandler(
    m.submitSupplement,
    async (raw) => {
      const p = m.parsePayload(m.submitSupplementSchema, raw);
      const resumed = resumeStep(engine, s.steps[p.stepId]);
      await Promise.all([resumed, record(p.stepId, 'supplement_submitted', p.actor, { materials: p.materials ?? [] })]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: (raw) => void v.assertSuspendedFor(s, m.parsePayload(m.submitSupplementSchema, raw).stepId, 'supplement') },
  );

  setHandler(
    m.startSpecialProcedure,
    async (raw) => {
      const p = m.parsePayload(m.startSpecialProcedureSchema, raw);
      const suspension = {
        kind: 'special_procedure' as const,
        clockReason: { kind: p.kind, note: p.reason },
        since: engine.nowIso(),
        by: p.actor,
        reason: `${p.kind}: ${p.reason}`,
        procedure: p.kind,
      };
      const suspended = suspendStep(engine, s.steps[p.stepId], suspension);
      await Promise.all([suspended, record(p.stepId, 'special_procedure_started', p.actor, { kind: p.kind, reason: p.reason })]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: canAct(m.startSpecialProcedureSchema, 'special_procedure') },
  );

  setHandler(
    m.endSpecialProcedure,
    async (raw) => {
      const p = m.parsePayload(m.endSpecialProcedureSchema, raw);
      const resumed = resumeStep(engine, s.steps[p.stepId]);
      await Promise.all([resumed, record(p.stepId, 'special_procedure_ended', p.actor, { result: p.result })]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: (raw) => void v.assertSuspendedFor(s, m.parsePayload(m.endSpecialProcedureSchema, raw).stepId, 'special_procedure') },
  );

  setHandler(
    m.requestExtension,
    async (raw) => {
      const p = m.parsePayload(m.requestExtensionSchema, raw);
      s.steps[p.stepId] = { ...s.steps[p.stepId], pendingExtension: { days: p.days, reason: p.reason, requestedBy: p.actor, at: engine.nowIso() } };
      await record(p.stepId, 'extension_requested', p.actor, { days: p.days, reason: p.reason });
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.requestExtensionSchema, raw);
        const step = v.assertCanAct(s, p.stepId, p.actor, 'request_extension');
        if (step.pendingExtension) throw new Error(`step "${step.stepId}" already has an extension request waiting for approval`);
      },
    },
  );

  setHandler(
    m.approveExtension,
    async (raw) => {
      const p = m.parsePayload(m.approveExtensionSchema, raw);
      const reason = p.reason?.trim() || s.steps[p.stepId].pendingExtension!.reason;
      const extended = extendStep(engine, s.steps[p.stepId], p.approvedBy, reason);
      await Promise.all([extended, record(p.stepId, 'extension_approved', p.approvedBy, { reason })]);
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.approveExtensionSchema, raw);
        v.assertExtensionApprovable(s, p.stepId, p.approvedBy);
      },
    },
  );

  setHandler(m.withdrawCase, (raw) => withdraw(engine, m.parsePayload(m.withdrawCaseSchema, raw)), {
    validator: (raw) => {
      m.parsePayload(m.withdrawCaseSchema, raw);
      v.assertInReview(s);
    },
  });

  setHandler(
    m.refreshCalendar,
    (raw) => {
      const p = m.parsePayload(m.refreshCalendarSchema, raw);
      return refreshCaseCalendar(engine, p.actor, p.calendar);
    },
    {
      validator: (raw) => {
        m.parsePayload(m.refreshCalendarSchema, raw);
        if (engine.finished) throw new Error(`case ${s.caseNo} is ${s.phase}: its clocks are closed`);
      },
    },
  );

  setHandler(m.issueResults, (raw) => issueAtWindow(engine, m.parsePayload(m.issueResultsSchema, raw)), {
    validator: (raw) => {
      m.parsePayload(m.issueResultsSchema, raw);
      if (s.phase !== 'awaiting_issuance') throw new Error(`case ${s.caseNo} is ${s.phase.replace('_', ' ')}: nothing to issue`);
    },
  });
}
