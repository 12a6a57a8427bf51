import { z } from 'zod';

/** Who does what in OneWindow; the API's access policy grants actions to these roles. */
export const roles = [
  'window_clerk',
  'dept_approver',
  'dept_lead',
  'supervisor',
  'process_designer',
  'admin',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Every action the access policy decides; routes name one of these in `authorize(action, …)`. */
export const accessActions = [
  'catalogue.read',
  'catalogue.write',
  'case.accept',
  'case.read',
  'case.decide',
  'case.issue',
  'case.file.upload',
  'case.file.read',
  'task.list',
  'task.reassign',
  'supervision.read',
  'case.extension.approve',
  'flow.design',
  'flow.publish',
  'calendar.write',
  'audit.read',
  'user.manage',
  'department.manage',
  'audit.export',
  'phrase.manage',
  'public.lookup',
] as const;
export const accessActionSchema = z.enum(accessActions);
export type AccessAction = z.infer<typeof accessActionSchema>;

/** POST /api/auth/login — unknown fields are refused. */
export const loginRequestSchema = z.strictObject({
  username: z
    .string({ error: 'username is required (text)' })
    .trim()
    .min(1, 'username is required')
    .max(64, 'username is at most 64 characters')
    .regex(/^[\w.@-]+$/, 'username may contain letters, digits and . _ @ - only'),
  password: z
    .string({ error: 'password is required (text)' })
    .min(1, 'password is required')
    .max(256, 'password is at most 256 characters'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/**
 * Roles whose grants reach only a department's cases and tasks (the window clerk, approver and lead): a grant of
 * one names its department. The others (supervisor, process_designer, admin) act for any department.
 */
export const departmentScopedRoles = ['window_clerk', 'dept_approver', 'dept_lead'] as const;
export const isDepartmentScopedRole = (role: Role): boolean =>
  (departmentScopedRoles as readonly Role[]).includes(role);

/** One role the user holds, and where: a department's code, or null for a role that acts for any department. */
export const roleGrantSchema = z.object({ role: roleSchema, departmentCode: z.string().nullable() });
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** The user's own (home) department. */
  departmentCode: z.string().nullable(),
  /** Every role the user holds, in some department. */
  roles: z.array(roleSchema),
  /** Each role with the department it is for: the home department's, and those granted in other departments. */
  grants: z.array(roleGrantSchema),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Answer of login and GET /api/auth/me: send csrfToken back as X-CSRF-Token on every POST/PUT/PATCH/DELETE. */
export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
  /** The actions the user may do in some scope (for showing or hiding UI; the API still decides each request). */
  actions: z.array(accessActionSchema),
  /** True after an administrator created the account or reset its password: POST /api/auth/password first. */
  mustChangePassword: z.boolean().optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** PUT /api/auth/users/:username/oidc-subject — an administrator maps an identity-provider subject to a user. */
export const oidcSubjectMappingSchema = z.strictObject({
  oidcSubject: z
    .string()
    .trim()
    .min(1, 'oidcSubject is the "sub" claim from the identity provider')
    .max(255)
    .nullable(),
});
export type OidcSubjectMapping = z.infer<typeof oidcSubjectMappingSchema>;

/** GET /api/auth/users (user.manage) — accounts with their lock state; never password hashes. */
export const userSummarySchema = z.object({
  username: z.string(),
  displayName: z.string(),
  departmentCode: z.string().nullable(),
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  oidcSubject: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** GET /api/audit — one entry of the append-only, hash-chained audit log. */
export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  payload: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
