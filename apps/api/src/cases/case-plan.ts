import crypto from 'node:crypto';
import { z } from 'zod';
import {
  defaultPlanForItems,
  hashPlan,
  parseServicePlan,
  type ServicePlan,
  type TimeLimit,
} from '@onewindow/flow-model';
import type { Db, ItemModel as Item, Prisma } from '@onewindow/db';

/** The role that approves a department step in a default plan. */
export const APPROVER_ROLE = 'dept_approver';
export const DEFAULT_PLAN_PUBLISHER = 'system:default-plan';

const itemResultsSchema = z.object({
  results: z
    .array(
      z.object({ name: z.string(), kind: z.string().optional(), certificateTypeCode: z.string().optional() }),
    )
    .default([]),
});

/** The certificate an item issues, read from its catalogue data (standards itemSchema `results`). */
export function certificateResult(item: Item): { certificateTypeCode: string; name: string } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(item.data);
  } catch {
    return undefined;
  }
  const parsed = itemResultsSchema.safeParse(json);
  const result = parsed.success ? parsed.data.results.find((r) => r.certificateTypeCode) : undefined;
  return result?.certificateTypeCode
    ? { certificateTypeCode: result.certificateTypeCode, name: result.name }
    : undefined;
}

const limitOf = (value: number, unit: string): TimeLimit => ({
  // 即办件 (0 days) still gets one working day on the clock: the workflow's clocks need a positive limit.
  value: Math.max(1, value),
  unit: unit === 'natural_day' ? 'natural_day' : 'working_day',
});

/**
 * The strictest limit of several items: the smallest value, natural days before working days on a tie.
 * TODO(Art. 42 ¶2, docs/domain.md §2.2): a joint approval (统一/联合/集中办理) has its own 45 + 15 day limit.
 */
export function strictestLimit(limits: TimeLimit[]): TimeLimit {
  return [...limits].sort(
    (a, b) => a.value - b.value || (a.unit === b.unit ? 0 : a.unit === 'natural_day' ? -1 : 1),
  )[0];
}

export function caseLimits(items: Item[]): { statutory: TimeLimit; promised?: TimeLimit } {
  return {
    statutory: strictestLimit(items.map((i) => limitOf(i.statutoryLimitValue, i.statutoryLimitUnit))),
    promised: strictestLimit(items.map((i) => limitOf(i.promisedLimitValue, i.promisedLimitUnit))),
  };
}

export interface PlannedCase {
  plan: ServicePlan;
  planHash: string;
  /** An existing published version, or undefined when the default plan must be pinned. */
  publishedVersionId?: string;
}

/** Active approvers of each department (users with the approver role), for the default plan. */
export async function approversByDepartment(
  db: Db,
  departmentCodes: string[],
): Promise<Map<string, string[]>> {
  const users = await db.user.findMany({
    where: {
      departmentCode: { in: departmentCodes },
      disabled: false,
      roles: { some: { role: APPROVER_ROLE } },
    },
    select: { id: true, departmentCode: true },
    orderBy: { id: 'asc' },
  });
  const map = new Map<string, string[]>();
  for (const u of users) map.set(u.departmentCode!, [...(map.get(u.departmentCode!) ?? []), u.id]);
  return map;
}

/** The published flow of a single item if a designer published one, else the default parallel plan. */
export async function planFor(db: Db, items: Item[], approvers: Map<string, string[]>): Promise<PlannedCase> {
  if (items.length === 1) {
    const published = await db.flowVersion.findFirst({
      where: {
        subjectCode: { in: [items[0].itemKey, items[0].implementationCode] },
        publishedBy: { not: DEFAULT_PLAN_PUBLISHER },
      },
      orderBy: { version: 'desc' },
    });
    if (published) {
      const plan = parseServicePlan(JSON.parse(published.planJson));
      // Hash what the workflow will check: the parsed plan (schema defaults applied).
      return { plan, planHash: hashPlan(plan), publishedVersionId: published.id };
    }
  }
  const plan = defaultPlanForItems(
    items.map((item) => {
      const result = certificateResult(item);
      const promised = limitOf(item.promisedLimitValue, item.promisedLimitUnit);
      return {
        itemCode: item.itemKey,
        name: item.name,
        departmentCode: item.departmentCode,
        // Departments work to the promised limit (承诺时限 ≤ 法定时限).
        limitWorkingDays: promised.value,
        assignees: approvers.get(item.departmentCode) ?? [],
        role: APPROVER_ROLE,
        countersign: { mode: 'any' as const },
        ...(result ? { result } : {}),
      };
    }),
  );
  return { plan, planHash: hashPlan(plan) };
}

/** Pins the plan: reuses the FlowVersion with the same key and hash, else stores the next version. */
export async function pinPlan(tx: Prisma.TransactionClient, planned: PlannedCase): Promise<string> {
  if (planned.publishedVersionId) return planned.publishedVersionId;
  const subjectCode = planned.plan.key;
  const same = await tx.flowVersion.findFirst({
    where: { subjectCode, planHash: planned.planHash },
    select: { id: true },
  });
  if (same) return same.id;
  const last = await tx.flowVersion.findFirst({
    where: { subjectCode },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const id = `fv_${crypto.randomUUID()}`;
  await tx.flowVersion.create({
    data: {
      id,
      subjectCode,
      version: (last?.version ?? 0) + 1,
      planJson: JSON.stringify(planned.plan),
      planHash: planned.planHash,
      publishedBy: DEFAULT_PLAN_PUBLISHER,
    },
  });
  return id;
}
