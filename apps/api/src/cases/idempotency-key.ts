import crypto from 'node:crypto';
import type { Request } from 'express';
import { canonicalJson } from '@onewindow/flow-model';
import { ProblemError, ProblemType } from '../http/problem';

/** The optional `Idempotency-Key` header (8–128 of A–Z a–z 0–9 _ - . :). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\w.:-]{8,128}$/.test(key)) {
    throw new ProblemError(
      400,
      ProblemType.validation,
      'Invalid request',
      'Idempotency-Key must be 8–128 characters of letters, digits, _ - . :',
      [{ path: 'header.Idempotency-Key', message: 'use 8–128 characters of letters, digits, _ - . :' }],
    );
  }
  return key;
}

/** Hash of the parsed request, so key order and defaults do not make equal requests look different. */
export const requestHash = (body: unknown): string =>
  crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');

export const keyReusedProblem = (key: string) =>
  new ProblemError(
    422,
    ProblemType.conflict,
    'Idempotency key reused',
    `Idempotency-Key ${key} was already used for a different request; use a new key for a new application`,
  );
