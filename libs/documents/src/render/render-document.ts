import QRCode from 'qrcode';
import {
  officialDocumentSchema,
  type DocumentKind,
  type DocumentOf,
  type OfficialDocumentInput,
} from '../document-content';
import { documentTitles } from '../document-kinds';
import { acceptanceNotice } from '../kinds/acceptance-notice';
import { acceptanceRefusal } from '../kinds/acceptance-refusal';
import { correctionNotice } from '../kinds/correction-notice';
import { deliveryReceipt } from '../kinds/delivery-receipt';
import { extensionNotice } from '../kinds/extension-notice';
import { permitRefusal } from '../kinds/permit-refusal';
import type { Letterhead, LayoutContext } from '../kinds/shared-blocks';
import { terminationNotice } from '../kinds/termination-notice';
import { toleratedAcceptanceNotice } from '../kinds/tolerated-acceptance-notice';
import { cjkFonts } from './cjk-font';
import { PageWriter } from './page-writer';

type Layout<K extends DocumentKind> = (w: PageWriter, doc: DocumentOf<K>, ctx: LayoutContext) => void;

const layouts: { [K in DocumentKind]: Layout<K> } = {
  acceptance_notice: acceptanceNotice,
  correction_notice: correctionNotice,
  acceptance_refusal: acceptanceRefusal,
  tolerated_acceptance_notice: toleratedAcceptanceNotice,
  extension_notice: extensionNotice,
  permit_refusal: permitRefusal,
  delivery_receipt: deliveryReceipt,
  termination_notice: terminationNotice,
};

export interface RenderOptions extends Letterhead {
  /** A directory with NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc (default: Debian's fonts-noto-cjk). */
  fontDir?: string;
}

/**
 * One official document as an A4 PDF with the Chinese font embedded (subset): the content is checked
 * against its kind's schema first (a ZodError names the field), so a notice is never printed half-filled.
 */
export async function renderDocumentPdf(
  input: OfficialDocumentInput,
  options: RenderOptions,
): Promise<Buffer> {
  const doc = officialDocumentSchema.parse(input);
  const lookupUrl = 'lookupUrl' in doc ? doc.lookupUrl : undefined;
  const ctx: LayoutContext = {
    centreName: options.centreName,
    contact: options.contact,
    lookupQr: lookupUrl
      ? await QRCode.toBuffer(lookupUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' })
      : undefined,
  };
  const title = documentTitles[doc.kind];
  const writer = new PageWriter(cjkFonts(options.fontDir), {
    title: `${title} ${doc.documentNo}`,
    author: options.centreName,
    createdOn: new Date(`${doc.issuedOn}T00:00:00+08:00`),
  });
  writer.letterhead(options.centreName);
  writer.title(title, doc.documentNo);
  (layouts[doc.kind] as Layout<typeof doc.kind>)(writer, doc, ctx);
  return writer.finish(doc.documentNo);
}
