import type { FlowLintContext, FlowSubject } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { notFound } from '../http/problem';

type Limits = FlowLintContext['limits'];

/** An item's limits in working days; a natural-day limit is left out (the critical path counts working days). */
const workingDayLimits = (item: {
  promisedLimitValue: number;
  promisedLimitUnit: string;
  statutoryLimitValue: number;
  statutoryLimitUnit: string;
}): Limits => ({
  ...(item.promisedLimitUnit === 'working_day' ? { promisedWorkingDays: item.promisedLimitValue } : {}),
  ...(item.statutoryLimitUnit === 'working_day' ? { statutoryWorkingDays: item.statutoryLimitValue } : {}),
});

/** 行政许可法 Art. 42 ¶2: a bundle handled jointly has 45 working days. */
const JOINT_STATUTORY_WORKING_DAYS = 45;

function bundleData(data: string): { jointHandling?: string } {
  try {
    const json: unknown = JSON.parse(data);
    return json && typeof json === 'object' ? (json as { jointHandling?: string }) : {};
  } catch {
    return {};
  }
}

/**
 * The item (active, by item key or implementation code) or the bundle (active, by code) a flow is for;
 * 404 when the catalogue has neither. An item's flow is kept under its item key, which acceptance looks up.
 */
export async function findSubject(db: Db, key: string): Promise<FlowSubject> {
  const item = await db.item.findFirst({
    where: { status: 'active', OR: [{ itemKey: key }, { implementationCode: key }] },
    orderBy: { version: 'desc' },
  });
  if (item) return { key: item.itemKey, kind: 'item', name: item.name, ...workingDayLimits(item) };
  const bundle = await db.bundle.findFirst({
    where: { code: key, status: 'active' },
    orderBy: { version: 'desc' },
  });
  if (bundle) {
    const joint = bundleData(bundle.data).jointHandling !== undefined;
    return {
      key: bundle.code,
      kind: 'bundle',
      name: bundle.name,
      ...(joint ? { statutoryWorkingDays: JOINT_STATUTORY_WORKING_DAYS } : {}),
    };
  }
  throw notFound(`No active item or bundle "${key}" in the catalogue: a flow is designed for one of them`);
}

/** The names of several subjects by key (items by item key, bundles by code), for the flow list. */
export async function subjectNames(db: Db, keys: string[]): Promise<Map<string, FlowSubject>> {
  const [items, bundles] = await Promise.all([
    db.item.findMany({ where: { status: 'active', itemKey: { in: keys } }, orderBy: { version: 'asc' } }),
    db.bundle.findMany({ where: { status: 'active', code: { in: keys } }, orderBy: { version: 'asc' } }),
  ]);
  const map = new Map<string, FlowSubject>();
  for (const b of bundles) map.set(b.code, { key: b.code, kind: 'bundle', name: b.name });
  for (const i of items)
    map.set(i.itemKey, { key: i.itemKey, kind: 'item', name: i.name, ...workingDayLimits(i) });
  return map;
}

/**
 * What lint and the compiler know beyond the diagram, for one subject: the catalogue's departments, items
 * and certificate types, the subject's limits, the items' limits and the active members of every
 * department role. The designer lints with it; publishing lints with the same.
 */
export async function lintContextFor(db: Db, subject: FlowSubject): Promise<FlowLintContext> {
  const [departments, items, certificateTypes, users] = await Promise.all([
    db.department.findMany({ select: { code: true, name: true }, orderBy: { code: 'asc' } }),
    db.item.findMany({ where: { status: 'active' }, orderBy: [{ itemKey: 'asc' }, { version: 'asc' }] }),
    db.certificateType.findMany({ select: { code: true, name: true }, orderBy: { code: 'asc' } }),
    db.user.findMany({
      where: { disabled: false, departmentCode: { not: null } },
      select: { id: true, departmentCode: true, roles: { select: { role: true } } },
      orderBy: { id: 'asc' },
    }),
  ]);
  const itemLimits: FlowLintContext['itemLimits'] = {};
  const itemNames = new Map<string, string>();
  for (const i of items) {
    itemLimits[i.itemKey] = workingDayLimits(i);
    itemNames.set(i.itemKey, i.name);
  }
  const roleMembers: FlowLintContext['roleMembers'] = {};
  for (const u of users)
    for (const { role } of u.roles) (roleMembers[`${u.departmentCode}/${role}`] ??= []).push(u.id);
  return {
    departments,
    items: [...itemNames].map(([code, name]) => ({ code, name })),
    certificateTypes,
    limits: {
      ...(subject.promisedWorkingDays !== undefined
        ? { promisedWorkingDays: subject.promisedWorkingDays }
        : {}),
      ...(subject.statutoryWorkingDays !== undefined
        ? { statutoryWorkingDays: subject.statutoryWorkingDays }
        : {}),
    },
    itemLimits,
    roleMembers,
  };
}
