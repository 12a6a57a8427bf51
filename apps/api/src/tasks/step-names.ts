import type { Db } from '@onewindow/db';

/** Every `{ id, name, type: 'department' }` node of a stored plan, wherever the sequence nests it. */
function departmentNodes(node: unknown, found: Map<string, string>): void {
  if (Array.isArray(node)) return node.forEach((n) => departmentNodes(n, found));
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (n.type === 'department' && typeof n.id === 'string' && typeof n.name === 'string')
    found.set(n.id, n.name);
  Object.values(n).forEach((child) => departmentNodes(child, found));
}

/** Step names by `<flowVersionId>\0<stepId>`, read from the plans the cases were accepted under. */
export async function stepNamesOf(db: Db, flowVersionIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(flowVersionIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const versions = await db.flowVersion.findMany({
    where: { id: { in: ids } },
    select: { id: true, planJson: true },
  });
  const names = new Map<string, string>();
  for (const version of versions) {
    const found = new Map<string, string>();
    departmentNodes(JSON.parse(version.planJson), found);
    for (const [stepId, name] of found) names.set(`${version.id}\u0000${stepId}`, name);
  }
  return names;
}
