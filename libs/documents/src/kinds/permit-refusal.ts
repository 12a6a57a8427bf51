import type { DocumentOf } from '../document-content';
import { chineseDay } from '../render/chinese-dates';
import type { PageWriter } from '../render/page-writer';
import { rightsStatement, type LayoutContext } from './shared-blocks';

/** 不予许可决定书: each department's reasons, and the rights of review and litigation. */
export function permitRefusal(w: PageWriter, doc: DocumentOf<'permit_refusal'>, ctx: LayoutContext): void {
  w.addressee(doc.applicant.name);
  w.paragraph(
    `你（单位）申请的事项（案件号 ${doc.caseNo}），经审查，依据《中华人民共和国行政许可法》第三十八条第二款的规定，` +
      '决定对下列事项不予许可，理由如下。',
  );
  w.table(
    [
      { title: '序号', width: 0.08, align: 'center' },
      { title: '事项', width: 0.26 },
      { title: '审查部门', width: 0.2 },
      { title: '不予许可的理由', width: 0.46 },
    ],
    doc.refusals.map((r, i) => [
      String(i + 1),
      r.itemName,
      r.departmentName,
      r.reasons.map((reason, j) => (r.reasons.length > 1 ? `${j + 1}. ${reason}` : reason)).join('\n'),
    ]),
  );
  rightsStatement(w, doc.reviewAuthority);
  w.sealBlock(ctx.centreName, chineseDay(doc.issuedOn), doc.issuedBy);
}
