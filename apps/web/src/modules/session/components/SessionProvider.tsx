import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionResponse } from '@onewindow/contracts';
import { setCsrfToken } from '../../api-client/api-client';
import { fetchSession, signIn as requestSignIn, signOut as requestSignOut } from '../api/session.api';
import { SessionContext, type SessionState } from '../hooks/session-context';

/** Loads who is signed in once, and keeps the CSRF token of the session in the apiClient. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionResponse | null | undefined>(undefined);

  const apply = useCallback((next: SessionResponse | null) => {
    setCsrfToken(next?.csrfToken);
    setSession(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(apply, () => {
      if (!controller.signal.aborted) apply(null);
    });
    return () => controller.abort();
  }, [apply]);

  const signIn = useCallback(
    async (username: string, password: string) => apply(await requestSignIn(username, password)),
    [apply],
  );
  const signOut = useCallback(async () => {
    try {
      await requestSignOut();
    } finally {
      apply(null);
    }
  }, [apply]);

  const value = useMemo<SessionState>(
    () => ({ session, signIn, signOut, update: apply }),
    [session, signIn, signOut, apply],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
