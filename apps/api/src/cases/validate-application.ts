import { acceptApplicationRequestSchema, type Problem } from '@onewindow/contracts';
import type { Db, ItemModel as Item } from '@onewindow/db';
import type { z } from 'zod';
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
export async function validateApplication(db: Db, raw: unknown): Promise<{ request: AcceptApplication; items: Item[] }> {
  const parsed = acceptApplicationRequestSchema.safeParse(raw);
  const errors: FieldError[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));

  const applicant = (raw as { applicant?: { kind?: unknown; idNumber?: unknown } })?.applicant;
  if (applicant && typeof applicant.idNumber === 'string' && (applicant.kind === 'person' || applicant.kind === 'organisation')) {
    const problem = checkApplicantId(applicant.kind, applicant.idNumber.trim().toUpperCase(), new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    if (problem && !errors.some((e) => e.path === 'applicant.idNumber')) errors.push({ path: 'applicant.idNumber', message: problem });
  }

  const wanted = codesOf(raw);
  const found = await db.item.findMany({ where: { implementationCode: { in: wanted.map((w) => w.code) }, status: 'active' }, orderBy: { version: 'desc' } });
  const active = new Map<string, Item>();
  for (const item of found) if (!active.has(item.implementationCode)) active.set(item.implementationCode, item);
  for (const w of wanted) {
    if (!active.has(w.code)) errors.push({ path: `items.${w.index}.implementationCode`, message: `no active catalogue item with implementation code ${w.code}` });
  }

  if (parsed.success) {
    const seen = new Set<string>();
    parsed.data.materials.forEach((m, i) => {
      if (seen.has(m.materialCode)) errors.push({ path: `materials.${i}.materialCode`, message: `material ${m.materialCode} is listed twice` });
      seen.add(m.materialCode);
    });
  }

  if (errors.length > 0 || !parsed.success) {
    const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new ProblemError(400, ProblemType.validation, 'Invalid application', `The application is invalid — ${summary}`, errors);
  }
  return { request: parsed.data, items: parsed.data.items.map((i) => active.get(i.implementationCode)!) };
}
