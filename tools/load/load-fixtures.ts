// The five-department case of the load run, from the seed catalogue (开办餐饮店 + 公共场所卫生许可), and
// one approver per department created for the run with hashPassword straight in the run's own database.
import { demoPassword, hashPassword } from '@onewindow/api';
import { createPrismaClient } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';

/** The departments and item names; each item is resolved to its most specific code (itemKey) in the run's database. */
const wanted = [
  { department: 'SFS-SCJG', itemKey: '11379900MB1000101Y300011000500001' }, // 食品经营许可 (handling item)
  { department: 'SFS-XFJY', itemKey: '11379900MB100012243000120001000' }, // 公众聚集场所消防安全检查
  { department: 'SFS-CGJ', itemKey: '11379900MB100014393000130001000' }, // 户外招牌设施设置审批
  { department: 'SFS-YCJ', itemKey: '11379900MB100020643000140001000' }, // 烟草专卖零售许可证核发
  { department: 'SFS-WJW', name: '公共场所卫生许可' },
];

export interface LoadItem {
  department: string;
  itemKey: string;
  stepId: string;
  approver: string;
}

export const loadPassword = 'OneWindow-load-2026';
/** The demo window clerk signs in with the demo password. */
export const clerkLogin = { username: 'clerk', password: demoPassword };

export async function prepareFiveDepartmentCase(databaseUrl: string): Promise<LoadItem[]> {
  const db = createPrismaClient(databaseUrl);
  try {
    const passwordHash = await hashPassword(loadPassword);
    const items: LoadItem[] = [];
    for (const w of wanted) {
      const row = await db.item.findFirst({
        where: {
          status: 'active',
          departmentCode: w.department,
          ...(w.itemKey ? { itemKey: w.itemKey } : { name: w.name }),
        },
        orderBy: { version: 'desc' },
      });
      if (!row)
        throw new Error(`seed catalogue has no active item ${w.itemKey ?? w.name} in ${w.department}`);
      const approver = `load-approver-${w.department.toLowerCase()}`;
      await db.user.upsert({
        where: { id: approver },
        create: {
          id: approver,
          username: approver,
          displayName: approver,
          departmentCode: w.department,
          passwordHash,
          roles: { create: [{ role: 'dept_approver' }] },
        },
        update: {},
      });
      items.push({
        department: w.department,
        itemKey: row.itemKey,
        stepId: itemStepId(row.itemKey),
        approver,
      });
    }
    return items;
  } finally {
    await db.$disconnect();
  }
}

/** A valid application for the five items (fictional applicant; the resident ID's check digit is valid). */
export function fiveDepartmentApplication(items: LoadItem[]) {
  return {
    items: items.map((i) => ({ implementationCode: i.itemKey })),
    applicant: { kind: 'person', idNumber: '11010519491231002X', name: '张三', phone: '13800138000' },
    materials: [{ materialCode: 'M-ID', originals: 1, copies: 1 }],
  };
}
