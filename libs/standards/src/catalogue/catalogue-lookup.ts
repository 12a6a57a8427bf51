import { itemKey, type Item } from '../item/item.schema';
import type { Catalogue } from './catalogue.schema';

/** The item with this key (业务办理项编码 or 实施编码), if any. */
export function findItem(catalogue: Pick<Catalogue, 'items'>, key: string): Item | undefined {
  return catalogue.items.find((i) => itemKey(i) === key);
}

/**
 * The items of a bundle in bundle order; optional items only when chosen (by key).
 * Throws when the bundle or one of its items is missing (a validated catalogue never has that).
 */
export function bundleItemsOf(
  catalogue: Pick<Catalogue, 'items' | 'bundles'>,
  bundleCode: string,
  chosenOptional: readonly string[] = [],
): Item[] {
  const bundle = catalogue.bundles.find((b) => b.code === bundleCode);
  if (!bundle) throw new Error(`unknown bundle ${bundleCode}`);
  return bundle.items
    .filter((bi) => !bi.optional || chosenOptional.includes(bi.itemCode))
    .map((bi) => {
      const item = findItem(catalogue, bi.itemCode);
      if (!item) throw new Error(`bundle ${bundleCode} names unknown item ${bi.itemCode}`);
      return item;
    });
}
