import type { CatalogueItemDetail } from '@onewindow/contracts';
import { useApiQuery, type ApiQueryState } from '../../api-client/hooks/use-api-query';
import { fetchCatalogueItem } from '../api/catalogue.api';

export function useCatalogueItem(itemKey: string | undefined): ApiQueryState<CatalogueItemDetail> {
  return useApiQuery(`catalogue-item:${itemKey}`, (signal) => fetchCatalogueItem(itemKey ?? '', signal), {
    enabled: itemKey !== undefined,
  });
}
