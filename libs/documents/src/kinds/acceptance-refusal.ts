import type { DocumentOf } from '../document-content';
import { chineseDay, chineseMoment } from '../render/chinese-dates';
import type { PageWriter } from '../render/page-writer';
import { itemsTable, rightsStatement, type LayoutContext } from './shared-blocks';

/** 不予受理决定书: the reason, where to go instead, the rights of review and litigation. */
export function acceptanceRefusal(
  w: PageWriter,
  doc: DocumentOf<'acceptance_refusal'>,
  ctx: LayoutContext,
): void {
  w.addressee(doc.applicant.name);
  w.paragraph(
    `你（单位）于${chineseMoment(doc.receivedAt)}提出的下列申请（编号 ${doc.caseNo}），` +
      '依据《中华人民共和国行政许可法》第三十二条的规定，决定不予受理。',
  );
  w.heading('一、申请事项');
  itemsTable(w, doc.items);
  w.heading('二、不予受理的理由');
  w.paragraph(doc.reason);
  if (doc.redirectTo) w.paragraph(`该申请事项依法不属于本机关职权范围，请向${doc.redirectTo}申请。`);
  w.heading('三、救济途径');
  rightsStatement(w, doc.reviewAuthority);
  w.sealBlock(ctx.centreName, chineseDay(doc.issuedOn), doc.issuedBy);
}
