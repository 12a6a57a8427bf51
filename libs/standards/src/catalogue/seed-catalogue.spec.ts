import { isCertificateUsable } from '../certificate/certificate.schema';
import { itemKey } from '../item/item.schema';
import { validateImplementationCode } from '../codes/item-code.validator';
import { parseCatalogue, CatalogueValidationError } from './catalogue.schema';
import { DEMO_AS_OF, loadDemoApplicants } from './demo-applicants';
import { loadSeedCatalogue, seedCatalogueData } from './seed-catalogue';
import { generateSyntheticCatalogue } from './synthetic-catalogue';

describe('seed catalogue', () => {
  const cat = loadSeedCatalogue();

  it('meets the size the issue asks for', () => {
    expect(cat.items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cat.items.map((i) => i.departmentCode)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(cat.items.flatMap((i) => i.materials.map((m) => m.code))).size).toBeGreaterThanOrEqual(60);
    expect(cat.certificateTypes.length).toBeGreaterThanOrEqual(15);
    expect(cat.bundles.map((b) => b.name)).toEqual(
      expect.arrayContaining(['开办餐饮店一件事', '企业开办一件事', '新生儿出生一件事', '退休一件事']),
    );
  });

  it('covers the departments named in the issue', () => {
    const names = cat.departments.map((d) => d.name).join();
    for (const word of [
      '市场监督',
      '卫生健康',
      '消防救援',
      '生态环境',
      '住房和城乡建设',
      '自然资源',
      '公安',
      '人力资源和社会保障',
      '民政',
      '交通运输',
      '医疗保障',
    ])
      expect(names).toContain(word);
  });

  it('marks every item illustrative and keeps national codes valid', () => {
    for (const i of cat.items) {
      expect(i.illustrative).toBe(true);
      expect(validateImplementationCode(i.implementationCode)).toEqual({ ok: true });
    }
  });

  it('uses 20 working days for licences unless the note names another law', () => {
    for (const i of cat.items.filter((x) => x.itemType === '01')) {
      if (i.limitNote?.startsWith('法定时限按《行政许可法》第四十二条'))
        expect(i.statutoryLimit).toEqual({ value: 20, unit: 'working_day' });
      else expect(i.limitNote).toMatch(/第|需核对/);
    }
  });

  it('names the bad entry when data are invalid', () => {
    const data = seedCatalogueData();
    const items = structuredClone(data.items);
    items[3] = { ...items[3], promisedLimit: { value: 99, unit: 'working_day' } };
    expect(() => parseCatalogue({ ...data, items }, 'seed catalogue')).toThrow(CatalogueValidationError);
    expect(() => parseCatalogue({ ...data, items }, 'seed catalogue')).toThrow(
      /items\.3\.promisedLimit \[[0-9A-Z]{31} 营业执照信息核验\]/,
    );
  });

  it('reports unresolved references and inconsistent material copies', () => {
    const data = structuredClone(seedCatalogueData());
    data.items[0].departmentCode = 'NOPE';
    data.items[1].materials[0].name = '别的名字';
    data.bundles[0].items[0].itemCode = '1'.repeat(31);
    const err = (() => {
      try {
        parseCatalogue(data);
      } catch (e) {
        return e as CatalogueValidationError;
      }
      throw new Error('expected a validation error');
    })();
    const messages = err.issues.map((i) => i.message).join('\n');
    expect(messages).toContain('unknown department NOPE');
    expect(messages).toContain('differs from standard material');
    expect(messages).toContain('unknown item 1111');
  });
});

describe('demo applicants', () => {
  const applicants = loadDemoApplicants();
  it('validate and include certificates that are expired or revoked on the demo date', () => {
    const certs = applicants.flatMap((a) => a.certificates);
    expect(certs.some((c) => c.status === 'revoked')).toBe(true);
    expect(certs.some((c) => c.status === 'expired')).toBe(true);
    expect(certs.some((c) => c.status === 'valid' && !isCertificateUsable(c, DEMO_AS_OF))).toBe(true);
    expect(applicants.map((a) => a.holder.codeType)).toEqual(expect.arrayContaining(['resident_id', 'uscc']));
  });
});

describe('generateSyntheticCatalogue', () => {
  it('is deterministic and yields n valid items with distinct keys', () => {
    const a = generateSyntheticCatalogue(300);
    expect(a).toHaveLength(300);
    expect(generateSyntheticCatalogue(300)).toEqual(a);
    expect(new Set(a.map(itemKey)).size).toBe(300);
  });
});
