import { stringify } from 'csv-stringify/sync';
import type { Catalogue } from '@onewindow/standards';
import { catalogueToTables } from './catalogue-to-tables';

/** One CSV text per sheet, keyed `<sheet>.csv`; UTF-8 with BOM so Excel shows the Chinese headers. */
export function exportCatalogueCsv(catalogue: Catalogue): Record<string, string> {
  return Object.fromEntries(
    catalogueToTables(catalogue).map((t) => [
      `${t.spec.name}.csv`,
      '\uFEFF' + stringify(t.rows.map((r) => r.map(String))),
    ]),
  );
}
