import crypto from 'node:crypto';
import { z } from 'zod';
import {
  defaultPlanForItems,
  hashPlan,
  parseServicePlan,
  type ServicePlan,
  type TimeLimit,
} from '@onewindow/flow-model';
import type { CaseLimitBasis } from '@onewindow/contracts';
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

/** An item's limit as the clocks take it; 0 days (即办件) stays 0: the clock is due the day of acceptance. */
const limitOf = (value: number, unit: string): TimeLimit => ({
  value,
  unit: unit === 'natural_day' ? 'natural_day' : 'working_day',
});

/** The strictest limit of several items: the smallest value, natural days before working days on a tie. */
function strictestLimit(limits: TimeLimit[]): TimeLimit {
  return [...limits].sort(
    (a, b) => a.value - b.value || (a.unit === b.unit ? 0 : a.unit === 'natural_day' ? -1 : 1),
  )[0];
}

/**
 * The strictest limit that binds the whole case. A 即办 item (0 days) beside items with a real limit is decided on
 * the spot by its own 0-day department step; it does not make the whole case due the day of acceptance. Only
 * when every item is 即办 is the case's limit 0.
 */
function strictestCaseLimit(limits: TimeLimit[]): TimeLimit {
  const timed = limits.filter((l) => l.value > 0);
  return strictestLimit(timed.length > 0 ? timed : limits);
}

/** 行政许可法 Art. 42 ¶2: a case handled jointly has 45 working days, extensible by 15. */
export const JOINT_LIMIT: TimeLimit = { value: 45, unit: 'working_day' };
export const JOINT_MAX_EXTENSION_DAYS = 15;
/** Art. 42 ¶1: the general limit may be extended by 10 days once, with the head of the agency's approval. */
export const ITEM_MAX_EXTENSION_DAYS = 10;

type JointHandling = NonNullable<ServicePlan['jointHandling']>;
const JOINT_HANDLING_NAMES: Record<JointHandling, string> = {
  unified: '统一办理',
  joint: '联合办理',
  concentrated: '集中办理',
};

/** Who says the case is handled jointly (Art. 26): the bundle it was accepted as, else its plan. */
export interface JointDeclaration {
  jointHandling?: JointHandling;
  bundleCode?: string;
  planJointHandling?: JointHandling;
}

type PlanNodes = ServicePlan['nodes'];
const departmentSteps = (nodes: PlanNodes): { limitWorkingDays: number }[] =>
  nodes.flatMap((n) =>
    n.type === 'department' ? [n] : n.type === 'subflow' ? departmentSteps(n.body.nodes) : [],
  );

/**
 * 即办: every department step of the plan has 0 working days (a 即办件's default plan), so the department decides
 * while the applicant waits and the window issues in the same visit. A plan with no department step is not.
 */
const planDecidedOnTheSpot = (plan: ServicePlan): boolean => {
  const steps = departmentSteps(plan.nodes);
  return steps.length > 0 && steps.every((s) => s.limitWorkingDays === 0);
};

/** The declaration of a case: the bundle it is accepted as (if any) and its plan. */
export const jointDeclaration = (
  bundle: { code: string; jointHandling?: JointHandling } | undefined,
  plan: ServicePlan,
): JointDeclaration => ({
  ...(bundle?.jointHandling ? { jointHandling: bundle.jointHandling } : {}),
  ...(bundle ? { bundleCode: bundle.code } : {}),
  ...(plan.jointHandling ? { planJointHandling: plan.jointHandling } : {}),
});

export interface CaseLimits {
  statutory: TimeLimit;
  promised?: TimeLimit;
  maxExtensionDays: number;
  basis: CaseLimitBasis;
}

/**
 * The case's clocks: the joint limit of Art. 42 ¶2 (45 working days, +15) when the bundle or the plan says the
 * items are handled jointly (统一 / 联合 / 集中办理), else the strictest statutory limit of the items (+10, Art. 42 ¶1).
 * The promised clock is always the strictest promised limit of the items (the departments' own promise). Neither
 * clock counts a 即办 item beside timed ones (`strictestCaseLimit`).
 */
