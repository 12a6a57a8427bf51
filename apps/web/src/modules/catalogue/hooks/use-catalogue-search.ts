import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CatalogueSearch } from '../api/catalogue.api';

const defaultPageSize = 20;

/** The search lives in the URL so a clerk can bookmark or share it and the back button works. */
export function useCatalogueSearch(): {
  search: CatalogueSearch;
  openItemKey: string | undefined;
  update: (change: Partial<CatalogueSearch>) => void;
  openItem: (itemKey: string | undefined) => void;
  reset: () => void;
} {
  const [params, setParams] = useSearchParams();
  const search = useMemo<CatalogueSearch>(
    () => ({
      q: params.get('q') || undefined,
      department: params.get('department') || undefined,
      type: params.get('type') || undefined,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Math.min(100, Math.max(1, Number(params.get('pageSize')) || defaultPageSize)),
    }),
    [params],
  );

  const update = useCallback(
    (change: Partial<CatalogueSearch>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        // A new filter starts again at the first page.
        if (!('page' in change)) next.delete('page');
        return next;
      }),
    [setParams],
  );

  const openItem = useCallback(
    (itemKey: string | undefined) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (itemKey) next.set('item', itemKey);
        else next.delete('item');
        return next;
      }),
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { search, openItemKey: params.get('item') || undefined, update, openItem, reset };
}
