import { shanghaiDate, startClock } from '../clock/case-clock';
import type { CaseEngine } from './case-engine';
import type { IssueResults, WithdrawCase } from '../handlers/case-messages';
import type { ActivityCall, CaseState, CaseView, IssueSummary, Transition } from './case-state';
import { caseView } from '../handlers/case-view';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Reducer: the plan reached its issue node at `now`: the case is decided (refused if any step or
 * automatic check refused) and waits at the window under the Art. 44 issuance clock.
 */
export function issuancePhase(
  state: Pick<CaseState, 'refusals'>,
  limitWorkingDays: number,
  now: number,
  countStartDay?: boolean,
): Transition & { calls: [ActivityCall] } {
  const outcome = state.refusals.length > 0 ? 'refused' : 'approved';
  return {
    fields: { phase: 'awaiting_issuance', outcome, decidedAt: iso(now) },
    clocks: {
      issuance: startClock(
        shanghaiDate(now),
        { value: limitWorkingDays, unit: 'working_day' },
        countStartDay,
      ),
    },
    history: [{ actor: 'system', action: 'awaiting_issuance', details: { outcome } }],
    calls: [{ name: 'recordClockEvent', input: { clock: 'issuance', event: 'started' }, dueOf: 'issuance' }],
  };
}

/** Reducer: 撤回 at `now` — the case ends withdrawn (its open work is cancelled by the engine). */
export function withdrawal(p: WithdrawCase, now: number): Transition & { calls: [ActivityCall] } {
  return {
    fields: { phase: 'withdrawn', outcome: 'withdrawn', decidedAt: iso(now) },
    history: [{ actor: p.actor, action: 'withdrawn', details: { by: p.by, reason: p.reason } }],
    calls: [
      {
        name: 'recordDecision',
        input: { action: 'withdraw', actor: p.actor, details: { by: p.by, reason: p.reason } },
      },
    ],
  };
}

/** 撤回: cancels every open step and ends the case. */
export async function withdraw(engine: CaseEngine, p: WithdrawCase): Promise<CaseView> {
  const t = withdrawal(p, Date.now());
  engine.apply(t);
  const decision = engine.call(t.calls[0]);
  await Promise.all([decision, engine.cancelOpenWork(`withdrawn by the ${p.by}: ${p.reason}`)]);
  await engine.acts.completeCase({ ...engine.base(), outcome: 'withdrawn', reasons: [] });
  return caseView(engine);
}

/** 统一出件: every approved step with a result becomes a certificate; delivery is recorded; the case completes. */
export async function issueAtWindow(engine: CaseEngine, p: IssueResults): Promise<IssueSummary> {
  const s = engine.state;
  const outcome = s.outcome === 'refused' ? 'refused' : 'approved';
  engine.apply({
    fields: { phase: 'completed', delivery: p.delivery },
    history: [{ actor: p.actor, action: 'issued', details: { outcome, delivery: p.delivery } }],
  });
  const on = engine.today();
  const issuing = engine.run.plan.nodes.flatMap((node) => {
    const step = s.steps[node.id];
    if (outcome !== 'approved' || node.type !== 'department' || !node.result || step?.status !== 'approved')
      return [];
    const result = node.result;
    return [
      engine.acts
        .issueCertificate({
          ...engine.base(),
          stepId: node.id,
          ...(step.itemCode ? { itemCode: step.itemCode } : {}),
          certificateTypeCode: result.certificateTypeCode,
          name: result.name,
          issuedBy: p.actor,
          on,
        })
        .then(({ certificateNo }) => ({
          stepId: node.id,
          certificateNo,
          certificateTypeCode: result.certificateTypeCode,
        })),
    ];
  });
  // The case is finished by now, so this transition's version bump wakes nothing.
  engine.apply({ fields: { certificates: await Promise.all(issuing) } });
  await engine.acts.recordClockEvent({ ...engine.base(), clock: 'issuance', event: 'stopped' });
  await engine.acts.completeCase({ ...engine.base(), outcome, reasons: s.refusals, delivery: p.delivery });
  engine.completeNode(engine.run.activeNodes(s.run).find((n) => n.type === 'issue')!.id, 'completed');
  return { caseNo: s.caseNo, outcome, certificates: s.certificates, refusals: s.refusals };
}
