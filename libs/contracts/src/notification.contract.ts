import { z } from 'zod';

/**
 * The notification centre (通知中心): what happened to the signed-in user's work, derived from the rows the
 * system already writes (task rows, clock events, decisions, rectification orders).
 */
export const notificationKinds = [
  /** A task was given to me (a named seat, a transfer, a delegation, a lead's assignment). */
  'assigned',
  /** A task waits for my role group to claim it (待签收). */
  'group_assigned',
  /** A colleague claimed (or a lead assigned) a task my role group could have claimed. */
  'claimed_by_other',
  /** The workflow's reminder: the step I hold is nearly due. */
  'reminder',
  /** 催办: a lead or the supervisor urged the step I hold. */
  'urge',
  /** 超期督办: a step of my department is overdue (to its leads). */
  'escalation',
  /** The applicant's 补正 materials arrived on a step I hold. */
  'supplement_received',
  /** An extension of a step I hold was decided. */
  'extension_decided',
  /** 差评整改: a bad rating opened a rectification order for my department (to its leads). */
  'rectification_order',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  /** Stable per event, e.g. `reminder:<clock event id>`: what marking it read records. */
  id: z.string(),
  kind: z.enum(notificationKinds),
  caseNo: z.string(),
  stepId: z.string().nullable(),
  /** The step's name in the case's flow (e.g. 食品经营许可), when known. */
  stepName: z.string().nullable(),
  departmentCode: z.string().nullable(),
  /** When it happened (ISO instant). */
  at: z.string(),
  read: z.boolean(),
  /** Who did it, when someone did (the colleague who claimed, the person who urged), by display name. */
  actor: z.string().nullable(),
  /** A short text from the event: the urge's message, the materials, the new due date, the order's deadline. */
  detail: z.string().nullable(),
  /** Where the web app opens it: the case in the inbox (`/approvals?case=…`) or the supervision workspace. */
  link: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  /** The newest first, at most `limit`. */
  items: z.array(notificationSchema),
  /** Unread notifications of the last `horizonDays` days (each source counted up to its first 100). */
  unread: z.number().int().min(0),
  horizonDays: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const markNotificationsReadSchema = z.strictObject({
  ids: z
    .array(z.string().min(1).max(200))
    .min(1, 'ids: name at least one notification (请至少选择一条通知)')
    .max(200, 'ids: at most 200 at a time (一次最多 200 条)'),
});
export type MarkNotificationsRead = z.infer<typeof markNotificationsReadSchema>;
