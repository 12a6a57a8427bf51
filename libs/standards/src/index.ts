// Identity validators and zod refinements
export { type IdentityCheck } from './identity/identity-check';
export {
  validateResidentId,
  residentIdCheckDigit,
  residentIdBirthDate,
  type ResidentIdRule,
  type ResidentIdOptions,
} from './identity/resident-id.validator';
export { validateUscc, usccCheckCharacter, USCC_ALPHABET, type UsccRule } from './identity/uscc.validator';
export { validateMobile, type MobileRule } from './identity/mobile.validator';
export { PROVINCE_CODES, isProvinceCode } from './identity/province-codes.data';
export {
  checkedString,
  residentIdSchema,
  usccSchema,
  mobileSchema,
  holderCodeTypeSchema,
  holderSchema,
  HOLDER_CODE_TYPE_CODES,
  type HolderCodeType,
  type Holder,
} from './identity/identity.schema';

// National code tables and item codes
export * from './codes/code-tables';
export {
  validateBasicCode,
  validateImplementationCode,
  validateHandlingItemCode,
  splitImplementationCode,
  buildImplementationCode,
  type ItemCodeRule,
  type ImplementationCodeParts,
} from './codes/item-code.validator';
export { basicCodeSchema, implementationCodeSchema, handlingItemCodeSchema } from './codes/code.schema';
export { isoDateStringSchema, isIsoDateString } from './codes/iso-date.schema';

// Catalogue entities
export {
  departmentSchema,
  departmentCodeSchema,
  regionCodeSchema,
  type Department,
} from './department/department.schema';
export * from './material/material.schema';
export {
  itemTimeLimitSchema,
  comparePromisedToStatutory,
  type ItemTimeLimit,
  type LimitComparison,
} from './item/time-limit.schema';
export {
  itemSchema,
  itemResultSchema,
  itemResultKindSchema,
  feesSchema,
  feeItemSchema,
  itemKey,
  isOnTheSpot,
  type Item,
  type ItemInput,
  type ItemResult,
  type Fees,
} from './item/item.schema';
export {
  certificateTypeSchema,
  certificateSchema,
  certificateStatusSchema,
  licenceIdentifierSchema,
  isCertificateUsable,
  certificateValidUntil,
  type CertificateType,
  type Certificate,
  type CertificateStatus,
} from './certificate/certificate.schema';
export {
  LICENCE_ROOT_OID,
  buildLicenceIdentifier,
  parseLicenceIdentifier,
  validateLicenceIdentifier,
  licenceCheckCharacter,
  type LicenceIdentifierParts,
  type LicenceIdentifierRule,
} from './certificate/licence-identifier';
export {
  BUNDLE_JOINT_HANDLING_LABELS,
  bundleSchema,
  bundleItemSchema,
  bundleFormFieldSchema,
  bundleFieldTypeSchema,
  bundleStages,
  type Bundle,
  type BundleInput,
  type BundleItem,
  type BundleFormField,
} from './bundle/bundle.schema';

// Whole catalogue, seed and synthetic data
export {
  catalogueSchema,
  parseCatalogue,
  CatalogueValidationError,
  type Catalogue,
  type CatalogueInput,
} from './catalogue/catalogue.schema';
export { loadSeedCatalogue, seedCatalogueData } from './catalogue/seed-catalogue';
export { findItem, bundleItemsOf } from './catalogue/catalogue-lookup';
export {
  loadDemoApplicants,
  demoApplicantSchema,
  DEMO_AS_OF,
  type DemoApplicant,
} from './catalogue/demo-applicants';
export { generateSyntheticCatalogue, syntheticDepartmentUscc } from './catalogue/synthetic-catalogue';

// Merged material checklist (一套材料)
export { mergeMaterials } from './checklist/merge-materials';
export type {
  ChecklistItem,
  CertificateOnFile,
  ChecklistApplicant,
  MergeMaterialsOptions,
  ChecklistNeed,
  ChecklistSatisfaction,
  ChecklistEntry,
  ChecklistCounts,
  MaterialChecklist,
} from './checklist/material-checklist.types';
