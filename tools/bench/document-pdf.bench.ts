// One official document as a PDF (target p95 < 300 ms): renderDocumentPdf for each kind, against the bare
// baseline in the same run — pdfkit writing the same number of lines of Chinese text in the same embedded
// font, without our layout (no tables, seal, QR code or schema check). Run with
// `npx tsx tools/bench/document-pdf.bench.ts`. Prints a markdown table; writes tmp/bench/document-pdf.json.
import PDFDocument from 'pdfkit';
import { cjkFonts, renderDocumentPdf, type DocumentKind } from '@onewindow/documents';
import { sampleDocuments } from '@onewindow/documents/test/sample-documents';
import { hostLine, hostNow, ms, summarize, writeResult } from './bench-report';

const ROUNDS = 60;
const centre = { centreName: '杭州市西湖区行政服务中心', contact: '0571-88886666' };

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up (the fonts are parsed on the first call)
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
}

/** The baseline: 40 lines of Chinese in the same (parsed, subset-embedded) font, nothing else. */
function barePdf(): Promise<Buffer> {
  const fonts = cjkFonts();
  const pdf = new PDFDocument({ size: 'A4' });
  pdf.registerFont('body', fonts.regular as never);
  pdf.font('body').fontSize(12);
  for (let i = 0; i < 40; i++)
    pdf.text(`第${i + 1}行：你（单位）提出的行政许可申请，申请材料齐全、符合法定形式，决定予以受理。`);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.end();
  });
}

void (async () => {
  const host = hostNow();
  const rows: { name: string; median: number; p95: number; bytes: number }[] = [];
  const bare = summarize(await timed(barePdf));
  rows.push({ name: 'baseline: bare pdfkit, 40 lines, same font', ...bare, bytes: (await barePdf()).length });
  for (const kind of Object.keys(sampleDocuments) as DocumentKind[]) {
    const s = summarize(await timed(() => renderDocumentPdf(sampleDocuments[kind], centre)));
    rows.push({ name: kind, ...s, bytes: (await renderDocumentPdf(sampleDocuments[kind], centre)).length });
  }
  console.log(`One document as a PDF, ${ROUNDS} rounds each after 5 warm-up rounds; ${hostLine(host)}\n`);
  console.log('| document | median ms | p95 ms | size KB |\n|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.name} | ${ms(r.median)} | ${ms(r.p95)} | ${Math.round(r.bytes / 1024)} |`);
  console.log(`\nwrote ${writeResult('document-pdf', { host, rounds: ROUNDS, rows })}`);
})();
