import { itemKey } from '../item/item.schema';
import type { MaterialForm, MaterialNecessity, MaterialRequirement } from '../material/material.schema';
import type {
  CertificateOnFile,
  ChecklistApplicant,
  ChecklistEntry,
  ChecklistItem,
  ChecklistNeed,
  MaterialChecklist,
  MergeMaterialsOptions,
} from './material-checklist.types';

const FORM_RANK: Record<MaterialForm, number> = { electronic: 0, copy: 1, original: 2 };
const NECESSITY_RANK: Record<MaterialNecessity, number> = { optional: 0, tolerated_missing: 1, required: 2 };

interface Accumulator {
  first: MaterialRequirement;
  firstItem: string;
  needs: ChecklistNeed[];
  form: MaterialForm;
  originals: number;
  copies: number;
  necessity: MaterialNecessity;
}

/** Deterministic pick among usable certificates: long-term first, then the latest expiry, then the smallest identifier. */
function better(a: CertificateOnFile, b: CertificateOnFile): boolean {
  if (a.validUntil !== b.validUntil) {
    if (a.validUntil === undefined) return true;
    if (b.validUntil === undefined) return false;
    return a.validUntil > b.validUntil;
  }
  return a.identifier < b.identifier;
}

const byItemCode = (a: ChecklistNeed, b: ChecklistNeed) =>
  a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0;

/**
 * One checklist for all items of an application (一套材料): each standard material once, strictest
 * requirement, the items needing it, and whether a usable certificate on file or another item's result covers it.
 */
export function mergeMaterials(
  items: readonly ChecklistItem[],
  applicant: ChecklistApplicant,
  certificatesOnFile: readonly CertificateOnFile[],
  options: MergeMaterialsOptions,
): MaterialChecklist {
  const { asOf } = options;
  const usable = new Map<string, CertificateOnFile>();
  for (const c of certificatesOnFile) {
    if (c.holder.code !== applicant.code || c.status !== 'valid' || c.validFrom > asOf) continue;
    if (c.validUntil !== undefined && c.validUntil < asOf) continue;
    const prev = usable.get(c.typeCode);
    if (prev === undefined || better(c, prev)) usable.set(c.typeCode, c);
  }

  const producers = new Map<string, string[]>();
  const acc = new Map<string, Accumulator>();
  const itemCodes: string[] = [];
  let listed = 0;
  for (const item of items) {
    const key = itemKey(item);
    itemCodes.push(key);
    for (const r of item.results) {
      if (r.certificateTypeCode === undefined) continue;
      const list = producers.get(r.certificateTypeCode);
      if (list) list.push(key);
      else producers.set(r.certificateTypeCode, [key]);
    }
    for (const m of item.materials) {
      listed++;
      const need: ChecklistNeed = {
        itemCode: key,
        necessity: m.necessity,
        form: m.form,
        originals: m.originals,
        copies: m.copies,
      };
      if (m.notes !== undefined) need.notes = m.notes;
      const a = acc.get(m.code);
      if (a === undefined) {
        acc.set(m.code, {
          first: m,
          firstItem: key,
          needs: [need],
          form: m.form,
          originals: m.originals,
          copies: m.copies,
          necessity: m.necessity,
        });
        continue;
      }
      a.needs.push(need);
      if (key < a.firstItem) {
        a.first = m;
        a.firstItem = key;
      }
      if (FORM_RANK[m.form] > FORM_RANK[a.form]) a.form = m.form;
      if (m.originals > a.originals) a.originals = m.originals;
      if (m.copies > a.copies) a.copies = m.copies;
      if (NECESSITY_RANK[m.necessity] > NECESSITY_RANK[a.necessity]) a.necessity = m.necessity;
    }
  }

  const reuseResults = options.reuseResultsOfItems !== false;
  const codes = [...acc.keys()].sort();
  const entries: ChecklistEntry[] = new Array(codes.length);
  let required = 0;
  let optional = 0;
  let reused = 0;
  for (let i = 0; i < codes.length; i++) {
    const a = acc.get(codes[i]) as Accumulator;
    const m = a.first;
    if (a.needs.length > 1) a.needs.sort(byItemCode);
    const entry: ChecklistEntry = {
      code: m.code,
      name: m.name,
      kind: m.kind,
      source: m.source,
      form: a.form,
      originals: a.originals,
      copies: a.copies,
      necessity: a.necessity,
      neededBy: a.needs,
    };
    if (m.certificateTypeCode !== undefined) entry.certificateTypeCode = m.certificateTypeCode;
    if (m.blankFormRef !== undefined) entry.blankFormRef = m.blankFormRef;
    if (m.sampleRef !== undefined) entry.sampleRef = m.sampleRef;
    const type = m.certificateTypeCode;
    if (type !== undefined) {
      const cert = usable.get(type);
      if (cert !== undefined) {
        entry.satisfiedBy =
          cert.validUntil === undefined
            ? { kind: 'certificate_on_file', identifier: cert.identifier }
            : { kind: 'certificate_on_file', identifier: cert.identifier, validUntil: cert.validUntil };
      } else if (reuseResults) {
        // Only another item can cover it: an item that needs the licence it renews still needs the old one.
        const producer = producers
          .get(type)
          ?.filter((p) => !a.needs.some((n) => n.itemCode === p))
          .sort()[0];
        if (producer !== undefined) entry.satisfiedBy = { kind: 'result_of_item', itemCode: producer };
      }
    }
    if (entry.satisfiedBy !== undefined) reused++;
    else if (a.necessity === 'optional') optional++;
    else required++;
    entries[i] = entry;
  }

  return {
    asOf,
    applicantCode: applicant.code,
    itemCodes: itemCodes.sort(),
    entries,
    counts: {
      requirementsListed: listed,
      distinctMaterials: entries.length,
      submissionsRequired: required,
      submissionsOptional: optional,
      savedByMerging: listed - entries.length,
      savedByReuse: reused,
      submissionsSaved: listed - required - optional,
    },
  };
}
