import type { Db } from '@onewindow/db';
import { seedDemoUsers } from '../../src';
import { seedCatalogueItem } from './seed-catalogue-item';

/** The food business licence the supervision specs count cases of: 市场监督管理局, 20 working days by law, 10 promised. */
export const FOOD = '11370800MB28559184337011700201Y';

/**
 * What the supervision and analytics specs start from: the demo users (lead-1, supervisor-1, approver-1 …), one
 * applicant `A1` (张三) and the FOOD item; each spec adds its own cases, tasks and decisions.
 */
export async function seedSupervisedCentre(db: Db): Promise<void> {
  await seedDemoUsers(db);
  await db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  });
  await seedFoodItem(db);
}

/** The FOOD item alone (食品经营许可 of 市场监督管理局, 20 working days by law, 10 promised). */
export const seedFoodItem = (db: Db): Promise<void> =>
  seedCatalogueItem(db, {
    code: FOOD,
    name: '食品经营许可',
    departmentCode: 'SFS-SCJG',
    statutory: 20,
    promised: 10,
  });
