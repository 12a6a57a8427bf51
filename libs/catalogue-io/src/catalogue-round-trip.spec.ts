import {
  generateSyntheticCatalogue,
  parseCatalogue,
  seedCatalogueData,
  syntheticDepartmentUscc,
  type Catalogue,
} from '@onewindow/standards';
import {
  exportCatalogueCsv,
  exportCatalogueXlsx,
  formatImportIssues,
  importCatalogueCsv,
  importCatalogueXlsx,
  type CatalogueImportResult,
} from './index';

/** Seed catalogue plus tricky text, every optional item field, and 200 synthetic items with their departments. */
function richCatalogue(): Catalogue {
  const data = structuredClone(seedCatalogueData());
  const item = data.items[0];
  item.localBasicCode = 'XK10001-本地';
  item.localImplementationCode = '37-0001,"引号"';
  item.notes = '多行备注\n第二行, 含逗号 "和引号"';
  item.coDepartmentCodes = ['SFS-ZWFW', 'SFS-SWJ'];
  item.fees = {
    charged: true,
    basis: '依据；分号',
    items: [
      { name: '工本费', standard: '10元', reducible: false },
      { name: '加急费', standard: '20元', reducible: true, basis: '减免依据' },
    ],
  };
  item.materials[0].notes = '原件核验后退回';
  // A tolerated material whose missed date ends the case (容缺逾期处理 终止办理).
  const tolerated = data.items.flatMap((i) => i.materials).find((m) => m.necessity === 'tolerated_missing');
  if (!tolerated) throw new Error('the seed catalogue has no tolerated material');
  tolerated.toleratedOverdue = 'terminate';
  data.bundles[0].notes = 'bundle note';
  data.certificateTypes[0].issuerDepartmentCode = data.departments[0].code;
  const synthetic = generateSyntheticCatalogue(200);
  return parseCatalogue({
    ...data,
    departments: [
      ...data.departments,
      ...Array.from({ length: 20 }, (_, d) => ({
        code: `SYN-DEPT-${String(d).padStart(2, '0')}`,
        name: `合成部门${d}`,
        regionCode: '379900',
        uscc: syntheticDepartmentUscc(d),
      })),
    ],
    items: [...data.items, ...synthetic],
  });
}

const unwrap = (r: CatalogueImportResult) => {
  if (!r.ok) throw new Error(formatImportIssues(r.issues));
  return r.catalogue;
};

describe('round trip of a catalogue with every optional field and awkward text', () => {
  const catalogue = richCatalogue();

  it('survives CSV', () => {
    expect(unwrap(importCatalogueCsv(exportCatalogueCsv(catalogue)))).toEqual(catalogue);
  });

  it('survives XLSX', async () => {
    expect(unwrap(await importCatalogueXlsx(await exportCatalogueXlsx(catalogue)))).toEqual(catalogue);
  });
});

describe('issue placement', () => {
  const csv = exportCatalogueCsv(parseCatalogue(seedCatalogueData()));

  it('puts a bundle cycle on the 一件事 row and a duplicate code on the second row', () => {
    const lines = csv['一件事事项.csv'].split('\n');
    // make the first item of the first bundle depend on its last one: a cycle
    const first = lines[1].split(',');
    const lastOfBundle = lines
      .filter((l) => l.startsWith(first[0] + ','))
      .pop()!
      .split(',');
    first[3] = lastOfBundle[1];
    lines[1] = first.join(',');
    const depts = csv['部门.csv'].split('\n');
    depts.splice(3, 0, depts[2]);
    const result = importCatalogueCsv({
      ...csv,
      '一件事事项.csv': lines.join('\n'),
      '部门.csv': depts.join('\n'),
    });
    if (result.ok) throw new Error('expected failure');
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '一件事', row: 2, expected: 'prerequisites form a cycle' }),
        expect.objectContaining({
          sheet: '部门',
          row: 4,
          column: 'A',
          expected: expect.stringContaining('defined twice'),
        }),
      ]),
    );
  });
});
