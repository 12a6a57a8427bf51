import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiQueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** When the last answer (success or failure) arrived. */
  updatedAt: Date | undefined;
  refresh: () => void;
}

interface ApiQueryOptions {
  /** Poll again this many milliseconds after each answer. */
  refreshIntervalMs?: number;
  /** Skip loading (e.g. until the user picked something). */
  enabled?: boolean;
}

/**
 * Loads `fetcher` whenever `key` changes, keeps the last good data while reloading,
 * and aborts a request that a newer one replaces.
 */
export function useApiQuery<T>(
  key: string,
  fetcher: (signal: AbortSignal) => Promise<T>,
  { refreshIntervalMs, enabled = true }: ApiQueryOptions = {},
): ApiQueryState<T> {
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });
  const [state, setState] = useState<Omit<ApiQueryState<T>, 'refresh'>>({
    data: undefined,
    error: undefined,
    loading: enabled,
    updatedAt: undefined,
  });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState((previous) => ({ ...previous, loading: true }));
    fetcherRef
      .current(controller.signal)
      .then(
        (data) => {
          if (!controller.signal.aborted)
            setState({ data, error: undefined, loading: false, updatedAt: new Date() });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState((previous) => ({ ...previous, error, loading: false, updatedAt: new Date() }));
        },
      )
      .finally(() => {
        if (!controller.signal.aborted && refreshIntervalMs) timer = setTimeout(refresh, refreshIntervalMs);
      });
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [key, enabled, generation, refreshIntervalMs, refresh]);

  return { ...state, refresh };
}
