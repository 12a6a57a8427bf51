import { planBuilder, type DepartmentStepSpec } from './plan-builder';
import type { Countersign, RefusalPolicy, ServicePlan } from './service-plan.schema';

/** What the catalogue knows about an item that a default plan needs. */
export interface CatalogueItemForPlan {
  itemCode: string;
  name: string;
  departmentCode: string;
  limitWorkingDays: number;
  assignees: string[];
  role?: string;
  countersign?: Countersign;
  result?: { certificateTypeCode: string; name: string };
}

/** The node id of an item's department step in a default plan. */
export const itemStepId = (itemCode: string): string => `item_${itemCode.replace(/[^\w.-]/g, '_')}`;

/** accept → one department step per item (in parallel when several) → issue. */
export function defaultPlanForItems(
  items: CatalogueItemForPlan[],
  options: { key?: string; name?: string; refusalPolicy?: RefusalPolicy } = {},
): ServicePlan {
  if (items.length === 0) throw new Error('defaultPlanForItems needs at least one item');
  const key = options.key ?? `default:${items.map((i) => i.itemCode).join('+')}`;
  const step = (item: CatalogueItemForPlan): DepartmentStepSpec => ({
    id: itemStepId(item.itemCode),
    name: item.name,
    itemCode: item.itemCode,
    departmentCode: item.departmentCode,
    limitWorkingDays: item.limitWorkingDays,
    assignees: item.assignees,
    ...(item.role ? { role: item.role } : {}),
    ...(item.countersign ? { countersign: item.countersign } : {}),
    ...(item.result ? { result: item.result } : {}),
  });
  const b = planBuilder(key, { name: options.name ?? items.map((i) => i.name).join(' + ') })
    .refusalPolicy(options.refusalPolicy ?? 'collect')
    .accept();
  if (items.length === 1) b.department(step(items[0]));
  else
    b.parallel(
      items.map((item) => (s) => s.department(step(item))),
      { fork: 'fork', join: 'join' },
    );
  return b.issue().build();
}
