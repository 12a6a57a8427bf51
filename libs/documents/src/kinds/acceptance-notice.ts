import type { DocumentOf } from '../document-content';
import { chineseMoment } from '../render/chinese-dates';
import type { PageWriter } from '../render/page-writer';
import {
  applicantFields,
  dueDatesBlock,
  receivedAs,
  itemsTable,
  sealWithLookup,
  type LayoutContext,
} from './shared-blocks';

/** 受理通知书. */
export function acceptanceNotice(
  w: PageWriter,
  doc: DocumentOf<'acceptance_notice'>,
  ctx: LayoutContext,
): void {
  applicantFields(w, doc);
  w.addressee(doc.applicant.name);
  w.paragraph(
    `你（单位）于${chineseMoment(doc.acceptedAt)}提出的下列行政许可申请，申请材料齐全、符合法定形式，` +
      `依据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。案件号：${doc.caseNo}。`,
  );
  w.heading('一、申请事项');
  itemsTable(w, doc.items);
  w.heading('二、已收取的申请材料');
  w.table(
    [
      { title: '序号', width: 0.08, align: 'center' },
      { title: '材料名称', width: 0.52 },
      { title: '收取情况', width: 0.4 },
    ],
    doc.materials.map((m, i) => [String(i + 1), m.name, receivedAs(m)]),
  );
  w.heading('三、办理时限');
  if (doc.limitBasis) w.paragraph(`时限依据：${doc.limitBasis}。`);
  dueDatesBlock(w, doc);
  sealWithLookup(w, ctx, doc);
}
