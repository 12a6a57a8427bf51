import { caseVerbDefinitions, type CaseVerbRequest } from '@onewindow/contracts';
import type { ApproverVerb } from './approver-verbs';

/** What the verb forms hold (one shape for all; each verb reads its own fields). */
export interface VerbFormValues {
  comment?: string;
  reasons?: string;
  materials?: string[];
  otherMaterials?: string[];
  note?: string;
  kind?: CaseVerbRequest<'start_special_procedure'>['kind'];
  reason?: string;
  result?: string;
  days?: number;
  toKind?: 'previous' | 'step' | 'window';
  toStepId?: string;
  to?: string | string[];
  groupName?: string;
  signers?: string[];
  position?: CaseVerbRequest<'add_signers'>['position'];
  opinion?: CaseVerbRequest<'resolve_delegation'>['opinion'];
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const list = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The request body of a verb from its form. It is not checked here: the verb's contract checks it (so the
 * form's messages and the API's agree), and the API and the workflow decide.
 */
export function verbRequest(verb: ApproverVerb, stepId: string, v: VerbFormValues): Record<string, unknown> {
  switch (verb) {
    case 'approve':
      return { verb, stepId, comment: text(v.comment) };
    case 'refuse':
      return {
        verb,
        stepId,
        reasons: (v.reasons ?? '')
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean),
      };
    case 'return_for_supplement':
      return {
        verb,
        stepId,
        materials: [
          ...list(v.materials),
          ...list(v.otherMaterials)
            .map((m) => m.trim())
            .filter(Boolean),
        ],
        note: text(v.note),
      };
    case 'start_special_procedure':
      return { verb, stepId, kind: v.kind, reason: text(v.reason) ?? '' };
    case 'end_special_procedure':
      return { verb, stepId, result: text(v.result) };
    case 'request_extension':
      return { verb, stepId, days: v.days, reason: text(v.reason) ?? '' };
    case 'approve_extension':
      return { verb, stepId, reason: text(v.reason) };
    case 'send_back':
      return {
        verb,
        stepId,
        to: v.toKind === 'step' ? { kind: 'step', stepId: v.toStepId ?? '' } : { kind: v.toKind },
        reason: text(v.reason) ?? '',
      };
    case 'transfer':
      return { verb, stepId, to: list(v.to), groupName: text(v.groupName), reason: text(v.reason) ?? '' };
    case 'delegate':
      return { verb, stepId, to: list(v.to)[0] ?? '', reason: text(v.reason) ?? '' };
    case 'resolve_delegation':
      return { verb, stepId, opinion: v.opinion, comment: text(v.comment) ?? '' };
    case 'add_signers':
      return { verb, stepId, signers: list(v.signers), position: v.position, reason: text(v.reason) ?? '' };
    case 'remove_signers':
      return { verb, stepId, signers: list(v.signers), reason: text(v.reason) ?? '' };
    case 'copy_to':
      return { verb, stepId, to: list(v.to), note: text(v.note) };
    case 'claim':
      return { verb, stepId };
    case 'unclaim':
    case 'recall':
      return { verb, stepId, reason: text(v.reason) };
    case 'assign':
      return { verb, stepId, to: list(v.to)[0] ?? '', reason: text(v.reason) };
  }
}

/**
 * The request with the step revision the page showed (`expectedRevision`), for every verb whose contract
 * takes it: the workflow then refuses an action from a stale page, and nothing changes.
 */
export function withRevision(
  verb: ApproverVerb,
  request: Record<string, unknown>,
  revision: number,
): Record<string, unknown> {
  const shape = (caseVerbDefinitions[verb].request as { shape?: Record<string, unknown> }).shape;
  return shape && 'expectedRevision' in shape ? { ...request, expectedRevision: revision } : request;
}

/** The form field that shows a contract issue at `path`. */
export function fieldOfIssue(verb: ApproverVerb, path: PropertyKey[]): string {
  const [first, second] = path;
  if (verb === 'send_back' && first === 'to') return second === 'stepId' ? 'toStepId' : 'toKind';
  return typeof first === 'string' ? first : 'reason';
}
