import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

export interface ApiQueryState<T> {
  data: T | undefined;
  error: unknown;
  /** A request is in flight (the first load or a reload; the last good data stays meanwhile). */
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
 * Server state through TanStack Query (the client is `AppProviders`'): `key` names the data, so every component
 * that asks for the same key shares one request and one cached answer (`invalidateQueries` reloads them all).
 * A new key keeps the last good data on screen while it loads; a reload aborts the request it replaces.
 */
export function useApiQuery<T>(
  key: string,
  fetcher: (signal: AbortSignal) => Promise<T>,
  { refreshIntervalMs, enabled = true }: ApiQueryOptions = {},
): ApiQueryState<T> {
  const query = useQuery({
    queryKey: [key],
    queryFn: ({ signal }) => fetcher(signal),
    enabled,
    refetchInterval: refreshIntervalMs ?? false,
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const refresh = useCallback(() => void refetch({ cancelRefetch: true }), [refetch]);
  const answeredAt = Math.max(query.dataUpdatedAt, query.errorUpdatedAt);
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: query.isFetching,
    updatedAt: answeredAt > 0 ? new Date(answeredAt) : undefined,
    refresh,
  };
}
