import { z } from 'zod';
import { departmentCodeSchema, regionCodeSchema } from '@onewindow/standards';
import { departmentScopedRoles, roles } from './auth.contract';

/**
 * The administration workspace (/admin, /api/admin/…): users with their roles and department, departments, and
 * the audit log read for an inspector. Messages are Chinese: they are shown to the administrator as they are.
 */

/** Usernames: what the sign-in form accepts. */
const usernameSchema = z
  .string({ error: '用户名必填' })
  .trim()
  .min(1, '用户名必填')
  .max(64, '用户名最多 64 个字符')
  .regex(/^[\w.@-]+$/, '用户名只能包含字母、数字和 . _ @ -');

/** A new or reset password: at least 10 characters with a letter and a digit (at most 256, the login's limit). */
export const passwordRuleSchema = z
  .string({ error: '密码必填' })
  .min(10, '密码至少 10 个字符')
  .max(256, '密码最多 256 个字符')
  .regex(/[A-Za-z]/, '密码须包含至少一个字母')
  .regex(/\d/, '密码须包含至少一个数字');

const displayNameSchema = z
  .string({ error: '姓名必填' })
  .trim()
  .min(1, '姓名必填')
  .max(100, '姓名最多 100 个字符');

const roleListSchema = z
  .array(
    z.enum(roles, {
      error: (issue) => `角色 ${JSON.stringify(issue.input)} 不存在；可选角色：${roles.join('、')}`,
    }),
    { error: '角色须为列表' },
  )
  .min(1, '至少选择一个角色')
  .refine((list) => new Set(list).size === list.length, '同一角色不能重复');

const departmentRefSchema = z
  .string({ error: '部门编码须为文本或 null' })
  .trim()
  .min(1, '部门编码不能为空（不属于任何部门时填 null）')
  .nullable();

const scopedRoleNames: Record<(typeof departmentScopedRoles)[number], string> = {
  window_clerk: '窗口受理人员',
  dept_approver: '部门审批人员',
  dept_lead: '部门负责人',
};

/**
 * 其他部门的角色: a role the user also holds in another department than their own (an approver who also
 * approves for a second department). Only the roles limited to a department (clerk, approver, lead) are granted
 * per department; the others act for every department already.
 */
