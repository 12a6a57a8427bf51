import type { DocumentKindName } from '@onewindow/contracts';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/** A moment as the API stores it (ISO 8601); printed in the centre's time zone. */
const moment = z.iso.datetime({ offset: true });

const applicant = z.object({
  name: text(200),
  /** Already masked by the caller (maskResidentId / maskUscc): a printed notice never shows a full ID. */
  idNumberMasked: text(40),
  /** The agent who came to the window for an organisation, when there is one. */
  agentName: text(100).optional(),
});

const item = z.object({ code: text(40), name: text(200), departmentName: text(200) });

/** What every document carries: its number, the case, the date, the applicant and the clerk. */
const common = {
  documentNo: text(60),
  caseNo: text(40),
  issuedOn: day,
  applicant,
  /** The clerk or official who issued it (name as printed). */
  issuedBy: text(100),
};

const dueDates = {
  statutoryDue: day,
  promisedDue: day.optional(),
  /** Statutory holidays (法定节假日) the counted period crosses, printed so the applicant can check the date. */
  holidaysCrossed: z
    .array(z.object({ name: text(40), start: day, end: day }))
    .max(60)
    .default([]),
};

/** 受理通知书 (Art. 32 ¶2): the case is accepted and the clocks run from `acceptedAt`. */
const acceptanceNotice = z.object({
  kind: z.literal('acceptance_notice'),
  ...common,
  items: z.array(item).min(1),
  acceptedAt: moment,
  /** What was handed in, per material: paper originals and copies, an electronic file, or a certificate on file. */
  materials: z
    .array(
      z.object({
        name: text(200),
        originals: z.number().int().min(0).max(99).default(0),
        copies: z.number().int().min(0).max(99).default(0),
        electronic: z.boolean().default(false),
        /** 免提交: taken from the certificate library instead (its number). */
        certificateNo: text(80).optional(),
      }),
    )
    .max(500),
  ...dueDates,
  /** Which time limit the case runs on and why (the strictest item's, or the joint limit of Art. 42 ¶2). */
  limitBasis: text(400).optional(),
  /** The public lookup address of this case (printed and as a QR code). */
  lookupUrl: z.url(),
});

/** 材料补正一次性告知书 (Art. 32 ¶1 (4)): everything missing, across all items, at once. */
const correctionNotice = z.object({
  kind: z.literal('correction_notice'),
  ...common,
  items: z.array(item).min(1),
  receivedAt: moment,
  missing: z
    .array(
      z.object({
        name: text(200),
        /** What is wrong: missing, not in the legal form, expired … */
        problem: text(500),
        itemName: text(200).optional(),
        form: text(100).optional(),
        quantity: text(40).optional(),
        issuer: text(200).optional(),
      }),
    )
    .min(1)
    .max(500),
  /** Where and how to hand the materials in. */
  handIn: text(500),
  lookupUrl: z.url(),
});

/** 不予受理决定书: the reason, where to go instead, and the applicant's rights of review and litigation. */
const acceptanceRefusal = z.object({
  kind: z.literal('acceptance_refusal'),
  ...common,
  items: z.array(item).min(1),
  receivedAt: moment,
  reason: text(2000),
  /** The competent authority, when the matter is outside this one's remit. */
  redirectTo: text(200).optional(),
  /** Who decides an administrative review (复议机关), printed in the rights statement. */
  reviewAuthority: text(200),
});

/** 容缺受理通知书 with the applicant's commitment (承诺书). */
const toleratedAcceptanceNotice = z.object({
  kind: z.literal('tolerated_acceptance_notice'),
  ...common,
  items: z.array(item).min(1),
  acceptedAt: moment,
  tolerated: z
    .array(
      z.object({
        name: text(200),
        form: text(100).optional(),
        dueDate: day,
        /**
         * The catalogue's rule if the date is missed: keep waiting (`wait`) or 终止办理 (`terminate`). Absent in
         * notices stored before the rule was printed: they keep the sentence they were issued with.
         */
        onOverdue: z.enum(['wait', 'terminate']).optional(),
      }),
    )
    .min(1)
    .max(100),
  ...dueDates,
  lookupUrl: z.url(),
});

/** 延期通知书 (Art. 42): the extension, why, who approved it, the new due date. */
const extensionNotice = z.object({
  kind: z.literal('extension_notice'),
  ...common,
  items: z.array(item).min(1),
  extensionWorkingDays: z.number().int().positive().max(30),
  reason: text(2000),
  approvedBy: text(200),
  previousDue: day,
  newDue: day,
});

/** 不予许可决定书: each department's reasons, and the rights of review and litigation. */
const permitRefusal = z.object({
  kind: z.literal('permit_refusal'),
  ...common,
  refusals: z
    .array(z.object({ itemName: text(200), departmentName: text(200), reasons: z.array(text(2000)).min(1) }))
    .min(1),
  reviewAuthority: text(200),
});

export const deliveryMethods = ['window', 'post', 'electronic'] as const;

/** 送达回证: what was delivered, how, to whom, when, and the recipient's signature. */
const deliveryReceipt = z.object({
  kind: z.literal('delivery_receipt'),
  ...common,
  delivered: z
    .array(z.object({ title: text(200), number: text(80).optional() }))
    .min(1)
    .max(100),
  method: z.enum(deliveryMethods),
  recipient: z.object({ name: text(100), identityCheck: text(200).optional() }),
  post: z.object({ address: text(500), carrier: text(100), trackingNo: text(80) }).optional(),
  deliveredAt: moment,
});

/**
 * 终止办理通知书: a case accepted with tolerated gaps (容缺受理) ended because a tolerated material was not handed
 * in by its date and the catalogue's rule is to terminate: the materials still missing, the consequence, and
 * the rights of review and litigation.
 */
const terminationNotice = z.object({
  kind: z.literal('termination_notice'),
  ...common,
  items: z.array(item).min(1),
  acceptedAt: moment,
  terminatedOn: day,
  missing: z
    .array(z.object({ name: text(200), dueDate: day }))
    .min(1)
    .max(100),
  reviewAuthority: text(200),
  lookupUrl: z.url(),
});

export const officialDocumentSchema = z.discriminatedUnion('kind', [
  acceptanceNotice,
  correctionNotice,
  acceptanceRefusal,
  toleratedAcceptanceNotice,
  extensionNotice,
  permitRefusal,
  deliveryReceipt,
  terminationNotice,
]);
export type OfficialDocument = z.infer<typeof officialDocumentSchema>;
export type OfficialDocumentInput = z.input<typeof officialDocumentSchema>;
export type DocumentKind = OfficialDocument['kind'];
export type DocumentOf<K extends DocumentKind> = Extract<OfficialDocument, { kind: K }>;

// Every kind the contract lists has a layout here, and no other: the API lists what this library prints.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatchContract: Same<DocumentKind, DocumentKindName> = true;
void kindsMatchContract;
