import type { DocumentOf } from '../document-content';
import { chineseDay, chineseMoment } from '../render/chinese-dates';
import type { PageWriter } from '../render/page-writer';
import type { LayoutContext } from './shared-blocks';

const methodNames = { window: '窗口领取', post: '邮寄送达', electronic: '电子送达' } as const;

/** 送达回证: what was delivered, how, to whom and when; the recipient signs. */
export function deliveryReceipt(
  w: PageWriter,
  doc: DocumentOf<'delivery_receipt'>,
  ctx: LayoutContext,
): void {
  w.fields([
    ['案件号', doc.caseNo],
    ['受送达人', `${doc.applicant.name}（${doc.applicant.idNumberMasked}）`],
    ['送达方式', methodNames[doc.method]],
    ['送达时间', chineseMoment(doc.deliveredAt)],
    ['签收人', doc.recipient.name],
    ...(doc.recipient.identityCheck ? [['身份核验', doc.recipient.identityCheck] as [string, string]] : []),
    ...(doc.post
      ? ([
          ['邮寄地址', doc.post.address],
          ['寄递单位', doc.post.carrier],
          ['运单号', doc.post.trackingNo],
        ] as [string, string][])
      : []),
  ]);
  w.heading('送达文书及证照');
  w.table(
    [
      { title: '序号', width: 0.08, align: 'center' },
      { title: '名称', width: 0.55 },
      { title: '编号', width: 0.37 },
    ],
    doc.delivered.map((d, i) => [String(i + 1), d.title, d.number ?? '—']),
  );
  w.signatureLine(doc.method === 'post' ? '受送达人（签收后寄回）：' : '受送达人（签字）：');
  w.sealBlock(ctx.centreName, chineseDay(doc.issuedOn), doc.issuedBy);
}
