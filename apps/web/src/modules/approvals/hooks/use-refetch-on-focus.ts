import { useEffect } from 'react';

/** Loads again when the user comes back to the tab (live updates: useTaskEvents). */
export function useRefetchOnFocus(refresh: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, enabled]);
}
