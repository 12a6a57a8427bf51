import type { RequestHandler } from 'express';
import type { Db } from '@onewindow/db';
import { findSession } from './session.service';
import { sessionTokenOf } from './session-cookie';

/** Attaches req.auth when the request carries a live session cookie; anything else is anonymous. */
export function sessionMiddleware(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const token = sessionTokenOf(req);
    if (token) req.auth = await findSession(db, token);
    next();
  };
}
