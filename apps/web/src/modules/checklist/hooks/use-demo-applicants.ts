import { useApiQuery, type ApiQueryState } from '../../api-client/hooks/use-api-query';
import { fetchDemoApplicants, type DemoApplicant } from '../api/checklist.api';

export function useDemoApplicants(): ApiQueryState<DemoApplicant[]> {
  return useApiQuery('demo-applicants', fetchDemoApplicants);
}
