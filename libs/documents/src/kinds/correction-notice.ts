import type { DocumentOf } from '../document-content';
import { chineseMoment } from '../render/chinese-dates';
import type { PageWriter } from '../render/page-writer';
import { itemsTable, sealWithLookup, type LayoutContext } from './shared-blocks';

/** 材料补正一次性告知书: every missing or defective material at once. */
export function correctionNotice(
  w: PageWriter,
  doc: DocumentOf<'correction_notice'>,
  ctx: LayoutContext,
): void {
  w.addressee(doc.applicant.name);
  w.paragraph(
    `你（单位）于${chineseMoment(doc.receivedAt)}提出的下列申请（编号 ${doc.caseNo}），申请材料不齐全或者不符合法定形式。` +
      '依据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下。',
  );
  w.heading('一、申请事项');
  itemsTable(w, doc.items);
  w.heading('二、需要补正的材料');
  w.table(
    [
      { title: '序号', width: 0.07, align: 'center' },
      { title: '材料名称', width: 0.22 },
      { title: '所属事项', width: 0.17 },
      { title: '问题及补正要求', width: 0.25 },
      { title: '形式／份数', width: 0.15 },
      { title: '出具单位', width: 0.14 },
    ],
    doc.missing.map((m, i) => [
      String(i + 1),
      m.name,
      m.itemName ?? '—',
      m.problem,
      [m.form, m.quantity].filter(Boolean).join('／') || '—',
      m.issuer ?? '—',
    ]),
  );
  w.heading('三、补正方式');
  w.paragraph(doc.handIn);
  w.paragraph(
    '补正材料齐全、符合法定形式后，自补正之日起予以受理，办理时限自受理之日起计算。' +
      '本告知书之外的材料，不再要求你（单位）补正。',
  );
  sealWithLookup(w, ctx, doc);
}
