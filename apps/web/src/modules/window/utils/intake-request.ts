import type { AcceptApplicationRequest, ChecklistResponse } from '@onewindow/contracts';

type Entry = ChecklistResponse['entries'][number];

/** How the clerk marked one material of the merged checklist. */
export type MaterialMark =
  | { status: 'received'; originals: number; copies: number; electronic: boolean }
  /** 免提交: taken from the certificate library (the checklist found it on file). */
  | { status: 'on_file' }
  /** 容缺: accepted without it; the applicant commits to bring it by `dueDate`. */
  | { status: 'tolerated'; dueDate: string | undefined }
  | { status: 'missing' };

export interface ApplicantValues {
  kind: 'person' | 'organisation';
  idNumber: string;
  name: string;
  phone?: string;
  email?: string;
}

/** A certificate on file makes a material 免提交; everything else starts as not yet received. */
export const initialMark = (entry: Entry): MaterialMark =>
  entry.satisfiedBy?.kind === 'certificate_on_file' ? { status: 'on_file' } : { status: 'missing' };

/** What the catalogue asks for: the counts and the electronic form it names. */
export const asRequired = (entry: Entry): MaterialMark => ({
  status: 'received',
  originals: entry.originals,
  copies: entry.copies,
  electronic: entry.form === 'electronic',
});

/** Why the application cannot be accepted as marked (empty when it can). */
export interface IntakeBlockers {
  /** Required materials neither received, on file nor tolerable. */
  missingRequired: Entry[];
  /** Tolerated materials without the date the applicant commits to. */
  toleratedWithoutDate: Entry[];
}

export function intakeBlockers(entries: Entry[], marks: Record<string, MaterialMark>): IntakeBlockers {
  const markOf = (e: Entry) => marks[e.code] ?? initialMark(e);
  return {
    missingRequired: entries.filter((e) => e.necessity !== 'optional' && markOf(e).status === 'missing'),
    toleratedWithoutDate: entries.filter((e) => {
      const mark = markOf(e);
      return mark.status === 'tolerated' && !mark.dueDate;
    }),
  };
}

/** The POST /api/cases body for a checklist worked through at the window. */
export function acceptRequest(
  checklist: ChecklistResponse,
  bundleCode: string | undefined,
  applicant: ApplicantValues,
  marks: Record<string, MaterialMark>,
): AcceptApplicationRequest {
  const materials = checklist.entries.flatMap((entry): AcceptApplicationRequest['materials'] & object => {
    const mark = marks[entry.code] ?? initialMark(entry);
    switch (mark.status) {
      case 'received': {
        const paper = mark.originals + mark.copies > 0;
        return [
          {
            materialCode: entry.code,
            provenance: 'submitted',
            originals: mark.originals,
            copies: mark.copies,
            form: mark.electronic ? (paper ? 'both' : 'electronic') : 'paper',
          },
        ];
      }
      case 'on_file':
        return entry.satisfiedBy?.kind === 'certificate_on_file'
          ? [
              {
                materialCode: entry.code,
                provenance: 'reused_certificate',
                certificateId: entry.satisfiedBy.identifier,
              },
            ]
          : [];
      case 'tolerated':
        return [{ materialCode: entry.code, provenance: 'tolerated_missing', dueDate: mark.dueDate }];
      case 'missing':
        return [];
    }
  });
  const tolerated = materials.some((m) => m.provenance === 'tolerated_missing');
  return {
    applicant: {
      kind: applicant.kind,
      idNumber: applicant.idNumber.trim().toUpperCase(),
      name: applicant.name.trim(),
      ...(applicant.phone?.trim() ? { phone: applicant.phone.trim() } : {}),
      ...(applicant.email?.trim() ? { email: applicant.email.trim() } : {}),
    },
    items: checklist.itemCodes.map((code) => ({ implementationCode: code })),
    ...(bundleCode ? { bundleCode } : {}),
    materials,
    acceptanceMode: tolerated ? 'tolerated' : 'normal',
  };
}
