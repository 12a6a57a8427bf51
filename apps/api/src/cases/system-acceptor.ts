/**
 * `Case.acceptedBy` of an online submission deemed accepted (视为受理, 行政许可法 Art. 32): no clerk accepted it.
 * Its window is `Case.windowDepartmentCode`. Printed and shown as `SYSTEM_ACCEPTOR_LABEL`.
 */
export const SYSTEM_ACCEPTOR = 'system';
export const SYSTEM_ACCEPTOR_LABEL = '系统（视为受理）';
