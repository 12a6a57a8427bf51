import type { Role } from '@onewindow/contracts';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  departmentCode: string | null;
  roles: Role[];
}

/** Set on the request by the session middleware when a valid session cookie came with it. */
export interface AuthContext {
  user: AuthUser;
  /** SHA-256 of the cookie token (the Session row id). */
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  /** The password was set by an administrator: every route behind authorize() is refused until it is changed. */
  mustChangePassword?: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}
