import { itemKey, type Catalogue } from '@onewindow/standards';
import { formatCell } from '../layout/cell-types';
import { CATALOGUE_SHEETS, SHEET, type SheetSpec } from '../layout/catalogue-sheets.layout';

export interface OutputTable {
  spec: SheetSpec;
  rows: (string | number)[][];
}

const get = (obj: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o === undefined || o === null ? undefined : (o as Record<string, unknown>)[k]),
      obj,
    );

/** The catalogue as one table per sheet (header row first), in the layout of CATALOGUE_SHEETS. */
export function catalogueToTables(catalogue: Catalogue): OutputTable[] {
  const records: Record<string, object[]> = {
    [SHEET.departments]: catalogue.departments,
    [SHEET.certificateTypes]: catalogue.certificateTypes,
    [SHEET.materials]: catalogue.materials,
    [SHEET.items]: catalogue.items,
    [SHEET.itemFees]: catalogue.items.flatMap((i) =>
      i.fees.items.map((f) => ({ itemCode: itemKey(i), ...f })),
    ),
    [SHEET.itemResults]: catalogue.items.flatMap((i) =>
      i.results.map((r) => ({ itemCode: itemKey(i), ...r })),
    ),
    [SHEET.itemMaterials]: catalogue.items.flatMap((i) =>
      i.materials.map((m) => ({ itemCode: itemKey(i), ...m })),
    ),
    [SHEET.bundles]: catalogue.bundles,
    [SHEET.bundleItems]: catalogue.bundles.flatMap((b) =>
      b.items.map((bi) => ({ bundleCode: b.code, ...bi })),
    ),
    [SHEET.bundleForm]: catalogue.bundles.flatMap((b) => b.form.map((f) => ({ bundleCode: b.code, ...f }))),
  };
  return CATALOGUE_SHEETS.map((spec) => ({
    spec,
    rows: [
      spec.columns.map((c) => c.header),
      ...records[spec.name].map((rec) => spec.columns.map((c) => formatCell(c.type, get(rec, c.path)))),
    ],
  }));
}
