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
}

/** A fixed-order, unambiguous serialisation of an entry's content (v1: change the tag if fields change). */
export function canonicalAuditContent(content: AuditContent): string {
  return JSON.stringify(['v1', content.at.toISOString(), content.actorUserId, content.action, content.target, content.ip, content.requestId, content.payload]);
}

/** SHA-256 over the previous entry's hash and this entry's canonical content. */
export function chainHash(prevHash: string, content: AuditContent): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalAuditContent(content)).digest('hex');
}
