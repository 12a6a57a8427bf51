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
    const row = await db.case.findUnique({
      where: { caseNo },
      select: { acceptedBy: true, items: true, tasks: { select: { departmentCode: true, stepId: true } }, copies: { select: { userId: true, stepId: true } } },
    });
    if (!row) throw notFound(`No case ${caseNo}`);
    const [clerk, items] = await Promise.all([
      row.acceptedBy ? db.user.findUnique({ where: { id: row.acceptedBy }, select: { departmentCode: true } }) : null,
      db.item.findMany({
        where: { OR: row.items.map((i) => ({ implementationCode: i.implementationCode, version: i.itemVersion })) },
        select: { departmentCode: true },
      }),
    ]);
    const codes = [clerk?.departmentCode, ...items.map((i) => i.departmentCode), ...row.tasks.map((t) => t.departmentCode)];
    const departmentOfStep = new Map(row.tasks.map((t) => [t.stepId, t.departmentCode]));
    return {
      departmentCodes: [...new Set(codes.filter((c): c is string => !!c))],
      copiedTo: row.copies.map((c) => ({ userId: c.userId, stepId: c.stepId, departmentCode: departmentOfStep.get(c.stepId) ?? null })),
    };
  };
