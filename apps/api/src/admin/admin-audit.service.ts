// The audit log as an administrator or an inspector reads it: filtered, paged, exported as CSV, verified.
import type {
  AdminAuditEntry,
  AdminAuditPage,
  AdminAuditQuery,
  AdminAuditVerification,
} from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { verifyAuditChain } from '@onewindow/audit';

type Filters = Omit<AdminAuditQuery, 'page' | 'pageSize'>;

/**
 * Prisma's where for the filters: the case number anywhere in the target (`case:<no>`, `/api/cases/<no>/…`);
 * the user as the actor or as the target (`user:<username>`: what was done to the account); a part of the
 * action; `at` from … to, both inclusive.
 */
async function whereOf(db: Db, filters: Filters) {
  const conditions: object[] = [];
  if (filters.caseNo) conditions.push({ target: { contains: filters.caseNo } });
  if (filters.username) {
    const user = await db.user.findUnique({ where: { username: filters.username }, select: { id: true } });
    conditions.push({
      OR: [...(user ? [{ actorUserId: user.id }] : []), { target: `user:${filters.username}` }],
    });
  }
  if (filters.action) conditions.push({ action: { contains: filters.action } });
  if (filters.from || filters.to)
    conditions.push({
      at: {
        ...(filters.from ? { gte: new Date(filters.from) } : {}),
        ...(filters.to ? { lte: new Date(filters.to) } : {}),
      },
    });
  return { AND: conditions };
}

type AuditRow = {
  seq: number;
  at: Date;
  actorUserId: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  requestId: string | null;
  payload: string | null;
};

/** Names the actors of a batch of entries (one query); `system` and removed users stay ids only. */
async function withActors(db: Db, rows: AuditRow[]): Promise<AdminAuditEntry[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const users = ids.length
    ? await db.user.findMany({
        where: { id: { in: ids } },
        select: { id: true, username: true, displayName: true },
      })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((row) => {
    const actor = row.actorUserId ? byId.get(row.actorUserId) : undefined;
    return {
      seq: row.seq,
      at: row.at.toISOString(),
      actorUserId: row.actorUserId,
      actorUsername: actor?.username ?? null,
      actorDisplayName: actor?.displayName ?? null,
      action: row.action,
      target: row.target,
      ip: row.ip,
      requestId: row.requestId,
      payload: row.payload,
    };
  });
}

const select = {
  seq: true,
  at: true,
  actorUserId: true,
  action: true,
  target: true,
  ip: true,
  requestId: true,
  payload: true,
} as const;

/** One page of the filtered log, newest first, with the number of matching entries. */
export async function searchAudit(db: Db, query: AdminAuditQuery): Promise<AdminAuditPage> {
  const where = await whereOf(db, query);
  const [total, rows] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      select,
      orderBy: { seq: 'desc' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { entries: await withActors(db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** At most this many entries in one CSV file: a narrower filter gets the rest. */
export const CSV_EXPORT_LIMIT = 100_000;
const CSV_BATCH = 2_000;
const csvHeader = [
  '序号',
  '时间(UTC)',
  '操作人ID',
  '操作人用户名',
  '操作人姓名',
  '操作',
  '对象',
  '来源IP',
  '请求ID',
  '详情(已脱敏)',
];

/** A CSV cell: quoted; a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading '. */
function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The filtered log in order (oldest first) as CSV lines, in batches; UTF-8 with a byte-order mark so that
 * spreadsheet programs read the Chinese columns. Yields at most CSV_EXPORT_LIMIT entries.
 */
export async function* auditCsv(db: Db, filters: Filters): AsyncGenerator<string> {
  const where = await whereOf(db, filters);
  yield `\uFEFF${csvHeader.map(csvCell).join(',')}\r\n`;
  let afterSeq = 0;
  let written = 0;
  while (written < CSV_EXPORT_LIMIT) {
    const rows = await db.auditEntry.findMany({
      where: { AND: [where, { seq: { gt: afterSeq } }] },
      select,
      orderBy: { seq: 'asc' },
      take: Math.min(CSV_BATCH, CSV_EXPORT_LIMIT - written),
    });
    if (rows.length === 0) return;
    const entries = await withActors(db, rows);
    yield entries
      .map((e) =>
        [
          e.seq,
          e.at,
          e.actorUserId,
          e.actorUsername,
          e.actorDisplayName,
          e.action,
          e.target,
          e.ip,
          e.requestId,
          e.payload,
        ]
          .map(csvCell)
          .join(','),
      )
      .join('\r\n')
      .concat('\r\n');
    written += rows.length;
    afterSeq = rows[rows.length - 1].seq;
  }
}

/** The whole chain verified; when it is broken, the first entry that does not check out, as stored. */
export async function verifyAudit(db: Db): Promise<AdminAuditVerification> {
  const report = await verifyAuditChain(db);
  if (report.ok) return report;
  const row = await db.auditEntry.findUnique({ where: { seq: report.brokenAtSeq }, select });
  const [brokenEntry] = row ? await withActors(db, [row]) : [];
  return { ...report, ...(brokenEntry ? { brokenEntry } : {}) };
}
