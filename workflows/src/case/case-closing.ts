import type { CaseEngine } from './case-engine';
import type { IssueResults, WithdrawCase } from './case-messages';
import type { CaseView, IssueSummary } from './case-state';
import { caseView } from './case-view';

/** 撤回: cancels every open step and ends the case. */
export async function withdraw(engine: CaseEngine, p: WithdrawCase): Promise<CaseView> {
  const s = engine.state;
  s.phase = 'withdrawn';
  s.outcome = 'withdrawn';
  s.decidedAt = engine.nowIso();
  engine.log(p.actor, 'withdrawn', undefined, { by: p.by, reason: p.reason });
  const decision = engine.acts.recordDecision({
    ...engine.base(),
    action: 'withdraw',
    actor: p.actor,
    details: { by: p.by, reason: p.reason },
  });
  await Promise.all([decision, engine.cancelOpenWork(`withdrawn by the ${p.by}: ${p.reason}`)]);
  await engine.acts.completeCase({ ...engine.base(), outcome: 'withdrawn', reasons: [] });
  return caseView(engine);
}

/** 统一出件: every approved step with a result becomes a certificate; delivery is recorded; the case completes. */
export async function issueAtWindow(engine: CaseEngine, p: IssueResults): Promise<IssueSummary> {
  const s = engine.state;
  const outcome = s.outcome === 'refused' ? 'refused' : 'approved';
  s.phase = 'completed';
  s.delivery = p.delivery;
  engine.log(p.actor, 'issued', undefined, { outcome, delivery: p.delivery });
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
  s.certificates = await Promise.all(issuing);
  await engine.acts.recordClockEvent({ ...engine.base(), clock: 'issuance', event: 'stopped' });
  await engine.acts.completeCase({ ...engine.base(), outcome, reasons: s.refusals, delivery: p.delivery });
  engine.completeNode(engine.run.activeNodes(s.run).find((n) => n.type === 'issue')!.id, 'completed');
  return { caseNo: s.caseNo, outcome, certificates: s.certificates, refusals: s.refusals };
}
