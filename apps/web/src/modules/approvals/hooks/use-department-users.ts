import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchDepartmentUsers } from '../api/approvals.api';

/** The active users of a department, for the people pickers. */
export function useDepartmentUsers(department: string | undefined) {
  return useApiQuery(`users:${department}`, (signal) => fetchDepartmentUsers(department!, signal), {
    enabled: department !== undefined,
  });
}
