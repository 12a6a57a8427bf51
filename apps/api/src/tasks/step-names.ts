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

/**
 * The step names of each flow version read so far, per database client. A published version never changes (the
 * database refuses UPDATE), so the inbox reads and parses each plan once.
 */
const known = new WeakMap<Db, Map<string, Map<string, string>>>();

/** Step names by `<flowVersionId>\0<stepId>`, read from the plans the cases were accepted under. */
export async function stepNamesOf(db: Db, flowVersionIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(flowVersionIds.filter((id): id is string => id !== null))];
  const cache = known.get(db) ?? new Map<string, Map<string, string>>();
  known.set(db, cache);
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const versions = await db.flowVersion.findMany({
      where: { id: { in: missing } },
      select: { id: true, planJson: true },
    });
    for (const version of versions) {
      const found = new Map<string, string>();
      departmentNodes(JSON.parse(version.planJson), found);
      cache.set(version.id, found);
    }
  }
  const names = new Map<string, string>();
  for (const id of ids)
    for (const [stepId, name] of cache.get(id) ?? []) names.set(`${id}\u0000${stepId}`, name);
  return names;
}
