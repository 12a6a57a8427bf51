import type { DocumentOf } from '../document-content';
import { chineseDay, chineseMoment } from '../render/chinese-dates';
import type { PageWriter } from '../render/page-writer';
import { itemsTable, sealWithLookup, rightsStatement, type LayoutContext } from './shared-blocks';

/** 终止办理通知书: a 容缺受理 ended because tolerated materials were not handed in by their dates. */
export function terminationNotice(
  w: PageWriter,
  doc: DocumentOf<'termination_notice'>,
  ctx: LayoutContext,
): void {
  w.addressee(doc.applicant.name);
  w.paragraph(
    `你（单位）于${chineseMoment(doc.acceptedAt)}提出的下列申请（案件号 ${doc.caseNo}）已予容缺受理。` +
      `你（单位）承诺补齐的容缺材料逾期未补齐，依据容缺受理通知书及你（单位）的承诺，` +
      `自${chineseDay(doc.terminatedOn)}起终止办理。`,
  );
  w.heading('一、申请事项');
  itemsTable(w, doc.items);
  w.heading('二、逾期未补齐的容缺材料');
  w.table(
    [
      { title: '序号', width: 0.08, align: 'center' },
      { title: '容缺材料', width: 0.62 },
      { title: '承诺补齐期限', width: 0.3 },
    ],
    doc.missing.map((m, i) => [String(i + 1), m.name, `${chineseDay(m.dueDate)}前`]),
  );
  w.heading('三、终止办理的后果');
  w.paragraph(
    '本申请终止办理，已作出的审批结果不予发放，办理时限不再计算。你（单位）备齐全部材料后，可以重新提出申请。',
  );
  w.heading('四、救济途径');
  rightsStatement(w, doc.reviewAuthority);
  sealWithLookup(w, ctx, doc);
}
