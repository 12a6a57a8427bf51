import fc from 'fast-check';
import { DEMO_AS_OF, loadDemoApplicants } from '../catalogue/demo-applicants';
import { loadSeedCatalogue } from '../catalogue/seed-catalogue';
import { itemKey } from '../item/item.schema';
import type { MaterialForm, MaterialNecessity, MaterialRequirement } from '../material/material.schema';
import { mergeMaterials } from './merge-materials';
import type { CertificateOnFile, ChecklistItem } from './material-checklist.types';

const FORM_RANK: Record<MaterialForm, number> = { electronic: 0, copy: 1, original: 2 };
const NEED_RANK: Record<MaterialNecessity, number> = { optional: 0, tolerated_missing: 1, required: 2 };

describe('mergeMaterials on the seed catalogue', () => {
  const cat = loadSeedCatalogue();
  const applicants = loadDemoApplicants();
  const bundleItems = (code: string) =>
    cat.bundles
      .find((b) => b.code === code)!
      .items.map((bi) => cat.items.find((i) => itemKey(i) === bi.itemCode)!);

  it('lists the business licence once for the restaurant bundle, reused from file, with the strictest form', () => {
    const restaurant = applicants.find(
      (a) => a.holder.codeType === 'uscc' && a.holder.name.includes('餐饮'),
    )!;
    const list = mergeMaterials(
      bundleItems('BUNDLE-RESTAURANT'),
      restaurant.holder,
      restaurant.certificates,
      { asOf: DEMO_AS_OF },
    );
    const licence = list.entries.find((e) => e.code === 'SM003')!;
    expect(licence.neededBy).toHaveLength(5);
    expect(licence.form).toBe('original');
    expect(licence.satisfiedBy).toMatchObject({ kind: 'certificate_on_file' });
    expect(list.entries.filter((e) => e.code === 'SM003')).toHaveLength(1);
    expect(list.counts.requirementsListed).toBe(27);
    expect(list.counts.submissionsSaved).toBe(
      list.counts.requirementsListed - list.counts.submissionsRequired - list.counts.submissionsOptional,
    );
  });

  it('covers the birth certificate by the item that issues it and never by a revoked or expired certificate', () => {
    const father = applicants[0];
    const list = mergeMaterials(bundleItems('BUNDLE-NEWBORN'), father.holder, father.certificates, {
      asOf: DEMO_AS_OF,
    });
    expect(list.entries.find((e) => e.code === 'SM005')!.satisfiedBy).toEqual({
      kind: 'result_of_item',
      itemCode: itemKey(cat.items.find((i) => i.name === '出生医学证明首次签发')!),
    });
    const mother = applicants[1];
    const motherList = mergeMaterials(bundleItems('BUNDLE-NEWBORN'), mother.holder, mother.certificates, {
      asOf: DEMO_AS_OF,
    });
    expect(motherList.entries.find((e) => e.code === 'SM001')!.satisfiedBy).toBeUndefined();
  });

  it('does not reuse a certificate held by someone else, or before it is valid', () => {
    const father = applicants[0];
    const items = bundleItems('BUNDLE-NEWBORN');
    const other = mergeMaterials(items, { code: applicants[2].holder.code }, father.certificates, {
      asOf: DEMO_AS_OF,
    });
    expect(other.counts.savedByReuse).toBe(1); // only the birth certificate produced inside the application
    const early = mergeMaterials(items, father.holder, father.certificates, { asOf: '2009-01-01' });
    expect(early.entries.find((e) => e.code === 'SM002')!.satisfiedBy).toBeUndefined();
  });

  it('can switch off reuse of results produced in the same application', () => {
    const items = bundleItems('BUNDLE-COMPANY');
    const list = mergeMaterials(items, { code: '379902199002284153' }, [], {
      asOf: DEMO_AS_OF,
      reuseResultsOfItems: false,
    });
    expect(list.entries.every((e) => e.satisfiedBy === undefined)).toBe(true);
  });
});

// --- property tests -------------------------------------------------------

const TYPES = [0, 1, 2, 3].map((i) => `11100000MB9000011K00${i}`);
const POOL = Array.from({ length: 12 }, (_, i) => ({
  code: `M${String(i).padStart(2, '0')}`,
  name: `材料${i}`,
  kind: i < 4 ? ('certificate' as const) : ('other' as const),
  source: i < 4 ? ('department' as const) : ('applicant' as const),
  ...(i < 4 ? { certificateTypeCode: TYPES[i] } : {}),
}));
const APPLICANT = '11010519491231002X';
const AS_OF = '2026-06-15';

const requirementArb: fc.Arbitrary<MaterialRequirement> = fc
  .record({
    m: fc.integer({ min: 0, max: POOL.length - 1 }),
    form: fc.constantFrom<MaterialForm>('original', 'copy', 'electronic'),
    extra: fc.integer({ min: 0, max: 3 }),
    necessity: fc.constantFrom<MaterialNecessity>('required', 'optional', 'tolerated_missing'),
  })
  .map(({ m, form, extra, necessity }) => ({
    ...POOL[m],
    form,
    originals: form === 'original' ? 1 + extra : 0,
    copies: form === 'copy' ? 1 + extra : form === 'original' ? extra : 0,
    necessity,
  }));

