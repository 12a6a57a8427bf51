import type { Certificate } from '@onewindow/standards';
import type { Db } from './create-prisma-client';

/** Puts certificates into the shared library (证照库), keyed by their GB/T 36904 identifier; re-saving is a no-op. */
export async function saveCertificates(
  db: Db,
  certificates: readonly Certificate[],
  sourceCaseNo?: string,
): Promise<number> {
  let created = 0;
  for (const c of certificates) {
    const exists = await db.certificate.findUnique({ where: { number: c.identifier }, select: { id: true } });
    if (exists) continue;
    await db.certificate.create({
      data: {
        id: c.identifier,
        number: c.identifier,
        typeCode: c.typeCode,
        holderIdNumber: c.holder.code,
        holderName: c.holder.name,
        issuerDeptCode: c.issuer.code,
        issuedAt: new Date(`${c.issuedOn}T00:00:00+08:00`),
        validFrom: c.validFrom,
        validUntil: c.validUntil ?? null,
        status: c.status,
        sourceCaseNo: sourceCaseNo ?? null,
        data: JSON.stringify(c),
      },
    });
    created++;
  }
  return created;
}
