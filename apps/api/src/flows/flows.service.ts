import crypto from 'node:crypto';
import type {
  FlowDetail,
  FlowDraftSaved,
  FlowList,
  FlowProblem,
  FlowPublished,
  FlowVersionDetail,
  FlowVersionSummary,
} from '@onewindow/contracts';
import { lintOptionsOf } from '@onewindow/contracts';
import { hashPlan, parseServicePlan } from '@onewindow/flow-model';
import { lintAndCompile, parseBpmn, type ProblemCode } from '@onewindow/flow-model/src/bpmn';
import { isUniqueViolation, type Db, type Prisma } from '@onewindow/db';
import { DEFAULT_PLAN_PUBLISHER } from '../cases/case-plan';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { findSubject, lintContextFor, subjectNames } from './flow-subjects';

/** Case statuses after which a case no longer runs on its flow version. */
const CLOSED_CASE_STATUSES = ['issued', 'rejected_at_intake', 'withdrawn', 'terminated'];

type VersionRow = Prisma.FlowVersionGetPayload<object>;

async function openCasesByVersion(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const groups = await db.case.groupBy({
    by: ['flowVersionId'],
    where: { flowVersionId: { in: ids }, status: { notIn: CLOSED_CASE_STATUSES } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.flowVersionId ?? '', g._count._all]));
}

const summaryOf = (v: VersionRow, openCases: Map<string, number>): FlowVersionSummary => ({
  id: v.id,
  version: v.version,
  planHash: v.planHash,
  publishedBy: v.publishedBy,
  publishedAt: v.publishedAt.toISOString(),
  source: v.publishedBy === DEFAULT_PLAN_PUBLISHER ? 'default' : 'designer',
  hasBpmn: v.bpmnXml !== null,
  openCases: openCases.get(v.id) ?? 0,
});

const versionSelect = {
  id: true,
  subjectCode: true,
  version: true,
  planHash: true,
  publishedBy: true,
  publishedAt: true,
  bpmnXml: true,
  planJson: true,
} as const;

/** Every subject with a draft or a version published through the designer, by key. */
export async function listFlows(db: Db): Promise<FlowList> {
  const [drafts, versions] = await Promise.all([
    db.flowDraft.findMany({ select: { subjectCode: true, savedBy: true, savedAt: true } }),
    db.flowVersion.findMany({ orderBy: [{ subjectCode: 'asc' }, { version: 'desc' }] }),
  ]);
  const designed = new Set(
    versions.filter((v) => v.publishedBy !== DEFAULT_PLAN_PUBLISHER).map((v) => v.subjectCode),
  );
  const keys = [...new Set([...drafts.map((d) => d.subjectCode), ...designed])].sort();
  const [names, openCases] = await Promise.all([
    subjectNames(db, keys),
    openCasesByVersion(
      db,
      versions.filter((v) => designed.has(v.subjectCode)).map((v) => v.id),
    ),
  ]);
  return {
    items: keys.map((key) => {
      const draft = drafts.find((d) => d.subjectCode === key);
      const own = versions.filter((v) => v.subjectCode === key);
      return {
        ...(names.get(key) ?? { key, kind: 'item' as const, name: key }),
        draft: draft ? { savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString() } : null,
        latestVersion: own[0] ? summaryOf(own[0], openCases) : null,
        versions: own.length,
      };
    }),
  };
}

/** One subject: its draft with the XML, its versions newest first (default plans pinned for it included), the lint context. */
export async function flowDetail(db: Db, key: string): Promise<FlowDetail> {
  const subject = await findSubject(db, key);
  const [draft, versions, lintContext] = await Promise.all([
    db.flowDraft.findUnique({ where: { subjectCode: subject.key } }),
    db.flowVersion.findMany({ where: { subjectCode: subject.key }, orderBy: { version: 'desc' } }),
    lintContextFor(db, subject),
  ]);
  const openCases = await openCasesByVersion(
    db,
    versions.map((v) => v.id),
  );
  return {
    subject,
    lintContext,
    draft: draft
      ? { bpmnXml: draft.bpmnXml, savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString() }
      : null,
    versions: versions.map((v) => summaryOf(v, openCases)),
  };
}

export async function flowVersionDetail(db: Db, key: string, version: number): Promise<FlowVersionDetail> {
  const subject = await findSubject(db, key);
  const row = await db.flowVersion.findUnique({
    where: { subjectCode_version: { subjectCode: subject.key, version } },
    select: versionSelect,
  });
  if (!row) throw notFound(`The flow of "${subject.key}" has no version ${version}`);
  const openCases = await openCasesByVersion(db, [row.id]);
  return { ...summaryOf(row, openCases), bpmnXml: row.bpmnXml, plan: JSON.parse(row.planJson) as unknown };
}

