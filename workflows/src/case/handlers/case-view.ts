import { clockView } from '../clock/case-clock';
import type { CaseEngine } from '../engine/case-engine';
import type { CaseView, StepState, StepView } from '../engine/case-state';
import { pendingAssignees } from '../engine/step-reducer';
import { recallers } from './recall-checks';

/**
 * A step as the UI sees it: a closed step's clock is read at its closing time; `turn` names who may
 * decide now (依次审批: the one signer whose turn it is); `recallable` who may take back their decision now (撤回).
 */
export function stepView(engine: CaseEngine, step: StepState): StepView {
  const at = step.closedAt ? Date.parse(step.closedAt) : Date.now();
  const turn = step.status === 'open' ? pendingAssignees(step) : [];
  return {
    ...step,
    revision: step.revision ?? 0,
    clock: clockView(step.clock, engine.calendar, at),
    turn,
    recallable: recallers(engine, step),
  };
}

export function caseView(engine: CaseEngine): CaseView {
  const s = engine.state;
  const at = s.decidedAt ? Date.parse(s.decidedAt) : Date.now();
  const steps = Object.values(s.steps).map((step) => stepView(engine, step));
  const openDues = steps
    .flatMap((v) => (v.status === 'open' && v.clock.dueDate ? [v.clock.dueDate] : []))
    .sort();
  return {
    caseNo: s.caseNo,
    planKey: s.planKey,
    planHash: s.planHash,
    phase: s.phase,
    ...(s.outcome ? { outcome: s.outcome } : {}),
    steps,
    clocks: {
      statutory: clockView(s.clocks.statutory, engine.calendar, at),
      ...(s.clocks.promised ? { promised: clockView(s.clocks.promised, engine.calendar, at) } : {}),
      ...(s.clocks.issuance ? { issuance: clockView(s.clocks.issuance, engine.calendar, Date.now()) } : {}),
      suspended: s.clocks.suspendedBy.length > 0,
    },
    ...(openDues.length > 0 ? { slowestStepDue: openDues[openDues.length - 1] } : {}),
    refusals: s.refusals,
    certificates: s.certificates,
    ...(s.delivery ? { delivery: s.delivery } : {}),
    ...(s.planError ? { planError: s.planError } : {}),
    ...(s.gaps ? { gaps: s.gaps } : {}),
    history: s.history,
  };
}
