import type { SessionResponse } from '@onewindow/contracts';
import type { AuthContext } from './auth-context';
import { actionsOf } from './access-policy';

export function sessionResponse(auth: AuthContext): SessionResponse {
  return {
    user: auth.user,
    csrfToken: auth.csrfToken,
    expiresAt: auth.expiresAt.toISOString(),
    actions: actionsOf(auth.user),
    ...(auth.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}
