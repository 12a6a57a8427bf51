import { acceptApplicationRequestSchema, type Problem } from '@onewindow/contracts';
import { bundleSchema, type Bundle } from '@onewindow/standards';
import type { Db, ItemModel as Item } from '@onewindow/db';
import type { z } from 'zod';
import { toShanghaiDate } from '@onewindow/calendar';
import { ProblemError, ProblemType } from '../http/problem';
import { checkApplicantId } from './applicant-identity';

export type AcceptApplication = z.output<typeof acceptApplicationRequestSchema>;
type FieldError = NonNullable<Problem['errors']>[number];

const codesOf = (raw: unknown): { index: number; code: string }[] => {
  const items = (raw as { items?: unknown })?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index) => {
    const code = (item as { implementationCode?: unknown })?.implementationCode;
    return typeof code === 'string' && code.trim() ? [{ index, code: code.trim() }] : [];
  });
};

/**
 * Checks an application completely before anything is written: the shape (zod), the applicant's
 * identity check digit, every item against the active catalogue, duplicate materials. One 400 names
 * every bad field.
 */
export async function validateApplication(
  db: Db,
  raw: unknown,
): Promise<{ request: AcceptApplication; items: Item[]; bundle?: Bundle }> {
  const parsed = acceptApplicationRequestSchema.safeParse(raw);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));

  const applicant = (raw as { applicant?: { kind?: unknown; idNumber?: unknown } })?.applicant;
  if (
    applicant &&
    typeof applicant.idNumber === 'string' &&
    (applicant.kind === 'person' || applicant.kind === 'organisation')
  ) {
    const problem = checkApplicantId(
      applicant.kind,
      applicant.idNumber.trim().toUpperCase(),
      toShanghaiDate(Date.now()),
    );
    if (problem && !errors.some((e) => e.path === 'applicant.idNumber'))
      errors.push({ path: 'applicant.idNumber', message: problem });
  }

  const wanted = codesOf(raw);
  const codes = wanted.map((w) => w.code);
  const found = await db.item.findMany({
    where: { status: 'active', OR: [{ itemKey: { in: codes } }, { implementationCode: { in: codes } }] },
    orderBy: { version: 'desc' },
  });
  const active = new Map<string, Item>();
  for (const w of wanted) {
    const path = `items.${w.index}.implementationCode`;
    // The most specific code wins (业务办理项编码); an implementation code must then name one handling item.
    const exact = found.find((i) => i.itemKey === w.code);
    const byImplementation = [
      ...new Map(found.filter((i) => i.implementationCode === w.code).map((i) => [i.itemKey, i])).values(),
    ];
    if (exact) active.set(w.code, exact);
    else if (byImplementation.length === 1) active.set(w.code, byImplementation[0]);
    else if (byImplementation.length > 1)
      errors.push({
        path,
        message: `implementation code ${w.code} has several handling items (${byImplementation.map((i) => `${i.itemKey} ${i.name}`).join(', ')}): give the handling item code`,
      });
    else errors.push({ path, message: `no active catalogue item with code ${w.code}` });
  }
  const chosen = [...active.values()];
  if (new Set(chosen.map((i) => i.implementationCode)).size < chosen.length) {
    errors.push({
      path: 'items',
      message: 'two handling items of one implementation cannot be applied for in one case',
    });
  }

  if (parsed.success) {
    const seen = new Set<string>();
    parsed.data.materials.forEach((m, i) => {
      if (seen.has(m.materialCode))
        errors.push({
          path: `materials.${i}.materialCode`,
          message: `material ${m.materialCode} is listed twice`,
        });
      seen.add(m.materialCode);
    });
    errors.push(...(await checkReusedCertificates(db, parsed.data)));
  }

  const bundle =
    parsed.success && parsed.data.bundleCode ? await activeBundle(db, parsed.data.bundleCode) : undefined;
  if (parsed.success && parsed.data.bundleCode)
    errors.push(...bundleErrors(parsed.data.bundleCode, bundle, chosen));

  if (errors.length > 0 || !parsed.success) {
    const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new ProblemError(
      400,
      ProblemType.validation,
      'Invalid application',
      `The application is invalid — ${summary}`,
      errors,
    );
  }
  return {
    request: parsed.data,
    items: parsed.data.items.map((i) => active.get(i.implementationCode)!),
    ...(bundle ? { bundle } : {}),
  };
}

/** The active version of a bundle (一件事), or undefined when there is none. */
export async function activeBundle(db: Db, code: string): Promise<Bundle | undefined> {
  const row = await db.bundle.findFirst({ where: { code, status: 'active' }, orderBy: { version: 'desc' } });
  if (!row) return undefined;
  const parsed = bundleSchema.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : undefined;
}

/** A bundle application names only the bundle's items, and every item the bundle requires. */
function bundleErrors(code: string, bundle: Bundle | undefined, items: Item[]): FieldError[] {
  if (!bundle)
    return [{ path: 'bundleCode', message: `no active bundle ${code}; see GET /api/catalogue/bundles` }];
  const inBundle = new Set(bundle.items.map((i) => i.itemCode));
  const applied = new Set(items.map((i) => i.itemKey));
  const outside = items.filter((i) => !inBundle.has(i.itemKey));
  const missing = bundle.items.filter((i) => !i.optional && !applied.has(i.itemCode));
  return [
    ...outside.map((i) => ({
      path: 'items',
      message: `item ${i.itemKey} ${i.name} is not part of bundle ${code}`,
    })),
    ...(missing.length > 0
      ? [
          {
            path: 'items',
            message: `bundle ${code} also requires ${missing.map((i) => i.itemCode).join(', ')}`,
          },
        ]
      : []),
  ];
}

/** 证照复用: a material marked as reused must name a valid certificate of the applicant in the shared library. */
async function checkReusedCertificates(db: Db, request: AcceptApplication): Promise<FieldError[]> {
  const reused = request.materials
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.provenance === 'reused_certificate');
  if (reused.length === 0) return [];
  const ids = reused.flatMap(({ m }) => (m.certificateId ? [m.certificateId] : []));
  const found = await db.certificate.findMany({
    where: { OR: [{ id: { in: ids } }, { number: { in: ids } }] },
  });
  return reused.flatMap(({ m, i }): FieldError[] => {
    const path = `materials.${i}.certificateId`;
    if (!m.certificateId)
      return [{ path, message: 'a reused certificate names its certificate (id or number)' }];
    const cert = found.find((c) => c.id === m.certificateId || c.number === m.certificateId);
    if (!cert) return [{ path, message: `no certificate ${m.certificateId} in the certificate library` }];
    if (cert.holderIdNumber !== request.applicant.idNumber)
      return [{ path, message: `certificate ${m.certificateId} is held by someone else` }];
    if (cert.status !== 'valid')
      return [{ path, message: `certificate ${m.certificateId} is ${cert.status}` }];
    return [];
  });
}
