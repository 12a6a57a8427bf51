export {
  officialDocumentSchema,
  deliveryMethods,
  type OfficialDocument,
  type OfficialDocumentInput,
  type DocumentKind,
  type DocumentOf,
} from './document-content';
export { documentTitles, documentNumberPrefixes } from './document-kinds';
export { renderDocumentPdf, type RenderOptions } from './render/render-document';
export { cjkFonts } from './render/cjk-font';
