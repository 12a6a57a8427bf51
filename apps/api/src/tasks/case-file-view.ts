// The case file view's data besides the workflow's view, for GET /api/cases/:caseNo/file (tasks.router.ts).
import type { CaseFileView } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { notFound } from '../http/problem';
import { itemNamesOf } from './task-inbox';
import { stepNamesOf } from './step-names';
import { materialNamesOf } from '../documents/material-names';

/**
 * The case's items, its materials with their files (when `withMaterials`: the viewer's case view includes
 * materials), and each department's progress: the newest task row of every step, with its state, outcome and
 * dates — the opinions stay in the department's own view.
 */
export async function caseFileView(db: Db, caseNo: string, withMaterials: boolean): Promise<CaseFileView> {
  const row = await db.case.findUnique({
    where: { caseNo },
    include: {
      items: true,
      materials: {
        orderBy: { materialCode: 'asc' },
        include: { file: { select: { contentType: true, size: true } } },
      },
      tasks: { orderBy: [{ stepId: 'asc' }, { seq: 'asc' }] },
    },
  });
  if (!row) throw notFound(`No case ${caseNo}`);
  const newest = new Map(row.tasks.map((t) => [t.stepId, t]));
  const [items, materialName, departments, stepNames] = await Promise.all([
    db.item.findMany({
      where: {
        OR: row.items.map((i) => ({ implementationCode: i.implementationCode, version: i.itemVersion })),
      },
      select: { implementationCode: true, name: true, departmentCode: true },
    }),
    materialNamesOf(
      db,
      row.materials.map((m) => m.materialCode),
    ),
    db.department.findMany({
      where: { code: { in: [...newest.values()].map((t) => t.departmentCode) } },
      select: { code: true, name: true },
    }),
    stepNamesOf(db, [row.flowVersionId]),
  ]);
  const itemByCode = new Map(items.map((i) => [i.implementationCode, i]));
  const fallbackNames = await itemNamesOf(
    db,
    row.items.filter((i) => !itemByCode.has(i.implementationCode)).map((i) => i.implementationCode),
  );
  const departmentName = new Map(departments.map((d) => [d.code, d.name]));
  return {
    caseNo,
    acceptanceMode: row.acceptanceMode,
    items: row.items.map((i) => ({
      implementationCode: i.implementationCode,
      name:
        itemByCode.get(i.implementationCode)?.name ??
        fallbackNames.get(i.implementationCode) ??
        i.implementationCode,
      departmentCode: itemByCode.get(i.implementationCode)?.departmentCode ?? '',
    })),
    materials: withMaterials
      ? row.materials.map((m) => ({
          materialCode: m.materialCode,
          name: materialName.get(m.materialCode) ?? m.materialCode,
          provenance: m.provenance,
          originals: m.originals,
          copies: m.copies,
          form: m.form,
          dueDate: m.dueDate,
          file: m.file ? { contentType: m.file.contentType, size: m.file.size } : null,
        }))
      : null,
    departments: [...newest.values()].map((t) => ({
      stepId: t.stepId,
      stepName: stepNames.get(`${row.flowVersionId}\u0000${t.stepId}`) ?? t.stepId,
      departmentCode: t.departmentCode,
      departmentName: departmentName.get(t.departmentCode) ?? t.departmentCode,
      state: t.state,
      outcome: t.outcome,
      openedAt: t.openedAt.toISOString(),
      dueDate: t.dueDate,
      closedAt: t.closedAt?.toISOString() ?? null,
    })),
  };
}
