import { ProblemError, ProblemType } from '../http/problem';

/** Document types the window accepts, recognised by their first bytes (never by the declared type alone). */
const signatures = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  // OFD (GB/T 33190 electronic documents) is a ZIP container.
  'application/ofd': [[0x50, 0x4b, 0x03, 0x04]],
} as const satisfies Record<string, readonly (readonly number[])[]>;

export type UploadContentType = keyof typeof signatures;
export const uploadContentTypes = Object.keys(signatures) as UploadContentType[];

export interface UploadPolicy {
  allowedTypes: readonly UploadContentType[];
  maxBytes: number;
}

export const defaultUploadPolicy: UploadPolicy = {
  allowedTypes: uploadContentTypes,
  maxBytes: 20 * 1024 * 1024,
};

export interface UploadCandidate {
  /** The Content-Type the client declared (parameters such as charset are ignored). */
  declaredType: string | undefined;
  size: number;
  /** At least the first 8 bytes of the file. */
  head: Uint8Array;
}

const unsupported = (detail: string) =>
  new ProblemError(415, ProblemType.unsupportedMediaType, 'Unsupported file type', detail);

/** Checks an uploaded file's size, declared type and actual content; returns the verified type or throws a 4xx problem. */
export function checkUpload(
  file: UploadCandidate,
  policy: UploadPolicy = defaultUploadPolicy,
): UploadContentType {
  if (file.size <= 0)
    throw new ProblemError(400, ProblemType.validation, 'Empty file', 'The uploaded file is empty');
  if (file.size > policy.maxBytes) {
    throw new ProblemError(
      413,
      ProblemType.payloadTooLarge,
      'File too large',
      `The file has ${file.size} bytes; the limit is ${policy.maxBytes} bytes`,
    );
  }
  const declared = (file.declaredType ?? '').split(';')[0].trim().toLowerCase();
  const allowed = policy.allowedTypes.join(', ');
  if (!policy.allowedTypes.includes(declared as UploadContentType)) {
    throw unsupported(
      `Files of type "${declared || 'unknown'}" are not accepted; accepted types: ${allowed}`,
    );
  }
  const type = declared as UploadContentType;
  const matches = signatures[type].some((signature) => signature.every((byte, i) => file.head[i] === byte));
  if (!matches)
    throw unsupported(
      `The file content is not ${type} although it was declared so; accepted types: ${allowed}`,
    );
  return type;
}
