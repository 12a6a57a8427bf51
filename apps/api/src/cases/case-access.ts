import type { Request } from 'express';
import type { ApiDeps } from '../api-deps';
import type { AccessResource } from '../auth/access-policy';
import { notFound } from '../http/problem';
import { caseNoSchema } from '@onewindow/contracts';

/** Case numbers are checked before any look-up, so a malformed one is a plain 404. */
export function caseNoOf(raw: unknown): string {
  const parsed = caseNoSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No case ${String(raw)}: case numbers look like YC20261122000123`);
  return parsed.data;
}

/**
 * The departments a case belongs to, for authorize(): the window that accepted it and every department
 * that works on it (its items' departments and any department holding one of its tasks); and the people
 * it was copied to (抄送), who may read it masked and read-only.
 */
export const caseResource =
  ({ db }: Pick<ApiDeps, 'db'>) =>
  async (req: Request): Promise<AccessResource> => {
    const caseNo = caseNoOf(req.params.caseNo);
    // One raw statement instead of six model queries: this runs on every request about a case (docs/decisions/0007).
    const rows = await db.$queryRaw<
      {
        part: 'case' | 'department' | 'task' | 'copy';
        departmentCode: string | null;
        stepId: string | null;
        userId: string | null;
      }[]
    >`
      SELECT 'case' AS "part", NULL AS "departmentCode", NULL AS "stepId", NULL AS "userId" FROM "Case" c WHERE c."caseNo" = ${caseNo}
      UNION ALL SELECT 'department', u."departmentCode", NULL, NULL FROM "Case" c JOIN "User" u ON u."id" = c."acceptedBy" WHERE c."caseNo" = ${caseNo}
      UNION ALL SELECT 'department', c."windowDepartmentCode", NULL, NULL FROM "Case" c WHERE c."caseNo" = ${caseNo} AND c."windowDepartmentCode" IS NOT NULL
      UNION ALL SELECT 'department', i."departmentCode", NULL, NULL FROM "CaseItem" ci
        JOIN "Item" i ON i."implementationCode" = ci."implementationCode" AND i."version" = ci."itemVersion" WHERE ci."caseNo" = ${caseNo}
      UNION ALL SELECT 'task', t."departmentCode", t."stepId", NULL FROM "Task" t WHERE t."caseNo" = ${caseNo}
      UNION ALL SELECT 'copy', NULL, cc."stepId", cc."userId" FROM "CaseCopy" cc WHERE cc."caseNo" = ${caseNo}`;
    if (!rows.some((r) => r.part === 'case')) throw notFound(`No case ${caseNo}`);
    const tasks = rows.filter((r) => r.part === 'task');
    const codes = rows
      .filter((r) => r.part === 'department' || r.part === 'task')
      .map((r) => r.departmentCode);
    const departmentOfStep = new Map(tasks.map((t) => [t.stepId, t.departmentCode]));
    return {
      departmentCodes: [...new Set(codes.filter((c): c is string => !!c))],
      copiedTo: rows
        .filter((r) => r.part === 'copy')
        .map((c) => ({
          userId: c.userId!,
          stepId: c.stepId!,
          departmentCode: departmentOfStep.get(c.stepId) ?? null,
        })),
    };
  };
