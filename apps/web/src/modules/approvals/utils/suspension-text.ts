import type { TFunction } from 'i18next';
import type { ApproverStep } from './approver-step';

/** What stopped a step's clock, in the user's language: 补正 or the procedure's name, then the reason. */
export function suspensionText(
  t: TFunction,
  suspension: NonNullable<ApproverStep['suspension']>,
): {
  kind: string;
  reason: string;
} {
  const kind =
    suspension.kind === 'special_procedure' && suspension.procedure
      ? t(`approvals.procedures.${suspension.procedure}`, { defaultValue: suspension.procedure })
      : t(`approvals.caseFile.suspensionKinds.${suspension.kind}`, { defaultValue: suspension.kind });
  // The workflow's reason starts with its own kind ("补正: …", "inspection: …").
  return { kind, reason: suspension.reason.replace(/^[^:：]+[:：]\s*/, '') };
}
