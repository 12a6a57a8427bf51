import type { Db, ItemModel as Item } from '@onewindow/db';

/** The items as a notice prints them: name, code and the department that handles each. */
export async function printedItems(db: Db, items: Item[]) {
  const departments = await db.department.findMany({
    where: { code: { in: items.map((i) => i.departmentCode) } },
    select: { code: true, name: true },
  });
  const name = new Map(departments.map((d) => [d.code, d.name]));
  return items.map((i) => ({
    code: i.implementationCode,
    name: i.name,
    departmentName: name.get(i.departmentCode) ?? i.departmentCode,
  }));
}
