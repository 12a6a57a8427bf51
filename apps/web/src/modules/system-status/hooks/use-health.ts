import type { HealthResponse } from '@onewindow/contracts';
import { useApiQuery, type ApiQueryState } from '../../api-client/hooks/use-api-query';
import { fetchHealth } from '../api/fetch-health';

export const healthRefreshIntervalMs = 10_000;

export function useHealth(refreshIntervalMs = healthRefreshIntervalMs): ApiQueryState<HealthResponse> {
  return useApiQuery('health', fetchHealth, { refreshIntervalMs });
}
