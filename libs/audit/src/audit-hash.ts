import crypto from 'node:crypto';

/** The prevHash of the first entry. */
export const genesisHash = '0'.repeat(64);

export interface AuditContent {
  at: Date;
  actorUserId: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  requestId: string | null;
  payload: string | null;
  /** The workflow event a worker entry records (`<caseNo>:<seq>`); null (or absent) for HTTP entries. */
  eventKey?: string | null;
}

/**
 * A fixed-order, unambiguous serialisation of an entry's content. v1: entries without an event key (every
 * entry written before the column existed, and HTTP entries); v2: the same fields followed by the event key.
 */
export function canonicalAuditContent(content: AuditContent): string {
  const v1 = [
    content.at.toISOString(),
    content.actorUserId,
    content.action,
    content.target,
    content.ip,
    content.requestId,
    content.payload,
  ];
  return content.eventKey == null
    ? JSON.stringify(['v1', ...v1])
    : JSON.stringify(['v2', ...v1, content.eventKey]);
}

/** SHA-256 over the previous entry's hash and this entry's canonical content. */
export function chainHash(prevHash: string, content: AuditContent): string {
  return crypto
    .createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalAuditContent(content))
    .digest('hex');
}
