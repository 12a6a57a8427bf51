import { bundleSchema, bundleStages } from './bundle.schema';
import { RESTAURANT_BUNDLE } from '../catalogue/seed/bundles.data';
import { NEWBORN_BUNDLE } from '../catalogue/seed/bundles.data';

describe('bundles', () => {
  it('derives parallel stages from prerequisites', () => {
    expect(
      bundleStages({
        items: [
          { itemCode: 'a' },
          { itemCode: 'b', after: ['a'] },
          { itemCode: 'c', after: ['a'] },
          { itemCode: 'd', after: ['b', 'c'] },
        ],
      }),
    ).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('detects a cycle', () => {
    expect(
      bundleStages({
        items: [
          { itemCode: 'a', after: ['b'] },
          { itemCode: 'b', after: ['a'] },
        ],
      }),
    ).toBeUndefined();
    const cyc = structuredClone(NEWBORN_BUNDLE);
    cyc.items[0].after = [cyc.items[2].itemCode];
    expect(bundleSchema.safeParse(cyc).error?.issues.map((i) => i.message)).toContain(
      'prerequisites form a cycle',
    );
  });

  it('rejects prerequisites and form fields naming items outside the bundle', () => {
    const b = structuredClone(NEWBORN_BUNDLE);
    b.items[1].after = ['X'.repeat(31)];
    b.form[0].itemCodes = ['Y'.repeat(31)];
    const messages = bundleSchema.safeParse(b).error?.issues.map((i) => i.message) ?? [];
    expect(messages.some((m) => m.includes('prerequisite'))).toBe(true);
    expect(messages.some((m) => m.includes('form field uses item'))).toBe(true);
  });
});

describe('bundle joint handling (Art. 42 ¶2)', () => {
  it('is optional, one of 统一 / 联合 / 集中办理; the seed restaurant bundle is handled as 统一办理', () => {
    const restaurant = bundleSchema.parse(RESTAURANT_BUNDLE);
    expect(restaurant.jointHandling).toBe('unified');
    const { jointHandling: _j, ...plain } = RESTAURANT_BUNDLE;
    expect('jointHandling' in bundleSchema.parse(plain)).toBe(false);
    expect(bundleSchema.safeParse({ ...RESTAURANT_BUNDLE, jointHandling: 'parallel' }).success).toBe(false);
  });
});
