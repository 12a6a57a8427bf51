import type { CatalogueItemsResponse } from '@onewindow/contracts';
import { useApiQuery, type ApiQueryState } from '../../api-client/hooks/use-api-query';
import { searchCatalogueItems, type CatalogueSearch } from '../api/catalogue.api';

export function useCatalogueItems(search: CatalogueSearch): ApiQueryState<CatalogueItemsResponse> {
  return useApiQuery(`catalogue-items:${JSON.stringify(search)}`, (signal) =>
    searchCatalogueItems(search, signal),
  );
}
