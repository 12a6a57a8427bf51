import { useApiQuery, type ApiQueryState } from '../../api-client/hooks/use-api-query';
import { fetchDepartments, type Department } from '../api/catalogue.api';

export function useDepartments(): ApiQueryState<Department[]> {
  return useApiQuery('catalogue-departments', fetchDepartments);
}
