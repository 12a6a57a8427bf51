import { useCallback } from 'react';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchCaseDetails, fetchCaseFileView } from '../api/approvals.api';

/** The case as the workflow shows it to me, and its items, materials and departments' progress. */
export function useCaseFile(caseNo: string | undefined) {
  const enabled = caseNo !== undefined;
  const details = useApiQuery(`case:${caseNo}`, (signal) => fetchCaseDetails(caseNo!, signal), { enabled });
  const file = useApiQuery(`case-file:${caseNo}`, (signal) => fetchCaseFileView(caseNo!, signal), {
    enabled,
  });
  const { refresh: refreshDetails } = details;
  const { refresh: refreshFile } = file;
  const refresh = useCallback(() => {
    refreshDetails();
    refreshFile();
  }, [refreshDetails, refreshFile]);
  return { details, file, refresh };
}
