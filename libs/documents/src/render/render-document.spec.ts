import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZodError } from 'zod';
import { cjkFonts, documentTitles, renderDocumentPdf, type DocumentKind } from '..';
import { sampleDocuments } from '../../test/sample-documents';

const dir = mkdtempSync(path.join(tmpdir(), 'ow-documents-'));
const centre = { centreName: '杭州市西湖区行政服务中心', contact: '0571-88886666' };

/** The PDF's text as poppler's pdftotext extracts it (layout order), with spaces removed. */
async function textOf(kind: DocumentKind): Promise<{ text: string; pdf: Buffer }> {
  const pdf = await renderDocumentPdf(sampleDocuments[kind], centre);
  const file = path.join(dir, `${kind}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { text: text.replace(/\s+/g, ''), pdf };
}

// A shared 2-core machine renders slowly; no test here measures time (tools/bench does).
jest.setTimeout(60_000);

describe('renderDocumentPdf', () => {
  // Parsing the two 19 MB font collections happens once per process: do it before the first test.
  beforeAll(() => cjkFonts());

  it.each(Object.keys(sampleDocuments) as DocumentKind[])(
    '%s: an A4 PDF with the Chinese font embedded, its title, number, centre and case number',
    async (kind) => {
      const { text, pdf } = await textOf(kind);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const fonts = execFileSync('pdffonts', [path.join(dir, `${kind}.pdf`)], { encoding: 'utf8' });
      expect(fonts).toMatch(/NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes/);
      const info = execFileSync('pdfinfo', [path.join(dir, `${kind}.pdf`)], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
      expect(text).toContain(documentTitles[kind]);
      expect(text).toContain(`编号：${sampleDocuments[kind].documentNo}`);
      expect(text).toContain('杭州市西湖区行政服务中心');
      expect(text).toContain(sampleDocuments[kind].caseNo);
      expect(text).toContain('（盖章）');
      expect(text).toContain('2026年12月7日');
    },
  );

  it('the acceptance notice carries the items, the materials, both due dates and the holidays crossed', async () => {
    const { text } = await textOf('acceptance_notice');
    expect(text).toContain('食品经营许可（新办）');
    expect(text).toContain('330100-FIRE-002');
    expect(text).toContain('免提交（证照库调取，证照编号91330106MA2XXXXX3X）');
    expect(text).toContain('原件1份、复印件2份');
    expect(text).toContain('法定办结时限2027年1月5日前');
    expect(text).toContain('承诺办结时限2026年12月21日前');
    expect(text).toContain('时限依据：各事项中最短的法定时限：食品经营许可20个工作日');
    expect(text).toContain('元旦（2027年1月1日）');
    // The acceptance moment in the centre's time (UTC+8), not the server's.
    expect(text).toContain('2026年12月7日10时03分');
    expect(text).toContain('https://zwfw.example.gov.cn/lookup?case=C2026120700012');
  });

  it('refusals state the rights of review (60 days) and litigation (6 months) and the authority', async () => {
    for (const kind of ['acceptance_refusal', 'permit_refusal'] as const) {
      const { text } = await textOf(kind);
      expect(text).toContain('六十日内向杭州市人民政府申请行政复议');
      expect(text).toContain('六个月内依法向人民法院提起行政诉讼');
    }
    expect((await textOf('permit_refusal')).text).toContain('疏散通道宽度不足1.4米');
  });

  it('the 容缺受理通知书 states the catalogue rule for a missed date; the 终止办理通知书 names what is missing, the consequence and the rights', async () => {
    const mixed = (await textOf('tolerated_acceptance_notice')).text;
    expect(mixed).toContain('「经营场所租赁合同」逾期未补齐的，终止办理');
    expect(mixed).toContain('其余材料逾期未补齐的，本中心将督促补齐');
    const waitOnly = {
      ...sampleDocuments.tolerated_acceptance_notice,
      tolerated: [{ name: '从业人员健康证明', dueDate: '2026-12-14', onOverdue: 'wait' as const }],
    };
    const file = path.join(dir, 'wait.pdf');
    writeFileSync(file, await renderDocumentPdf(waitOnly, centre));
    const wait = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(wait).toContain('逾期未补齐的，本中心将督促补齐，办件继续等待');
    expect(wait).not.toContain('终止办理');

    const { text } = await textOf('termination_notice');
    expect(text).toContain('自2026年12月17日起终止办理');
    expect(text).toContain('经营场所租赁合同2026年12月16日前');
    expect(text).toContain('已作出的审批结果不予发放');
    expect(text).toContain('六十日内向杭州市人民政府申请行政复议');
    expect(text).toContain('六个月内依法向人民法院提起行政诉讼');
  });

  it('the lookup address prints whole on its own line, beside the code the case number and phone, over the seal on the same page', async () => {
    // A one-page notice keeps its closing band on its page (the band once went alone onto a second page).
    const { text } = await textOf('termination_notice');
    expect(text).toContain('https://zwfw.example.gov.cn/lookup?case=C2026120700012');
    expect(text).toContain('案件号：C2026120700012');
    expect(text).toContain('咨询电话：0571-88886666');
    expect(text).toContain('ZZ-2026-000004第1页共1页');
  });

  it('the seal never stands alone on a page: the last paragraph goes over with it, however long the list before', async () => {
    const base = sampleDocuments.correction_notice;
    // From a list that ends high on the first page to one that runs onto the second: somewhere in between the
    // closing band no longer fits below the last paragraph.
    for (let count = 4; count <= 16; count += 1) {
      const notice = {
        ...base,
        missing: Array.from({ length: count }, (_, i) => ({
          ...base.missing[i % 2],
          name: `补正材料第${i + 1}项`,
        })),
      };
      const file = path.join(dir, `correction-${count}.pdf`);
      writeFileSync(file, await renderDocumentPdf(notice, centre));
      const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
        .split('\f')
        .map((p) => p.replace(/\s+/g, ''))
        .filter((p) => p.length > 0);
      const sealPage = pages.find((p) => p.includes('（盖章）'))!;
      expect({
        count,
        closingWithSeal: sealPage.includes('本告知书之外的材料，不再要求你（单位）补正。'),
      }).toEqual({
        count,
        closingWithSeal: true,
      });
      expect(pages.join('')).toContain(`补正材料第${count}项`);
    }
  });

  it('the delivery receipt names the method, the recipient and the waybill', async () => {
    const { text } = await textOf('delivery_receipt');
    expect(text).toContain('邮寄送达');
    expect(text).toContain('运单号1187654321098');
    expect(text).toContain('JY13301060012345');
  });

  it('a table too long for one page continues on the next with its header repeated, and pages are numbered', async () => {
    const many = {
      ...sampleDocuments.acceptance_notice,
      materials: Array.from({ length: 60 }, (_, i) => ({ name: `材料第${i + 1}项`, copies: 1 })),
    };
    const pdf = await renderDocumentPdf(many, centre);
    const file = path.join(dir, 'long.pdf');
    writeFileSync(file, pdf);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    const printed = pages.filter((p) => p.trim().length > 0);
    expect(printed.length).toBeGreaterThan(1);
    expect(printed[1].replace(/\s+/g, '')).toContain('材料名称');
    expect(printed.at(-1)!.replace(/\s+/g, '')).toContain(`第${printed.length}页共${printed.length}页`);
    expect(pages.join('').replace(/\s+/g, '')).toContain('材料第60项');
  });

  it('refuses content that does not fit its kind, naming the field, before anything is drawn', async () => {
    const bad = { ...sampleDocuments.acceptance_notice, statutoryDue: '5 Jan 2027', items: [] };
    const failure = await renderDocumentPdf(bad, centre).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ZodError);
    const paths = (failure as ZodError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['statutoryDue', 'items']));
  });

  it('says how to install the fonts when they are missing', async () => {
    await expect(
      renderDocumentPdf(sampleDocuments.extension_notice, { ...centre, fontDir: path.join(dir, 'no-fonts') }),
    ).rejects.toThrow(/fonts-noto-cjk.*DOCUMENT_FONT_DIR/);
  });
});
