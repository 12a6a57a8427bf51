import type { Certificate } from '../certificate/certificate.schema';
import type { Item } from '../item/item.schema';
import type {
  MaterialForm,
  MaterialKind,
  MaterialNecessity,
  MaterialSource,
} from '../material/material.schema';

/** What mergeMaterials needs from an item. */
export type ChecklistItem = Pick<Item, 'implementationCode' | 'materials' | 'results'> &
  Partial<Pick<Item, 'handlingItemCode' | 'name'>>;
/** What mergeMaterials needs from a certificate on file. */
export type CertificateOnFile = Pick<Certificate, 'identifier' | 'typeCode' | 'status' | 'validFrom'> & {
  validUntil?: string;
  holder: { code: string };
};
export interface ChecklistApplicant {
  code: string;
  name?: string;
}

export interface MergeMaterialsOptions {
  /** ISO date the certificates must be valid on (never the clock). */
  asOf: string;
  /** Count a material as covered when another item of the same application issues that certificate type (default true). */
  reuseResultsOfItems?: boolean;
}

export interface ChecklistNeed {
  itemCode: string;
  necessity: MaterialNecessity;
  form: MaterialForm;
  originals: number;
  copies: number;
  notes?: string;
}

export type ChecklistSatisfaction =
  | { kind: 'certificate_on_file'; identifier: string; validUntil?: string }
  | { kind: 'result_of_item'; itemCode: string };

export interface ChecklistEntry {
  code: string;
  name: string;
  kind: MaterialKind;
  source: MaterialSource;
  certificateTypeCode?: string;
  blankFormRef?: string;
  sampleRef?: string;
  /** Strictest over the items: original > copy > electronic; max originals and copies; required > tolerated_missing > optional. */
  form: MaterialForm;
  originals: number;
  copies: number;
  necessity: MaterialNecessity;
  neededBy: ChecklistNeed[];
  /** Present when the applicant need not submit it (免提交). */
  satisfiedBy?: ChecklistSatisfaction;
}

export interface ChecklistCounts {
  /** Requirement lines over all items (what separate applications would ask for). */
  requirementsListed: number;
  distinctMaterials: number;
  /** Distinct materials still to submit (required or tolerated-missing, not covered). */
  submissionsRequired: number;
  /** Distinct optional materials not covered. */
  submissionsOptional: number;
  savedByMerging: number;
  savedByReuse: number;
  /** requirementsListed − distinct materials still to submit or optional. */
  submissionsSaved: number;
}

export interface MaterialChecklist {
  asOf: string;
  applicantCode: string;
  itemCodes: string[];
  entries: ChecklistEntry[];
  counts: ChecklistCounts;
}
