import { itemKey } from '../item/item.schema';
import { bundleItemsOf, findItem } from './catalogue-lookup';
import { loadSeedCatalogue } from './seed-catalogue';

describe('catalogue lookup', () => {
  const cat = loadSeedCatalogue();

  it('finds items by key and leaves out optional bundle items unless chosen', () => {
    expect(findItem(cat, itemKey(cat.items[5]))).toBe(cat.items[5]);
    const restaurant = cat.bundles.find((b) => b.code === 'BUNDLE-RESTAURANT')!;
    const tobacco = restaurant.items.find((i) => i.optional)!.itemCode;
    expect(bundleItemsOf(cat, 'BUNDLE-RESTAURANT').map(itemKey)).not.toContain(tobacco);
    expect(bundleItemsOf(cat, 'BUNDLE-RESTAURANT', [tobacco]).map(itemKey)).toContain(tobacco);
    expect(() => bundleItemsOf(cat, 'NOPE')).toThrow('unknown bundle NOPE');
  });
});
