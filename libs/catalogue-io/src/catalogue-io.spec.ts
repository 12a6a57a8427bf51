import ExcelJS from 'exceljs';
import { loadSeedCatalogue } from '@onewindow/standards';
import { columnLetter } from './layout/column-letter.util';
import {
  exportCatalogueCsv,
  exportCatalogueXlsx,
  formatImportIssues,
  importCatalogueCsv,
  importCatalogueCsvWithProgress,
  importCatalogueXlsx,
  type CatalogueImportResult,
  type ImportProgress,
} from './index';

const seed = loadSeedCatalogue();

function issuesOf(result: CatalogueImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return result.issues;
}

/** Replaces one data cell of a CSV sheet (row = spreadsheet row, header names the column). */
function editCsv(
  files: Record<string, string>,
  sheet: string,
  row: number,
  header: string,
  value: string,
): Record<string, string> {
  const lines = files[`${sheet}.csv`].replace(/^\uFEFF/, '').split('\n');
  const headers = lines[0].split(',');
  const col = headers.indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  const cells = lines[row - 1].match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
  cells[col] = value;
  lines[row - 1] = cells.slice(0, headers.length).join(',');
  return { ...files, [`${sheet}.csv`]: lines.join('\n') };
}

describe('round trip', () => {
  it('CSV export re-imports to an equal catalogue', () => {
    const result = importCatalogueCsv(exportCatalogueCsv(seed));
    if (!result.ok) throw new Error(formatImportIssues(result.issues));
    expect(result.catalogue).toEqual(seed);
  });

  it('XLSX export re-imports to an equal catalogue', async () => {
    const result = await importCatalogueXlsx(await exportCatalogueXlsx(seed));
    if (!result.ok) throw new Error(formatImportIssues(result.issues));
    expect(result.catalogue).toEqual(seed);
  });
});

describe('import errors', () => {
  const csv = exportCatalogueCsv(seed);

  it('reports a bad cell with sheet, row, column letter, header and what is expected', () => {
    const issues = issuesOf(importCatalogueCsv(editCsv(csv, '事项', 3, '法定办结时限', '二十')));
    expect(issues).toEqual([
      {
        kind: 'bad_cell',
        sheet: '事项',
        row: 3,
        column: 'M',
        header: '法定办结时限',
        value: '二十',
        expected: 'a whole number (0 or more)',
        message: '“法定办结时限”填写为“二十”，应填写 0 或以上的整数，例如 20',
      },
    ]);
  });

  it('reports schema rules on the right cell (promised longer than statutory)', () => {
    const issues = issuesOf(importCatalogueCsv(editCsv(csv, '事项', 6, '承诺办结时限', '30')));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      sheet: '事项',
      row: 6,
      column: 'O',
      header: '承诺办结时限',
      value: '30',
    });
    expect(issues[0].expected).toContain('exceeds the statutory limit');
    expect(issues[0]).toMatchObject({ kind: 'rule' });
    expect(issues[0].message).toMatch(
      /^承诺办结时限（30 个工作日）超过法定办结时限（\d+ 个工作日）：承诺时限不得长于法定时限$/,
    );
  });

  it('lists every bad cell across sheets, never a partial catalogue', () => {
    let files = editCsv(csv, '部门', 2, '统一社会信用代码', '11379900MB1000101X');
    files = editCsv(files, '事项材料', 4, '材料形式', '传真');
    files = editCsv(files, '事项材料', 5, '材料编码', 'SM999');
    files = editCsv(files, '一件事事项', 2, '事项编码', '1'.repeat(31));
    const result = importCatalogueCsv(files);
    expect(result.ok).toBe(false);
    expect('catalogue' in result).toBe(false);
    const where = issuesOf(result).map((i) => `${i.sheet}!${i.column}${i.row}`);
    expect(where).toEqual(expect.arrayContaining(['部门!E2', '事项材料!C4', '事项材料!B5', '一件事事项!B2']));
    const uscc = issuesOf(result).find((i) => i.sheet === '部门')!;
    expect(uscc.expected).toContain("expected 'Y'");
    const form = issuesOf(result).find((i) => i.sheet === '事项材料' && i.column === 'C')!;
    expect(form.message).toBe('“材料形式”填写为“传真”，应为以下之一：原件、复印件、电子材料');
    const material = issuesOf(result).find((i) => i.sheet === '事项材料' && i.column === 'B')!;
    expect(material.message).toBe('材料编码不在工作表“材料”中：请先在该表登记，或改正编码');
  });

  it('reports a missing sheet and a missing required column', () => {
    const { ['证照类型.csv']: _dropped, ...rest } = csv;
    const noColumn = { ...rest, '材料.csv': rest['材料.csv'].replace('材料名称', '名称') };
    const issues = issuesOf(importCatalogueCsv(noColumn));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'missing_sheet',
          sheet: '证照类型',
          expected: 'a sheet named 证照类型',
          message: '缺少工作表“证照类型”：请按导出的模板保留该工作表及其名称',
        }),
        expect.objectContaining({
          kind: 'missing_column',
          sheet: '材料',
          row: 1,
          header: '材料名称',
          expected: 'a column headed 材料名称',
          message: '第 1 行缺少必填列“材料名称”：请补上该列标题（与导出的模板一致）',
        }),
      ]),
    );
  });

  it('points at a code typed as a number in XLSX (leading zeros lost)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportCatalogueXlsx(seed)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('事项')!;
    ws.getRow(2).getCell(1).value = Number(seed.items[0].basicCode);
    const result = await importCatalogueXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    const issue = issuesOf(result).find((i) => i.sheet === '事项' && i.column === 'A')!;
    expect(issue).toMatchObject({ row: 2, header: '基本编码' });
    expect(issue.expected).toContain('12 characters');
  });

  it('rejects bytes that are not a workbook', async () => {
    expect(issuesOf(await importCatalogueXlsx(Buffer.from('not a zip')))).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        expected: expect.stringContaining('readable .xlsx'),
        message: expect.stringMatching(/^不是可读取的 \.xlsx 工作簿/),
      }),
    ]);
  });

  it('formats issues as one line each', () => {
    expect(
      formatImportIssues([
        {
          kind: 'bad_cell',
          sheet: '事项',
          row: 7,
          column: 'M',
          header: '法定办结时限',
          value: '二十',
          expected: 'a whole number',
          message: '“法定办结时限”填写为“二十”，应填写 0 或以上的整数，例如 20',
        },
      ]),
    ).toBe("事项!M7 (法定办结时限) '二十': expected a whole number");
  });
});

