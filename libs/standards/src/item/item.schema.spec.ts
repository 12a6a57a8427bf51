import { loadSeedCatalogue } from '../catalogue/seed-catalogue';
import { seedCatalogueData } from '../catalogue/seed-catalogue';
import { itemSchema, type ItemInput } from './item.schema';
import { comparePromisedToStatutory } from './time-limit.schema';

const validItem = (): ItemInput => structuredClone(seedCatalogueData().items[4]);

describe('itemSchema', () => {
  it('accepts a seed item', () => {
    expect(itemSchema.safeParse(validItem()).success).toBe(true);
  });

  it('rejects a promised limit longer than the statutory one, with a clear message', () => {
    const item = { ...validItem(), promisedLimit: { value: 25, unit: 'working_day' as const } };
    const r = itemSchema.safeParse(item);
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        path: ['promisedLimit'],
        message: expect.stringContaining('exceeds the statutory limit'),
      }),
    ]);
  });

  it('compares limits across units only where it is safe', () => {
    expect(
      comparePromisedToStatutory({ value: 10, unit: 'natural_day' }, { value: 20, unit: 'working_day' }).ok,
    ).toBe(true);
    expect(
      comparePromisedToStatutory({ value: 5, unit: 'working_day' }, { value: 60, unit: 'natural_day' }).ok,
    ).toBe(false);
    expect(
      comparePromisedToStatutory({ value: 20, unit: 'working_day' }, { value: 20, unit: 'working_day' }).ok,
    ).toBe(true);
  });

  it('checks that the implementation code repeats the basic code and the level', () => {
    const item = validItem();
    const r1 = itemSchema.safeParse({ ...item, basicCode: '000117112000' });
    expect(r1.error?.issues.map((i) => i.message).join()).toContain('must repeat the basic code');
    const r2 = itemSchema.safeParse({ ...item, level: '4' });
    expect(r2.error?.issues.map((i) => i.message).join()).toContain('exercise level');
  });

  it('checks fees, results and duplicate materials', () => {
    const item = validItem();
    expect(itemSchema.safeParse({ ...item, fees: { charged: true, items: [] } }).success).toBe(false);
    expect(itemSchema.safeParse({ ...item, results: [{ name: '证', kind: 'certificate' }] }).success).toBe(
      false,
    );
    expect(itemSchema.safeParse({ ...item, materials: [...item.materials, item.materials[0]] }).success).toBe(
      false,
    );
  });

  it('holds promised < statutory for every seed item', () => {
    for (const i of loadSeedCatalogue().items)
      expect(i.promisedLimit.value).toBeLessThan(i.statutoryLimit.value);
  });
});
