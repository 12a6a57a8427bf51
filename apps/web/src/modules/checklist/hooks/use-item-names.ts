import { useEffect, useState } from 'react';
import { fetchCatalogueItem } from '../../catalogue/api/catalogue.api';

/**
 * Names for item codes: those already known (picked by the clerk) and, for the rest (items a bundle
 * brought in), looked up once each in the catalogue.
 */
export function useItemNames(codes: string[], known: Record<string, string>): Record<string, string> {
  const [fetched, setFetched] = useState<Record<string, string>>({});
  const missing = codes.filter((code) => !(code in known) && !(code in fetched));
  const missingKey = missing.join(',');

  useEffect(() => {
    if (!missingKey) return;
    const controller = new AbortController();
    void Promise.all(
      missingKey.split(',').map((code) =>
        fetchCatalogueItem(code, controller.signal).then(
          (detail) => [code, detail.item.name] as const,
          () => [code, code] as const,
        ),
      ),
    ).then((pairs) => {
      if (!controller.signal.aborted) setFetched((current) => ({ ...current, ...Object.fromEntries(pairs) }));
    });
    return () => controller.abort();
  }, [missingKey]);

  return { ...fetched, ...known };
}