describe('columnLetter', () => {
  it('names columns like Excel', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('import with progress', () => {
  it('counts the rows read and checked up to their totals, and gives the same catalogue as without', async () => {
    const seen: ImportProgress[] = [];
    const xlsx = await exportCatalogueXlsx(seed);
    const result = await importCatalogueXlsx(xlsx, (p) => seen.push({ ...p }));
    expect(result).toEqual(await importCatalogueXlsx(xlsx));
    const parse = seen.filter((p) => p.phase === 'parse');
    const validate = seen.filter((p) => p.phase === 'validate');
    expect(parse[0]).toEqual({ phase: 'parse', done: 0, total: null });
    const rows = parse.at(-1)!.total!;
    expect(parse.at(-1)).toEqual({ phase: 'parse', done: rows, total: rows });
    // Every sheet's header row is read but not checked.
    const dataRows = validate.at(-1)!.total!;
    expect(validate.at(-1)).toEqual({ phase: 'validate', done: dataRows, total: dataRows });
    expect(dataRows).toBeGreaterThan(seed.items.length);
    expect(rows - dataRows).toBe(10);
    expect(seen.indexOf(validate[0])).toBeGreaterThan(seen.indexOf(parse.at(-1)!));
    for (const list of [parse.slice(1), validate])
      list.forEach((p, i) => i > 0 && expect(p.done).toBeGreaterThanOrEqual(list[i - 1].done));
  });

  it('reads CSV files one by one, then checks them; a bad cell is reported as without progress', async () => {
    const files = editCsv(exportCatalogueCsv(seed), '事项', 3, '法定办结时限', '二十');
    const seen: ImportProgress[] = [];
    const result = await importCatalogueCsvWithProgress(files, (p) => seen.push({ ...p }));
    expect(issuesOf(result)).toEqual(issuesOf(importCatalogueCsv(files)));
    const count = Object.keys(files).length;
    expect(seen.filter((p) => p.phase === 'parse').map((p) => p.done)).toEqual(
      Array.from({ length: count + 1 }, (_, i) => i),
    );
    expect(seen.at(-1)).toMatchObject({ phase: 'validate' });
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
  });
});
