import { useApiQuery, type ApiQueryState } from '../../api-client/hooks/use-api-query';
import { fetchBundles, type CatalogueBundle } from '../api/catalogue.api';

export function useBundles(): ApiQueryState<CatalogueBundle[]> {
  return useApiQuery('catalogue-bundles', fetchBundles);
}
