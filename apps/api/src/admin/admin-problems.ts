// The administration workspace's refusals: Chinese, since the administrator reads them as they are.
import type { Request } from 'express';
import type { z } from 'zod';
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

/** Parses a request part with its schema; a failure is a 400 naming every wrong field, in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(整体)',
    // The standards' own rules carry their Chinese text as params.zh.
    message:
      issue.code === 'unrecognized_keys'
        ? `不认识的字段 ${issue.keys.join('、')}，请删除`
        : issue.code === 'custom' && typeof issue.params?.zh === 'string'
          ? issue.params.zh
          : issue.message,
  }));
  const summary = errors.map((e) => (e.path === '(整体)' ? e.message : `${e.path}：${e.message}`)).join('；');
  throw new ProblemError(400, ProblemType.validation, '输入有误', `${what}有误 — ${summary}`, errors);
}
