import { recordAudit } from '@onewindow/audit';
import type { Db } from '@onewindow/db';
import type { ActivityBase } from '@onewindow/workflows';
import { eventSeq } from './event-key.util';

export interface WorkflowAuditEvent {
  /** The workflow event, e.g. `escalated_overdue`; stored as `workflow.<event>`. */
  event: string;
  /** Who decided: the user of a human decision, `system` for timers and automatic steps. */
  actor: string;
  stepId?: string;
  payload?: Record<string, unknown>;
}

/**
 * Appends one audit entry for a workflow event, keyed by the activity's idempotency key `<caseNo>:<seq>`:
 * a retried or repeated activity finds its entry and appends nothing. Called after the projection write,
 * so a failed append retries the whole (idempotent) activity. The payload is masked by recordAudit.
 */
export async function auditWorkflowEvent(db: Db, input: ActivityBase, e: WorkflowAuditEvent): Promise<void> {
  eventSeq(input.idempotencyKey, input.caseNo);
  await recordAudit(db, {
    action: `workflow.${e.event}`,
    actorUserId: e.actor,
    target: `case:${input.caseNo}`,
    payload: { ...(e.stepId ? { stepId: e.stepId } : {}), ...e.payload },
    at: new Date(input.at),
    eventKey: input.idempotencyKey,
  });
}
