import type { Db } from '@onewindow/db';

/** The standard materials' names by code (标准材料), for the codes given; a code not in the catalogue is absent. */
export async function materialNamesOf(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.materialStandard.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { code: true, name: true },
  });
  return new Map(rows.map((m) => [m.code, m.name]));
}