/** What a draft may not be: something the designer could not open again (not a diagram at all). */
const UNREADABLE: readonly ProblemCode[] = [
  'parse.empty',
  'parse.tooLarge',
  'parse.notXml',
  'parse.noDefinitions',
  'parse.duplicateId',
];

/**
 * Saves (overwrites) the subject's draft. A draft may be incomplete (lint problems, elements to remove), but
 * it must be a diagram the designer can open again: empty text, text that is not XML, XML without
 * `<bpmn:definitions>` and duplicate ids are refused (422, each problem with its code) and the draft kept.
 */
export async function saveDraft(
  db: Db,
  key: string,
  bpmnXml: string,
  userId: string,
): Promise<FlowDraftSaved> {
  const subject = await findSubject(db, key);
  const unreadable = (await parseBpmn(bpmnXml)).problems.filter((p) => UNREADABLE.includes(p.code));
  if (unreadable.length > 0)
    throw refusal(
      'The draft is not a readable diagram',
      'Not saved',
      unreadable.map((p) => ({ ...p, severity: 'error' as const, rule: 'parse' })),
    );
  const row = await db.flowDraft.upsert({
    where: { subjectCode: subject.key },
    create: { subjectCode: subject.key, bpmnXml, savedBy: userId },
    update: { bpmnXml, savedBy: userId },
  });
  return { key: subject.key, draft: { savedBy: row.savedBy, savedAt: row.savedAt.toISOString() } };
}

const problemLine = (p: FlowProblem) =>
  `${p.elementId}${p.elementName ? ` [${p.elementName}]` : ''}: ${p.message}`;

/**
 * 422 with the problem list: each error's `path` is the element id, its `code` and `params` those of the
 * problem, the element's name as `params.elementName`, so the designer says it in the user's language.
 */
function refusal(title: string, what: string, errors: FlowProblem[]): ProblemError {
  return new ProblemError(
    422,
    ProblemType.validation,
    title,
    `${what}: ${errors.length} problem(s) — ${errors.slice(0, 3).map(problemLine).join('; ')}`,
    errors.map((p) => ({
      path: p.elementId,
      message: problemLine(p),
      code: p.code,
      ...(p.params || p.elementName
        ? { params: { ...p.params, ...(p.elementName ? { elementName: p.elementName } : {}) } }
        : {}),
    })),
  );
}

/**
 * Publishes a diagram as the subject's next version: lint and compile on the server with the subject's lint
 * context (what the designer showed); any error refuses with the problem list (422, `refusal`) and stores nothing.
 * Otherwise the BPMN XML, the plan (its key the subject's key, its version the new version) and its hash are
 * stored as a new, immutable FlowVersion, which acceptance of the item (or of the bundle, planFor) then uses.
 */
export async function publishFlow(
  db: Db,
  key: string,
  bpmnXml: string,
  userId: string,
): Promise<FlowPublished> {
  const subject = await findSubject(db, key);
  const context = await lintContextFor(db, subject);
  const last = await db.flowVersion.findFirst({
    where: { subjectCode: subject.key },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const version = (last?.version ?? 0) + 1;
  const { plan, problems } = await lintAndCompile(
    bpmnXml,
    lintOptionsOf(context, { key: subject.key, version }),
  );
  const errors = problems.filter((p) => p.severity === 'error');
  if (!plan || errors.length > 0) throw refusal('The flow has problems', 'Not published', errors);
  // Stored and hashed as acceptance reads it back: the parsed plan (schema defaults applied).
  const parsed = parseServicePlan(JSON.parse(JSON.stringify(plan)));
  const id = `fv_${crypto.randomUUID()}`;
  let row: VersionRow;
  try {
    row = await db.flowVersion.create({
      data: {
        id,
        subjectCode: subject.key,
        version,
        bpmnXml,
        planJson: JSON.stringify(parsed),
        planHash: hashPlan(parsed),
        publishedBy: userId,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ProblemError(
        409,
        ProblemType.conflict,
        'Published meanwhile',
        `Version ${version} of "${subject.key}" was published by someone else meanwhile; reload and publish again`,
      );
    throw error;
  }
  return {
    key: subject.key,
    version: summaryOf(row, new Map()),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}
