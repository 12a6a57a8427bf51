import type { CompleteCaseInput } from '@onewindow/workflows';
import type { Db } from '@onewindow/db';

/**
 * 办结: approved and refused cases are issued at the window (准予/不予许可 alike); a withdrawal ends the case, and
 * so does 终止办理 (`terminated`: a tolerated material missed its date under the catalogue's `terminate` rule).
 */
export async function completeCase(db: Db, input: CompleteCaseInput): Promise<void> {
  const status = input.outcome === 'approved' || input.outcome === 'refused' ? 'issued' : input.outcome;
  const updated = await db.case.updateMany({ where: { caseNo: input.caseNo }, data: { status } });
  if (updated.count === 0) throw new Error(`case ${input.caseNo} is not in the database`);
}
