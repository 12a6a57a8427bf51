import { setHandler } from '@temporalio/workflow';
import { refreshCaseCalendar } from './case-calendar';
import type { CaseEngine } from './case-engine';
import type { CanAct, RecordDecision } from './case-handlers';
import * as m from './case-messages';
import { pauseSiblings, releasePauses } from './case-holds';
import { extendStep, resumeStep, suspendStep } from './case-suspensions';
import * as v from './case-validators';
import { stepView } from './case-view';

/** Updates that move clocks: 补正, Art. 45 special procedures, extensions, calendar refresh. */
export function registerClockHandlers(
  engine: CaseEngine,
  { record, canAct }: { record: RecordDecision; canAct: CanAct },
): void {
  const s = engine.state;

  setHandler(
    m.returnForSupplement,
    async (raw) => {
      const p = m.parsePayload(m.returnForSupplementSchema, raw);
      const note = p.materials.join('、');
      const suspension = {
        kind: 'supplement' as const,
        clockReason: { kind: 'supplement' as const, note },
        since: engine.nowIso(),
        by: p.actor,
        reason: `补正: ${note}`,
        materials: p.materials,
      };
      const suspended = suspendStep(engine, s.steps[p.stepId], suspension);
      // Partial return: only this branch waits for the applicant; the others continue or pause, per plan.
      const paused = pauseSiblings(engine, p.stepId, 'supplement', p.actor);
      await Promise.all([
        suspended,
        paused,
        record(p.stepId, 'return_for_supplement', p.actor, { materials: p.materials, note: p.note }),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: canAct(m.returnForSupplementSchema, 'return_for_supplement') },
  );

  setHandler(
    m.submitSupplement,
    async (raw) => {
      const p = m.parsePayload(m.submitSupplementSchema, raw);
      const resumed = resumeStep(engine, s.steps[p.stepId]);
      const released = releasePauses(engine, (x) => x.cause === p.stepId && x.until === 'supplement');
      await Promise.all([
        resumed,
        released,
        record(p.stepId, 'supplement_submitted', p.actor, { materials: p.materials ?? [] }),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) =>
        void v.assertSuspendedFor(s, m.parsePayload(m.submitSupplementSchema, raw).stepId, 'supplement'),
    },
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
      await Promise.all([
        suspended,
        record(p.stepId, 'special_procedure_started', p.actor, { kind: p.kind, reason: p.reason }),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: canAct(m.startSpecialProcedureSchema, 'special_procedure') },
  );

  setHandler(
    m.endSpecialProcedure,
    async (raw) => {
      const p = m.parsePayload(m.endSpecialProcedureSchema, raw);
      const resumed = resumeStep(engine, s.steps[p.stepId]);
      await Promise.all([
        resumed,
        record(p.stepId, 'special_procedure_ended', p.actor, { result: p.result }),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) =>
        void v.assertSuspendedFor(
          s,
          m.parsePayload(m.endSpecialProcedureSchema, raw).stepId,
          'special_procedure',
        ),
    },
  );

  setHandler(
    m.requestExtension,
    async (raw) => {
      const p = m.parsePayload(m.requestExtensionSchema, raw);
      s.steps[p.stepId] = {
        ...s.steps[p.stepId],
        pendingExtension: { days: p.days, reason: p.reason, requestedBy: p.actor, at: engine.nowIso() },
      };
      await record(p.stepId, 'extension_requested', p.actor, { days: p.days, reason: p.reason });
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.requestExtensionSchema, raw);
        const step = v.assertCanAct(s, p.stepId, p.actor, 'request_extension');
        if (step.pendingExtension)
          throw new Error(`step "${step.stepId}" already has an extension request waiting for approval`);
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
}