const otherGrantListSchema = z
  .array(
    z.strictObject({
      role: z.enum(roles, {
        error: (issue) => `角色 ${JSON.stringify(issue.input)} 不存在；可选角色：${roles.join('、')}`,
      }),
      departmentCode: z
        .string({ error: '请为其他部门的角色选择部门' })
        .trim()
        .min(1, '请为其他部门的角色选择部门'),
    }),
    { error: '其他部门的角色须为列表' },
  )
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((grant, i) => {
      if (!(departmentScopedRoles as readonly string[]).includes(grant.role))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'role'],
          message: `角色“${grant.role}”对所有部门有效，不能限定部门；其他部门的角色只能是 ${departmentScopedRoles.map((r) => scopedRoleNames[r]).join('、')}`,
        });
      const key = `${grant.role}\u0000${grant.departmentCode}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `其他部门的角色重复：${grant.departmentCode} 的“${scopedRoleNames[grant.role as keyof typeof scopedRoleNames] ?? grant.role}”出现了两次，请删除一行`,
        });
      seen.add(key);
    });
  });

/** One account as the administration workspace shows it; never a password hash. */
export const adminUserSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** Roles in the user's own department (or, for supervisor, process_designer and admin, every department). */
  roles: z.array(z.enum(roles)),
  /** 其他部门的角色: roles held in another department, with its name. */
  otherGrants: z.array(
    z.object({ role: z.enum(roles), departmentCode: z.string(), departmentName: z.string().nullable() }),
  ),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  oidcSubject: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserListSchema = z.object({ users: z.array(adminUserSchema) });

/**
 * POST /api/admin/users — a new account with a first password it must change at its first sign-in. Its roles
 * that are limited to one department (clerk, approver, lead) act for `departmentCode`.
 */
export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  departmentCode: departmentRefSchema,
  roles: roleListSchema,
  otherGrants: otherGrantListSchema.optional(),
  password: passwordRuleSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** PATCH /api/admin/users/:username — only what is sent changes; `disabled: true` also ends its sessions. */
export const updateUserRequestSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    departmentCode: departmentRefSchema.optional(),
    roles: roleListSchema.optional(),
    /** The whole list: what is not in it is removed. */
    otherGrants: otherGrantListSchema.optional(),
    disabled: z.boolean({ error: 'disabled 须为 true 或 false' }).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, '请至少修改一项（姓名、部门、角色、其他部门的角色或停用）');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** POST /api/admin/users/:username/password — a temporary password; the user must change it at next sign-in. */
export const resetPasswordRequestSchema = z.strictObject({ password: passwordRuleSchema });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

/** POST /api/auth/password — the signed-in user picks a new password (required after a reset). */
export const changeOwnPasswordRequestSchema = z
  .strictObject({
    currentPassword: z.string({ error: '请填写当前密码' }).min(1, '请填写当前密码').max(256),
    newPassword: passwordRuleSchema,
  })
  .refine((body) => body.currentPassword !== body.newPassword, {
    message: '新密码不能与当前密码相同',
    path: ['newPassword'],
  });
export type ChangeOwnPasswordRequest = z.infer<typeof changeOwnPasswordRequestSchema>;

export const adminDepartmentSchema = z.object({
  code: z.string(),
  name: z.string(),
  region: z.string(),
  parentCode: z.string().nullable(),
  /** Accounts in the department (disabled ones included). */
  users: z.number().int(),
});
export type AdminDepartment = z.infer<typeof adminDepartmentSchema>;
export const adminDepartmentListSchema = z.object({ departments: z.array(adminDepartmentSchema) });

const departmentNameSchema = z
  .string({ error: '部门名称必填' })
  .trim()
  .min(1, '部门名称必填')
  .max(200, '部门名称最多 200 个字符');

/** POST /api/admin/departments — the code per the catalogue standard (the code items and tasks name). */
export const createDepartmentRequestSchema = z.strictObject({
  code: z
    .string({ error: '部门编码必填' })
    .trim()
    .refine(
      (code) => departmentCodeSchema.safeParse(code).success,
      '部门编码：1–50 个字母、数字或 . _ -，以字母或数字开头（例如 SFS-SCJG）',
    ),
  name: departmentNameSchema,
  region: z
    .string({ error: '行政区划代码必填' })
    .trim()
    .refine(
      (region) => regionCodeSchema.safeParse(region).success,
      '行政区划代码应为 6 位数字（GB/T 2260），前两位是省级代码，例如 110105',
    ),
  parentCode: z.string().trim().min(1, '上级部门编码不能为空').nullable().optional(),
});
export type CreateDepartmentRequest = z.infer<typeof createDepartmentRequestSchema>;

/** PATCH /api/admin/departments/:code — a new name; the code never changes (items, tasks and cases name it). */
export const renameDepartmentRequestSchema = z.strictObject({ name: departmentNameSchema });
export type RenameDepartmentRequest = z.infer<typeof renameDepartmentRequestSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const optionalInstant = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine(
    (v) => v === undefined || !Number.isNaN(Date.parse(v)),
    '时间格式应为 ISO 8601，例如 2026-12-01T00:00:00Z',
  );

/** GET /api/admin/audit — the audit log filtered (every filter optional), newest first, one page at a time. */
export const adminAuditQuerySchema = z
  .strictObject({
    caseNo: optionalText(64),
    username: optionalText(64),
    /** A part of the action, e.g. "POST /api/admin/users" or "auth.login_failed". */
    action: optionalText(200),
    from: optionalInstant,
    to: optionalInstant,
    page: z.coerce.number({ error: '页码须为数字' }).int().min(1, '页码从 1 开始').default(1),
    pageSize: z.coerce
      .number({ error: '每页条数须为数字' })
      .int()
      .min(1)
      .max(200, '每页最多 200 条')
      .default(50),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: '开始时间不能晚于结束时间',
    path: ['to'],
  });
export type AdminAuditQuery = z.infer<typeof adminAuditQuerySchema>;

/** One entry as the inspector reads it: who (resolved to a name when known), what, when, from where, details. */
export const adminAuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorDisplayName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  /** JSON, personal data masked when it was written. */
  payload: z.string().nullable(),
});
export type AdminAuditEntry = z.infer<typeof adminAuditEntrySchema>;
export const adminAuditPageSchema = z.object({
  entries: z.array(adminAuditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminAuditPage = z.infer<typeof adminAuditPageSchema>;

/** GET /api/admin/audit/verification — the chain walked; when broken, the first entry that does not check out. */
export const adminAuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string().optional(),
  brokenAtSeq: z.number().int().optional(),
  reason: z.string().optional(),
  brokenEntry: adminAuditEntrySchema.optional(),
});
export type AdminAuditVerification = z.infer<typeof adminAuditVerificationSchema>;
