import type { DocumentOf } from '../document-content';
import { chineseDay } from '../render/chinese-dates';
import type { PageWriter } from '../render/page-writer';
import { itemsTable, type LayoutContext } from './shared-blocks';

/** 延期通知书 (Art. 42): the extension, its reason, who approved it, and the new due date. */
export function extensionNotice(
  w: PageWriter,
  doc: DocumentOf<'extension_notice'>,
  ctx: LayoutContext,
): void {
  w.addressee(doc.applicant.name);
  w.paragraph(
    `你（单位）申请的下列事项（案件号 ${doc.caseNo}），因${doc.reason}，不能在法定期限内作出决定。` +
      `依据《中华人民共和国行政许可法》第四十二条的规定，经${doc.approvedBy}批准，办理期限延长${doc.extensionWorkingDays}个工作日。`,
  );
  itemsTable(w, doc.items);
  w.fields([
    ['原办结期限', `${chineseDay(doc.previousDue)}前`],
    ['延长后办结期限', `${chineseDay(doc.newDue)}前`],
    ['批准人', doc.approvedBy],
  ]);
  w.sealBlock(ctx.centreName, chineseDay(doc.issuedOn), doc.issuedBy);
}
