import type { DocumentOf } from '../document-content';
import { chineseDay, chineseMoment } from '../render/chinese-dates';
import type { PageWriter } from '../render/page-writer';
import { dueDatesBlock, itemsTable, sealWithLookup, type LayoutContext } from './shared-blocks';

type Tolerated = DocumentOf<'tolerated_acceptance_notice'>['tolerated'];

const terminating = (tolerated: Tolerated) => tolerated.filter((m) => m.onOverdue === 'terminate');
// Notices issued before the rule was printed say what they always said.
const ruleStated = (tolerated: Tolerated) => tolerated.some((m) => m.onOverdue !== undefined);

/** What happens if the date is missed, as the catalogue's rule for each material says. */
function overdueSentence(tolerated: Tolerated): string {
  if (!ruleStated(tolerated)) return '逾期未补齐的，终止办理，已作出的审批结果不予发放。';
  const ending = terminating(tolerated);
  if (ending.length === 0) return '逾期未补齐的，本中心将督促补齐，办件继续等待，补齐前审批结果不予发放。';
  const names = ending.length === tolerated.length ? '' : `${ending.map((m) => `「${m.name}」`).join('、')}`;
  const rest =
    ending.length === tolerated.length
      ? ''
      : '其余材料逾期未补齐的，本中心将督促补齐，补齐前审批结果不予发放。';
  return `${names}逾期未补齐的，终止办理，已作出的审批结果不予发放，并出具终止办理通知书。${rest}`;
}

function commitmentClause(tolerated: Tolerated): string {
  if (!ruleStated(tolerated) || terminating(tolerated).length > 0)
    return '逾期未补齐的，同意终止办理并承担相应责任。';
  return '逾期未补齐的，同意在补齐前不予发放审批结果并承担相应责任。';
}

/** 容缺受理通知书 with the applicant's commitment (承诺书) to sign. */
export function toleratedAcceptanceNotice(
  w: PageWriter,
  doc: DocumentOf<'tolerated_acceptance_notice'>,
  ctx: LayoutContext,
): void {
  w.addressee(doc.applicant.name);
  w.paragraph(
    `你（单位）于${chineseMoment(doc.acceptedAt)}提出的下列申请（案件号 ${doc.caseNo}），主要申请材料齐全、符合法定形式，` +
      '次要材料存在欠缺，经你（单位）书面承诺按期补齐，决定予以容缺受理。',
  );
  w.heading('一、申请事项');
  itemsTable(w, doc.items);
  w.heading('二、容缺材料及补齐期限');
  w.table(
    [
      { title: '序号', width: 0.08, align: 'center' },
      { title: '容缺材料', width: 0.52 },
      { title: '形式', width: 0.18 },
      { title: '补齐期限', width: 0.22 },
    ],
    doc.tolerated.map((m, i) => [String(i + 1), m.name, m.form ?? '—', `${chineseDay(m.dueDate)}前`]),
  );
  w.paragraph(`容缺材料补齐前，审批结果不予出件。${overdueSentence(doc.tolerated)}`);
  w.heading('三、办理时限');
  dueDatesBlock(w, doc);
  w.heading('四、申请人承诺');
  w.paragraph(
    `本人（单位）承诺：在上述期限内补齐容缺材料，并对所补材料的真实性负责；${commitmentClause(doc.tolerated)}`,
  );
  w.signatureLine('申请人（签字或盖章）：');
  sealWithLookup(w, ctx, doc);
}
