export { recordAudit, type AuditInput } from './record-audit';
export { verifyAuditChain, type AuditChainReport } from './verify-audit-chain';
export { canonicalAuditContent, chainHash, genesisHash, type AuditContent } from './audit-hash';
export { maskDeep, maskPersonalData, maskPhone, maskResidentId, maskUscc } from './mask-personal-data';
