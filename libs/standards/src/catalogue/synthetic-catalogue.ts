import { itemSchema, type Item } from '../item/item.schema';
import { usccCheckCharacter } from '../identity/uscc.validator';
import { seedMaterial } from './seed/materials.data';
import { need } from './seed/seed-builders';

const TYPES = ['01', '05', '07', '10', '20'] as const;
const NAMES = ['许可', '登记', '备案', '核准', '确认', '给付', '变更', '注销'];
const MATERIAL_POOL = Array.from({ length: 83 }, (_, i) =>
  i < 18 ? `SM${String(i + 1).padStart(3, '0')}` : `SM${101 + i - 18}`,
);

/** Small deterministic PRNG (mulberry32) so the same n gives the same catalogue everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A made-up department USCC for synthetic department d (check character computed). */
export function syntheticDepartmentUscc(d: number): string {
  const first17 = `11379900MB${String(2000000 + d).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

/**
 * n valid items (schema-checked) for benchmarks and search tests; deterministic in n and seed.
 * Departments are `SYN-DEPT-00..19` (not in the seed catalogue); materials come from the seed list.
 */
export function generateSyntheticCatalogue(n: number, seed = 20261122): Item[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const d = i % 20;
    const type = pick(TYPES);
    const basicCode = `00${type}${String(20000 + Math.floor(i / 1000)).padStart(5, '0')}${String(i % 1000).padStart(3, '0')}`;
    const statutory = type === '01' ? 20 : 5 + Math.floor(rand() * 26);
    const materials = new Map<string, ReturnType<typeof need>>();
    const count = 3 + Math.floor(rand() * 8);
    while (materials.size < count) {
      const code = pick(MATERIAL_POOL);
      const form =
        seedMaterial(code).kind === 'certificate'
          ? pick(['original', 'copy', 'electronic'] as const)
          : pick(['original', 'copy'] as const);
      materials.set(
        code,
        need(
          code,
          form,
          pick(['required', 'required', 'required', 'optional', 'tolerated_missing'] as const),
        ),
      );
    }
    items.push(
      itemSchema.parse({
        basicCode,
        implementationCode: `${syntheticDepartmentUscc(d)}3${basicCode}`,
        name: `合成事项${i + 1}${pick(NAMES)}`,
        itemType: type,
        legalBasis: '合成数据（用于性能测试）',
        level: '3',
        departmentCode: `SYN-DEPT-${String(d).padStart(2, '0')}`,
        implementingBodyNature: '1',
        statutoryLimit: { value: statutory, unit: 'working_day' },
        promisedLimit: {
          value: Math.max(0, Math.floor(statutory * (0.2 + rand() * 0.3))),
          unit: 'working_day',
        },
        handlingType: '2',
        acceptanceConditions: '合成数据',
        fees: { charged: false, items: [] },
        results: [{ name: '办理结果', kind: 'other' }],
        serviceObjects: [pick(['1', '2'] as const)],
        materials: [...materials.values()],
        version: 1,
        illustrative: true,
      }),
    );
  }
  return items;
}
