import type { Role, RoleGrant } from '@onewindow/contracts';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  /** The user's own (home) department. */
  departmentCode: string | null;
  /** Every role the user holds, in some department (distinct). */
  roles: Role[];
  /**
   * Each role with the department it is for (a department-scoped role: the home department's, or another that
   * was granted; a role for any department: null). The access policy and the inbox read these (grants.ts).
   */
  grants: RoleGrant[];
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