export function caseLimits(items: Item[], plan: ServicePlan, declared: JointDeclaration = {}): CaseLimits {
  const onTheSpot = planDecidedOnTheSpot(plan);
  const promised = strictestCaseLimit(items.map((i) => limitOf(i.promisedLimitValue, i.promisedLimitUnit)));
  const mode = declared.jointHandling ?? declared.planJointHandling;
  if (mode) {
    const declaredBy = declared.jointHandling ? 'bundle' : 'plan';
    const by = declaredBy === 'bundle' ? `一件事 ${declared.bundleCode ?? ''}`.trim() : '办理流程';
    return {
      statutory: { ...JOINT_LIMIT },
      promised,
      maxExtensionDays: JOINT_MAX_EXTENSION_DAYS,
      basis: {
        rule: 'joint_handling',
        law: '《中华人民共和国行政许可法》第四十二条第二款、第二十六条',
        jointHandling: mode,
        declaredBy,
        ...(declaredBy === 'bundle' && declared.bundleCode ? { bundleCode: declared.bundleCode } : {}),
        statutory: { ...JOINT_LIMIT },
        maxExtensionDays: JOINT_MAX_EXTENSION_DAYS,
        onTheSpot,
        explanation: `${by}按${JOINT_HANDLING_NAMES[mode]}受理：办理时限为${JOINT_LIMIT.value}个工作日，经本级人民政府负责人批准可延长${JOINT_MAX_EXTENSION_DAYS}个工作日（行政许可法第四十二条第二款），不再适用各事项中最短的时限`,
      },
    };
  }
  const limits = items.map((i) => ({
    item: i,
    limit: limitOf(i.statutoryLimitValue, i.statutoryLimitUnit),
  }));
  const statutory = strictestCaseLimit(limits.map((l) => l.limit));
  const strictest = limits.find((l) => l.limit.value === statutory.value && l.limit.unit === statutory.unit)!;
  const unit = statutory.unit === 'working_day' ? '个工作日' : '日';
  return {
    statutory,
    promised,
    maxExtensionDays: ITEM_MAX_EXTENSION_DAYS,
    basis: {
      rule: 'strictest_item',
      law: '《中华人民共和国行政许可法》第四十二条第一款',
      ...(declared.bundleCode ? { bundleCode: declared.bundleCode } : {}),
      itemKey: strictest.item.itemKey,
      statutory,
      maxExtensionDays: ITEM_MAX_EXTENSION_DAYS,
      onTheSpot,
      explanation:
        (statutory.value === 0
          ? `即办件：${strictest.item.name}法定时限当日届满`
          : `${items.length > 1 ? '各事项中最短的法定时限' : '事项法定时限'}：${strictest.item.name} ${statutory.value}${unit}；经本机关负责人批准可延长${ITEM_MAX_EXTENSION_DAYS}个工作日（行政许可法第四十二条第一款）`) +
        (onTheSpot ? '；各部门环节均为即办，可当场办结、当场出件' : ''),
    },
  };
}

export interface PlannedCase {
  plan: ServicePlan;
  planHash: string;
  /** An existing published version, or undefined when the default plan must be pinned. */
  publishedVersionId?: string;
}

/**
 * Active approvers of each department (users holding the approver role there: in their own department, or
 * granted in another one), for the default plan.
 */
export async function approversByDepartment(
  db: Db,
  departmentCodes: string[],
): Promise<Map<string, string[]>> {
  const users = await db.user.findMany({
    where: {
      disabled: false,
      OR: [
        {
          departmentCode: { in: departmentCodes },
          roles: { some: { role: APPROVER_ROLE, departmentCode: '' } },
        },
        { roles: { some: { role: APPROVER_ROLE, departmentCode: { in: departmentCodes } } } },
      ],
    },
    select: {
      id: true,
      departmentCode: true,
      roles: { where: { role: APPROVER_ROLE }, select: { departmentCode: true } },
    },
    orderBy: { id: 'asc' },
  });
  const map = new Map<string, string[]>();
  for (const u of users)
    for (const code of new Set(u.roles.map((r) => r.departmentCode || u.departmentCode)))
      if (code && departmentCodes.includes(code)) map.set(code, [...(map.get(code) ?? []), u.id]);
  return map;
}

/** The item codes a plan names: its sub-flows' and its department steps' `itemCode`s. */
const planItemCodes = (nodes: PlanNodes): string[] =>
  nodes.flatMap((n) =>
    n.type === 'subflow'
      ? [n.itemCode, ...planItemCodes(n.body.nodes)]
      : n.type === 'department' && n.itemCode
        ? [n.itemCode]
        : [],
  );

/** The newest version a designer published for one of the subject codes (not a pinned default plan). */
async function latestPublished(db: Db, subjectCodes: string[]): Promise<PlannedCase | undefined> {
  const published = await db.flowVersion.findFirst({
    where: { subjectCode: { in: subjectCodes }, publishedBy: { not: DEFAULT_PLAN_PUBLISHER } },
    orderBy: { version: 'desc' },
  });
  if (!published) return undefined;
  const plan = parseServicePlan(JSON.parse(published.planJson));
  // Hash what the workflow will check: the parsed plan (schema defaults applied).
  return { plan, planHash: hashPlan(plan), publishedVersionId: published.id };
}

/**
 * The plan of a new case: the newest flow a designer published for the bundle it is accepted as (一件事) —
 * when that flow names exactly the items applied for (its sub-flows' and steps' item codes; a bundle applied
 * for without an optional item, or with one the flow leaves out, does not take it) — else the newest flow
 * published for its single item; else the default parallel plan. A running case keeps the version it was pinned to.
 */
export async function planFor(
  db: Db,
  items: Item[],
  approvers: Map<string, string[]>,
  bundleCode?: string,
): Promise<PlannedCase> {
  if (bundleCode) {
    const published = await latestPublished(db, [bundleCode]);
    const named = new Set(published ? planItemCodes(published.plan.nodes) : []);
    const applied = new Set(items.map((i) => i.itemKey));
    if (published && named.size === applied.size && [...applied].every((code) => named.has(code)))
      return published;
  }
  if (items.length === 1) {
    const published = await latestPublished(db, [items[0].itemKey, items[0].implementationCode]);
    if (published) return published;
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

/**
 * The version a case of this plan is pinned to when one is stored already (a published flow, or the default plan
 * pinned by an earlier case): read before the acceptance's transaction, which then has nothing to write for it.
 */
export async function storedPlanVersion(db: Db, planned: PlannedCase): Promise<string | undefined> {
  if (planned.publishedVersionId) return planned.publishedVersionId;
  const same = await db.flowVersion.findFirst({
    where: { subjectCode: planned.plan.key, planHash: planned.planHash },
    select: { id: true },
  });
  return same?.id;
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
