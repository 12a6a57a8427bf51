import type { DocumentKind } from './document-content';

/** Each document's title as printed (and as listed among a case's documents). */
export const documentTitles: Record<DocumentKind, string> = {
  acceptance_notice: '受理通知书',
  correction_notice: '材料补正一次性告知书',
  acceptance_refusal: '不予受理决定书',
  tolerated_acceptance_notice: '容缺受理通知书',
  extension_notice: '延期通知书',
  permit_refusal: '不予许可决定书',
  delivery_receipt: '送达回证',
  termination_notice: '终止办理通知书',
};

/** The letters a document number starts with (拼音 initials of the title), e.g. SL for 受理. */
export const documentNumberPrefixes: Record<DocumentKind, string> = {
  acceptance_notice: 'SL',
  correction_notice: 'BZ',
  acceptance_refusal: 'BSL',
  tolerated_acceptance_notice: 'RQ',
  extension_notice: 'YQ',
  permit_refusal: 'BXK',
  delivery_receipt: 'SD',
  termination_notice: 'ZZ',
};
