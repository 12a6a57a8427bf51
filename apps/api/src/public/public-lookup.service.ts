// 办件查询: what the public status lookup reads (public-lookup.router.ts).
import type { Db } from '@onewindow/db';

/** The case's status and its applicant's identity number (to compare the code with), or null. */
export function caseForLookup(db: Db, caseNo: string) {
  return db.case.findUnique({
    where: { caseNo },
    select: { caseNo: true, status: true, updatedAt: true, applicant: { select: { idNumber: true } } },
  });
}
