import { createContext } from 'react';
import type { SessionResponse } from '@onewindow/contracts';

export interface SessionState {
  /** undefined while loading, null when signed out. */
  session: SessionResponse | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Takes a session answer the app got elsewhere (e.g. after changing the password). */
  update?: (next: SessionResponse) => void;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);
