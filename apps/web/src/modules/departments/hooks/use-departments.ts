import { departmentsResponseSchema } from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';
import { useApiQuery } from '../../api-client/hooks/use-api-query';

/** Every department (the catalogue's list): the inbox's department filter of those who see them all, and the names of the department switcher. */
export function useDepartments(enabled: boolean) {
  return useApiQuery(
    'departments',
    (signal) =>
      apiClient.get('/api/catalogue/departments', { responseSchema: departmentsResponseSchema, signal }),
    { enabled },
  );
}
