import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchPhrases } from '../api/phrases.api';

/** The signed-in approver's phrases and their department's, for the pickers beside opinions and reasons. */
export function usePhrases(enabled = true) {
  return useApiQuery('phrases', (signal) => fetchPhrases(signal), { enabled });
}
