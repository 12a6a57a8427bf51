import type { PageWriter } from '../render/page-writer';
import { chineseDay, chineseSpan } from '../render/chinese-dates';

export interface Letterhead {
  /** The service centre's name as printed at the top and over the seal. */
  centreName: string;
  /** A telephone number or desk for questions, printed with the lookup. */
  contact?: string;
}

/** What a kind's layout gets besides its content. */
export interface LayoutContext extends Letterhead {
  /** The public lookup URL as a QR code (PNG), for the kinds that print one. */
  lookupQr?: Buffer;
}

/** Who applied (masked ID), their agent, and the case number, as the first block under the title. */
export function applicantFields(
  w: PageWriter,
  doc: { caseNo: string; applicant: { name: string; idNumberMasked: string; agentName?: string } },
): void {
  w.fields([
    ['申请人', `${doc.applicant.name}（${doc.applicant.idNumberMasked}）`],
    ...(doc.applicant.agentName ? [['代理人', doc.applicant.agentName] as [string, string]] : []),
    ['案件号', doc.caseNo],
  ]);
}

type Item = { code: string; name: string; departmentName: string };

export function itemsTable(w: PageWriter, items: Item[]): void {
  w.table(
    [
      { title: '序号', width: 0.07, align: 'center' },
      { title: '事项名称', width: 0.43 },
      { title: '事项编码', width: 0.28 },
      { title: '承办部门', width: 0.22 },
    ],
    items.map((item, i) => [String(i + 1), item.name, item.code, item.departmentName]),
  );
}

export function dueDatesBlock(
  w: PageWriter,
  due: {
    statutoryDue: string;
    promisedDue?: string;
    holidaysCrossed: { name: string; start: string; end: string }[];
  },
): void {
  const rows: [string, string][] = [['法定办结时限', `${chineseDay(due.statutoryDue)}前（按工作日计算）`]];
  if (due.promisedDue) rows.push(['承诺办结时限', `${chineseDay(due.promisedDue)}前`]);
  rows.push([
    '期间所含法定节假日',
    due.holidaysCrossed.length === 0
      ? '无'
      : due.holidaysCrossed.map((h) => `${h.name}（${chineseSpan(h.start, h.end)}）`).join('；'),
  ]);
  w.fields(rows);
  w.paragraph(
    '依照《中华人民共和国行政许可法》第八十二条，上述期限以工作日计算，不含法定节假日；' +
      '依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内，届时另行书面告知。',
  );
}

/** The rights every refusal states: 行政复议 within 60 days, or 行政诉讼 within 6 months. */
export function rightsStatement(w: PageWriter, reviewAuthority: string): void {
  w.paragraph(
    `如不服本决定，可以自收到本决定书之日起六十日内向${reviewAuthority}申请行政复议，` +
      '或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。',
  );
}

/**
 * The closing band of a notice: the seal block, with the QR code of the public lookup and how to check
 * progress at its left (when the case has a lookup code).
 */
export function sealWithLookup(
  w: PageWriter,
  ctx: LayoutContext,
  doc: { caseNo: string; lookupUrl: string; issuedOn: string; issuedBy: string },
): void {
  const lookup = ctx.lookupQr && {
    png: ctx.lookupQr,
    caption: '扫描下方二维码，或访问以下网址，凭案件号查询办理进度：',
    url: doc.lookupUrl,
    besideCode: [`案件号：${doc.caseNo}`, ...(ctx.contact ? [`咨询电话：${ctx.contact}`] : [])],
  };
  w.sealBlock(ctx.centreName, chineseDay(doc.issuedOn), doc.issuedBy, lookup || undefined);
}

/** How a material was handed in, as printed: `原件 1 份、复印件 2 份、电子材料`, or the certificate it was taken from. */
export function receivedAs(m: {
  originals: number;
  copies: number;
  electronic: boolean;
  certificateNo?: string;
}): string {
  if (m.certificateNo) return `免提交（证照库调取，证照编号 ${m.certificateNo}）`;
  const parts = [
    ...(m.originals > 0 ? [`原件 ${m.originals} 份`] : []),
    ...(m.copies > 0 ? [`复印件 ${m.copies} 份`] : []),
    ...(m.electronic ? ['电子材料'] : []),
  ];
  return parts.join('、') || '—';
}
