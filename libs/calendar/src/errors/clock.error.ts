/** Error codes for invalid statutory-clock transitions or state. */
export const ClockErrorCode = {
  InvalidStart: 'INVALID_START',
  InvalidDate: 'INVALID_DATE',
  AlreadySuspended: 'ALREADY_SUSPENDED',
  NotSuspended: 'NOT_SUSPENDED',
  OutOfOrder: 'OUT_OF_ORDER',
  InvalidExtension: 'INVALID_EXTENSION',
  InvalidReason: 'INVALID_REASON',
  InvalidSnapshot: 'INVALID_SNAPSHOT',
} as const;
export type ClockErrorCode = (typeof ClockErrorCode)[keyof typeof ClockErrorCode];

export class ClockError extends Error {
  override readonly name = 'ClockError';
  constructor(
    readonly code: ClockErrorCode,
    message: string,
  ) {
    super(message);
  }
}