const itemsArb: fc.Arbitrary<ChecklistItem[]> = fc
  .array(
    fc.record({
      materials: fc.uniqueArray(requirementArb, { selector: (r) => r.code, maxLength: 8 }),
      produces: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    }),
    { maxLength: 10 },
  )
  .map((specs) =>
    specs.map((s, i) => ({
      implementationCode: `ITEM${String(i).padStart(27, '0')}`,
      materials: s.materials,
      results:
        s.produces === undefined
          ? [{ name: 'r', kind: 'other' as const }]
          : [{ name: 'r', kind: 'certificate' as const, certificateTypeCode: TYPES[s.produces] }],
    })),
  );

const day = (offset: number) =>
  new Date(Date.UTC(2026, 5, 15) + offset * 86_400_000).toISOString().slice(0, 10);
const certsArb: fc.Arbitrary<CertificateOnFile[]> = fc
  .array(
    fc.record({
      t: fc.integer({ min: 0, max: 3 }),
      mine: fc.boolean(),
      status: fc.constantFrom('valid', 'revoked', 'expired') as fc.Arbitrary<CertificateOnFile['status']>,
      from: fc.integer({ min: -800, max: 30 }),
      length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
    }),
    { maxLength: 12 },
  )
  .map((specs) =>
    specs.map((s, i) => ({
      identifier: `CERT-${i}`,
      typeCode: TYPES[s.t],
      holder: { code: s.mine ? APPLICANT : '37990219850312123' + '5' },
      status: s.status,
      validFrom: day(s.from),
      ...(s.length === undefined ? {} : { validUntil: day(s.from + s.length) }),
    })),
  );

const shuffledArb = <T>(list: T[]) =>
  fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length });

describe('mergeMaterials properties', () => {
  it('is independent of the order of items and certificates', () => {
    fc.assert(
      fc.property(
        itemsArb.chain((items) =>
          certsArb.chain((certs) =>
            fc.tuple(fc.constant(items), fc.constant(certs), shuffledArb(items), shuffledArb(certs)),
          ),
        ),
        ([items, certs, items2, certs2]) => {
          expect(mergeMaterials(items2, { code: APPLICANT }, certs2, { asOf: AS_OF })).toEqual(
            mergeMaterials(items, { code: APPLICANT }, certs, { asOf: AS_OF }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('loses nothing any item requires, and keeps the strictest requirement', () => {
    fc.assert(
      fc.property(itemsArb, certsArb, (items, certs) => {
        const list = mergeMaterials(items, { code: APPLICANT }, certs, { asOf: AS_OF });
        const byCode = new Map(list.entries.map((e) => [e.code, e]));
        for (const item of items) {
          for (const r of item.materials) {
            const e = byCode.get(r.code);
            expect(e).toBeDefined();
            expect(e!.neededBy).toContainEqual(
              expect.objectContaining({ itemCode: itemKey(item), necessity: r.necessity, form: r.form }),
            );
            expect(NEED_RANK[e!.necessity]).toBeGreaterThanOrEqual(NEED_RANK[r.necessity]);
            expect(FORM_RANK[e!.form]).toBeGreaterThanOrEqual(FORM_RANK[r.form]);
            expect(e!.originals).toBeGreaterThanOrEqual(r.originals);
            expect(e!.copies).toBeGreaterThanOrEqual(r.copies);
          }
        }
        const required = list.entries.filter((e) => e.necessity !== 'optional' && !e.satisfiedBy).length;
        expect(list.counts.submissionsRequired).toBe(required);
        expect(list.counts.requirementsListed).toBe(items.reduce((n, i) => n + i.materials.length, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('never lets an expired, revoked, not-yet-valid or someone else’s certificate satisfy a requirement', () => {
    fc.assert(
      fc.property(itemsArb, certsArb, (items, certs) => {
        const list = mergeMaterials(items, { code: APPLICANT }, certs, {
          asOf: AS_OF,
          reuseResultsOfItems: false,
        });
        const byId = new Map(certs.map((c) => [c.identifier, c]));
        for (const e of list.entries) {
          if (e.satisfiedBy?.kind !== 'certificate_on_file') continue;
          const c = byId.get(e.satisfiedBy.identifier)!;
          expect(c.status).toBe('valid');
          expect(c.holder.code).toBe(APPLICANT);
          expect(c.typeCode).toBe(e.certificateTypeCode);
          expect(c.validFrom <= AS_OF).toBe(true);
          if (c.validUntil !== undefined) expect(AS_OF <= c.validUntil).toBe(true);
        }
        const unusable = certs.map((c) => ({
          ...c,
          status: c.status === 'valid' ? ('revoked' as const) : c.status,
        }));
        const none = mergeMaterials(items, { code: APPLICANT }, unusable, {
          asOf: AS_OF,
          reuseResultsOfItems: false,
        });
        expect(none.entries.some((e) => e.satisfiedBy)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
