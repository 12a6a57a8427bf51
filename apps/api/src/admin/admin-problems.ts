// The administration workspace's refusals: Chinese, since the administrator reads them as they are.
import type { Request } from 'express';
import { ProblemError, ProblemType } from '../http/problem';
import { signedInUser } from '../auth/authorize.middleware';

export const adminConflict = (detail: string) =>
  new ProblemError(409, ProblemType.conflict, '与现有数据冲突', detail);

export const adminInvalid = (path: string, message: string) =>
  new ProblemError(400, ProblemType.validation, '输入有误', message, [{ path, message }]);

export const adminNotFound = (detail: string) =>
  new ProblemError(404, ProblemType.notFound, '不存在', detail);

/** Who made a change, from where: written into the change's own audit entry. */
export interface ChangeAuthor {
  actorUserId: string;
  ip: string | null;
  requestId: string | null;
}

export const changeAuthor = (req: Request): ChangeAuthor => ({
  actorUserId: signedInUser(req).id,
  ip: req.ip ?? null,
  requestId: req.id == null ? null : String(req.id),
});
