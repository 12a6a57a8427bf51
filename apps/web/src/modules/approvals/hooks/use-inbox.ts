import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchCopiedCases, fetchInbox, type InboxQuery } from '../api/approvals.api';
import { useRefetchOnFocus } from './use-refetch-on-focus';

/** One page of an inbox view, loaded on the server's order and filters, again on focus and after each action. */
export function useInbox(query: InboxQuery | undefined) {
  const state = useApiQuery(`inbox:${JSON.stringify(query)}`, (signal) => fetchInbox(query!, signal), {
    enabled: query !== undefined,
  });
  useRefetchOnFocus(state.refresh, query !== undefined);
  return state;
}

/** The cases copied to the signed-in user (抄送我的). */
export function useCopiedCases(page: number, pageSize: number, enabled: boolean) {
  const state = useApiQuery(
    `copied:${page}:${pageSize}`,
    (signal) => fetchCopiedCases(page, pageSize, signal),
    { enabled },
  );
  useRefetchOnFocus(state.refresh, enabled);
  return state;
}
