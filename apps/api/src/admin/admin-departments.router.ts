import { Router } from 'express';
import { createDepartmentRequestSchema, renameDepartmentRequestSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { changeAuthor, parseInput } from './admin-problems';
import { createDepartment, listDepartments, renameDepartment } from './departments.service';

/** Departments in the administration workspace (department.manage). */
export function adminDepartmentsRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.get('/admin/departments', authorize('department.manage'), async (_req, res) => {
    res.json({ departments: await listDepartments(db) });
  });

  router.post('/admin/departments', authorize('department.manage'), async (req, res) => {
    const body = parseInput(createDepartmentRequestSchema, req.body, '新部门');
    res.status(201).json(await createDepartment(db, body, changeAuthor(req)));
  });

  router.patch('/admin/departments/:code', authorize('department.manage'), async (req, res) => {
    const { name } = parseInput(renameDepartmentRequestSchema, req.body, '部门名称');
    res.json(await renameDepartment(db, String(req.params.code), name, changeAuthor(req)));
  });

  return router;
}
