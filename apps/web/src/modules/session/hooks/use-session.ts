import { useContext } from 'react';
import type { AccessAction } from '@onewindow/contracts';
import { SessionContext, type SessionState } from './session-context';

export function useSession(): SessionState & { can: (action: AccessAction) => boolean } {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession needs a SessionProvider above it');
  return { ...state, can: (action) => state.session?.actions.includes(action) ?? false };
}
