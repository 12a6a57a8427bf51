// Departments as the administration workspace keeps them: listed, created and renamed (a code never changes:
// items, tasks and cases name it).
import type { AdminDepartment, CreateDepartmentRequest } from '@onewindow/contracts';
import { inOneTransaction, isUniqueViolation, type Db } from '@onewindow/db';
import { recordAudit } from '@onewindow/audit';
import { adminConflict, adminInvalid, adminNotFound, type ChangeAuthor } from './admin-problems';

export async function listDepartments(db: Db): Promise<AdminDepartment[]> {
  const departments = await db.department.findMany({
    orderBy: { code: 'asc' },
    include: { _count: { select: { users: true } } },
  });
  return departments.map((d) => ({
    code: d.code,
    name: d.name,
    region: d.region,
    parentCode: d.parentCode,
    users: d._count.users,
  }));
}

export async function createDepartment(
  db: Db,
  body: CreateDepartmentRequest,
  author: ChangeAuthor,
): Promise<AdminDepartment> {
  const taken = () => adminConflict(`部门编码 ${body.code} 已存在，请使用其他编码或直接修改该部门的名称`);
  if (await db.department.findUnique({ where: { code: body.code } })) throw taken();
  const parentCode = body.parentCode ?? null;
  if (parentCode && !(await db.department.findUnique({ where: { code: parentCode } })))
    throw adminInvalid('parentCode', `上级部门 ${parentCode} 不存在，请选择已有部门或不填`);
  try {
    return await inOneTransaction(db, async (tx) => {
      const created = await tx.department.create({
        data: { code: body.code, name: body.name, region: body.region, parentCode },
      });
      await recordAudit(tx, {
        ...author,
        action: 'admin.department_created',
        target: `department:${body.code}`,
        payload: { name: body.name, region: body.region, parentCode },
      });
      return { ...created, users: 0 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

export async function renameDepartment(
  db: Db,
  code: string,
  name: string,
  author: ChangeAuthor,
): Promise<AdminDepartment> {
  const before = await db.department.findUnique({ where: { code } });
  if (!before) throw adminNotFound(`部门 ${code} 不存在，请刷新部门列表后再试`);
  return inOneTransaction(db, async (tx) => {
    const renamed = await tx.department.update({
      where: { code },
      data: { name },
      include: { _count: { select: { users: true } } },
    });
    await recordAudit(tx, {
      ...author,
      action: 'admin.department_renamed',
      target: `department:${code}`,
      payload: { name: [before.name, name] },
    });
    return {
      code: renamed.code,
      name: renamed.name,
      region: renamed.region,
      parentCode: renamed.parentCode,
      users: renamed._count.users,
    };
  });
}
