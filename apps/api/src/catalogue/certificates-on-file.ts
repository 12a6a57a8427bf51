import type { Db } from '@onewindow/db';
import type { CertificateOnFile } from '@onewindow/standards';

/** The holder's certificates in the shared library, in the shape mergeMaterials needs (status and validity decide reuse). */
export async function certificatesOnFile(db: Db, holderIdNumber: string): Promise<CertificateOnFile[]> {
  const rows = await db.certificate.findMany({ where: { holderIdNumber } });
  return rows.map((r) => ({
    identifier: r.number,
    typeCode: r.typeCode,
    status: r.status as CertificateOnFile['status'],
    validFrom: r.validFrom,
    ...(r.validUntil ? { validUntil: r.validUntil } : {}),
    holder: { code: r.holderIdNumber },
  }));
}

/** The holder's name as the certificate library records it, or undefined when it holds none of theirs. */
export async function holderNameOnFile(db: Db, holderIdNumber: string): Promise<string | undefined> {
  const found = await db.certificate.findFirst({ where: { holderIdNumber }, select: { holderName: true } });
  return found?.holderName;
}
