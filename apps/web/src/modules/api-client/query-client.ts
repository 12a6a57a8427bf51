import { QueryClient } from '@tanstack/react-query';

/**
 * The app's server-state cache. An answer is stale at once (a clerk's desk must show what the server has now:
 * every mount loads again, while the last answer stays on screen); a failed request is not retried behind the
 * user's back (the page shows the problem and a retry); the inbox reloads on focus by itself (useRefetchOnFocus).
 */
export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: { staleTime: 0, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
