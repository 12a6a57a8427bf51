import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { AcceptedCaseResponse } from '@onewindow/contracts';
import type { CalendarData } from '@onewindow/calendar';
import { recordAudit, type AuditInput } from '@onewindow/audit';
import {
  inOneTransaction,
  insertRows,
  isUniqueViolation,
  Prisma,
  type Db,
  type ItemModel as Item,
} from '@onewindow/db';
import { calendarForCase, getCalendarInForce } from '../calendar/calendar-in-force';
import { caseWorkflow, type CaseWorkflowInput } from '@onewindow/workflows';
import type { ApiDeps } from '../api-deps';
import { ProblemError, ProblemType } from '../http/problem';
import { shanghaiDay, nextCaseNo } from './case-number';
import { itemRowsOf, materialRowsOf, upsertApplicant } from './application-rows';
import {
  approversByDepartment,
  caseLimits,
  jointDeclaration,
  pinPlan,
  planFor,
  storedPlanVersion,
} from './case-plan';
import { keyReusedProblem, requestHash } from './idempotency-key';
import { isRetryableTemporalError } from './temporal-errors';
import { checkToleratedGaps, toleratedGapsOf } from './tolerated-gaps';
import { validateApplication, type AcceptApplication } from './validate-application';
import { assertWaitingApplication } from './waiting-application';

/** Outbox row holding a case's workflow start command until Temporal has accepted it. */
export const startCommandKey = (caseNo: string): string => `workflow-start:${caseNo}`;
const requestKey = (key: string): string => `POST /api/cases:${key}`;

/** The Shanghai calendar day of an instant as YYYY-MM-DD. */
const isoDay = (at: Date): string => {
  const d = shanghaiDay(at);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
};

// By code: the SQLite and PostgreSQL clients are generated separately (no shared error class).

export interface AcceptOutcome {
  status: 200 | 201;
  body: AcceptedCaseResponse;
}

/**
 * 受理: validates everything first (nothing is written for a bad application), writes applicant, case,
 * items, materials, the pinned plan, the workflow start command and (given `audit`) the request's audit entry
 * in one transaction, then starts the case workflow with workflow id = case number. A retried request with the
 * same Idempotency-Key returns the first answer (and makes sure the workflow runs).
 *
 * On SQLite that transaction holds the one write lock the API shares with the worker, so it reads nothing it
 * can read before (the stored plan version) and writes each table in one statement; the audit entry and the
 * "started" marks of earlier acceptances (startedMarks) ride in it instead of taking the lock again
 * (docs/decisions/0021).
 */
export async function acceptApplication(
  deps: ApiDeps,
  raw: unknown,
  acceptedBy: string,
  idempotencyKey?: string,
  options: {
    /** When acceptance counts from (an online submission: its receipt time, Art. 32); now by default. */
    acceptedAt?: Date;
    /** The request's audit entry, written with the case (the caller then writes none for it). */
    audit?: AuditInput;
  } = {},
): Promise<AcceptOutcome> {
  const { request, items, bundle } = await validateApplication(deps.db, raw);
  // The key belongs to the clerk's request: the same body from another clerk is a different request.
  const hash = requestHash({ request, acceptedBy });
  if (idempotencyKey) {
    const replay = await replayOf(deps, idempotencyKey, hash);
    if (replay) return replay;
  }
  const approvers = await approversByDepartment(
    deps.db,
    items.map((i) => i.departmentCode),
  );
  const missing = [...new Set(items.map((i) => i.departmentCode))].filter((d) => !approvers.has(d));
  if (missing.length > 0) {
    throw new ProblemError(
      422,
      ProblemType.conflict,
      'No approver configured',
      `Department(s) ${missing.join(', ')} have no active user with the dept_approver role: the case could not be routed`,
    );
  }
  const planned = await planFor(deps.db, items, approvers, bundle ? request.bundleCode : undefined);
  const limits = caseLimits(items, planned.plan, jointDeclaration(bundle, planned.plan));
  const now = options.acceptedAt ?? new Date();
  // The calendar goes into the start input: the first steps open in the workflow's first task, with no
  // loadCalendar activity before it (and no "still starting" window in which decisions are refused).
  const calendar = await calendarFor(deps, now);
  await checkToleratedGaps(deps.db, request, items, limits, calendar, isoDay(now));
  const pinned = await storedPlanVersion(deps.db, planned);
  const marks = startedMarks(deps.db);

  let written: { caseNo: string; body: AcceptedCaseResponse; input: CaseWorkflowInput } | undefined;
  for (let attempt = 1; !written; attempt++) {
    try {
      written = await inOneTransaction(deps.db, async (tx) => {
        const result = await writeCase(tx, {
          request,
          acceptedBy,
          items,
          planned,
          pinned,
          limits,
          idempotencyKey,
          hash,
          now,
          calendar,
        });
        if (options.audit)
          await recordAudit(tx, {
            ...options.audit,
            payload: { ...(options.audit.payload as object | undefined), caseNo: result.caseNo },
          });
        await marks.writeIn(tx);
        return result;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Either a concurrent request with the same key won, or two acceptances drew the same case number.
      if (idempotencyKey) {
        const replay = await replayOf(deps, idempotencyKey, hash);
        if (replay) return replay;
      }
      if (attempt >= 5) throw error;
    }
  }
  await startCaseWorkflow(deps, written.caseNo, written.input, { markLater: true });
  marks.add(written.caseNo);
  return { status: 201, body: written.body };
}

/** How long a started workflow's command may wait for the next acceptance's transaction to mark it. */
const MARK_WITHIN_MS = 1000;

/**
 * Start commands whose workflow is running but whose row still says pending (status 0). Marking one is
 * bookkeeping for the sweep of pending starts (which would only find the workflow already started), so it
 * is not worth a write transaction of its own per acceptance: the next acceptance's transaction marks every
 * one waiting, and a timer marks what is left after MARK_WITHIN_MS when no acceptance came (well inside the
 * sweep's grace period). A process that stops before either leaves the sweep to mark them.
 */
interface StartedMarks {
  add(caseNo: string): void;
  writeIn(tx: Prisma.TransactionClient): Promise<void>;
}
const marksOf = new WeakMap<Db, StartedMarks>();

function startedMarks(db: Db): StartedMarks {
  let marks = marksOf.get(db);
  if (marks) return marks;
  let waiting = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const markAll = (client: Prisma.TransactionClient, caseNos: string[]) =>
    client.$executeRaw(
      Prisma.sql`UPDATE "IdempotencyRecord" SET "status" = 1 WHERE "key" IN (${Prisma.join(caseNos.map(startCommandKey))})`,
    );
  const flush = () => {
    timer = undefined;
    const caseNos = [...waiting];
    waiting = new Set();
    if (caseNos.length > 0) markAll(db, caseNos).catch(() => undefined); // the sweep marks them otherwise
  };
  marks = {
    add(caseNo) {
      waiting.add(caseNo);
      timer ??= setTimeout(flush, MARK_WITHIN_MS).unref();
    },
    async writeIn(tx) {
      if (waiting.size === 0) return;
      const caseNos = [...waiting];
      await markAll(tx, caseNos);
      // Only once written: a transaction that fails leaves them for the next one (or the timer).
      for (const caseNo of caseNos) waiting.delete(caseNo);
    },
  };
  marksOf.set(db, marks);
  return marks;
}

/**
 * The calendar of the acceptance year and the next (what the workflow's loadCalendar activity would load), from
 * the calendar in force that the process keeps until a year is loaded (no database read per acceptance).
 */
async function calendarFor(deps: Pick<ApiDeps, 'db' | 'logger'>, now: Date): Promise<CalendarData> {
  return calendarForCase(await getCalendarInForce(deps, now), Number(shanghaiDay(now).slice(0, 4)));
}

async function replayOf(deps: ApiDeps, key: string, hash: string): Promise<AcceptOutcome | undefined> {
  // Raw: every acceptance from the window carries a key (docs/decisions/0007).
  const [record] = await deps.db.$queryRaw<{ requestHash: string; response: string }[]>(
    Prisma.sql`SELECT "requestHash", "response" FROM "IdempotencyRecord" WHERE "key" = ${requestKey(key)}`,
  );
  if (!record) return undefined;
  if (record.requestHash !== hash) throw keyReusedProblem(key);
  const body = JSON.parse(record.response) as AcceptedCaseResponse;
  await ensureCaseWorkflowStarted(deps, body.caseNo);
  return { status: 200, body };
}

interface WriteCaseArgs {
  request: AcceptApplication;
  acceptedBy: string;
  items: Item[];
  planned: Awaited<ReturnType<typeof planFor>>;
  /** The stored version of the plan, read before the transaction (else it is stored in it). */
  pinned?: string;
  limits: ReturnType<typeof caseLimits>;
  idempotencyKey?: string;
  hash: string;
  now: Date;
  calendar: CalendarData;
}

async function writeCase(tx: Prisma.TransactionClient, a: WriteCaseArgs) {
  const { now } = a;
  const caseNo = a.request.applicationNo ?? (await nextCaseNo(tx, now));
  const flowVersionId = a.pinned ?? (await pinPlan(tx, a.planned));
  const person = await upsertApplicant(tx, a.request.applicant);
  const itemRows = itemRowsOf(a.items);
  const materialRows = materialRowsOf(caseNo, a.request.materials, now);
  const accepted = {
    applicantId: person.id,
    kind: a.request.bundleCode ? 'bundle' : 'item',
    bundleCode: a.request.bundleCode ?? null,
    status: 'accepted',
    // A tolerated gap makes it a 容缺受理, whatever mode the form named.
    acceptanceMode: a.request.materials.some((m) => m.provenance === 'tolerated_missing')
      ? 'tolerated'
      : a.request.acceptanceMode,
    flowVersionId,
    acceptedAt: now,
    acceptedBy: a.acceptedBy,
    idempotencyKey: a.idempotencyKey ?? null,
  };
  if (a.request.applicationNo) await completeApplication(tx, caseNo, accepted, itemRows, materialRows);
  else {
    // One raw statement a table, on every acceptance (docs/decisions/0007); the dates Prisma would fill are given.
    const writtenAt = new Date();
    await insertRows(tx, 'case', { caseNo, ...accepted, createdAt: writtenAt, updatedAt: writtenAt });
    await insertRows(
      tx,
      'caseItem',
      itemRows.map((i) => ({ caseNo, ...i })),
    );
    await insertRows(
      tx,
      'caseMaterial',
      materialRows.map((m) => ({ caseNo, ...m })),
    );
  }
  const acceptedOn = isoDay(now);
  const tolerated = toleratedGapsOf(a.request, a.items);
  const input: CaseWorkflowInput = {
    caseNo,
    plan: a.planned.plan,
    planHash: a.planned.planHash,
    applicationData: a.request.applicationData,
    acceptedOn,
    limits: {
      statutory: a.limits.statutory,
      ...(a.limits.promised ? { promised: a.limits.promised } : {}),
      // Art. 42: +10 on an item limit, +15 on the joint limit; the workflow refuses extensions beyond it.
      maxExtensionDays: a.limits.maxExtensionDays,
    },
    calendar: a.calendar,
    // 容缺受理: the workflow tracks each gap (its due date and the catalogue's rule for a missed one).
    ...(tolerated.length > 0 ? { toleratedGaps: tolerated } : {}),
    // Projection writes as regular activities, one batch at a time: only a committed workflow task writes (docs/decisions/0016).
    projections: 'activity-serial',
    // The applicant is told "ready for collection" and "supplement needed" (sendApplicantMessage).
    applicantMessages: true,
  };
  const body: AcceptedCaseResponse = {
    caseNo,
    status: 'accepted',
    acceptedOn,
    items: a.items.map((i) => ({
      implementationCode: i.implementationCode,
      itemKey: i.itemKey,
      version: i.version,
      name: i.name,
      departmentCode: i.departmentCode,
    })),
    kind: a.request.bundleCode ? 'bundle' : 'item',
    ...(a.request.bundleCode ? { bundleCode: a.request.bundleCode } : {}),
    limits: input.limits,
    limitBasis: a.limits.basis,
    plan: { flowVersionId, planKey: a.planned.plan.key, planHash: a.planned.planHash },
    workflowId: caseNo,
  };
  const recordedAt = new Date();
  await insertRows(tx, 'idempotencyRecord', [
    {
      key: startCommandKey(caseNo),
      requestHash: a.planned.planHash,
      response: JSON.stringify(input),
      status: 0,
      createdAt: recordedAt,
    },
    ...(a.idempotencyKey
      ? [
          {
            key: requestKey(a.idempotencyKey),
            requestHash: a.hash,
            response: JSON.stringify(body),
            status: 201,
            createdAt: recordedAt,
          },
        ]
      : []),
  ]);
  return { caseNo, body, input };
}

/**
 * 补正后受理: the application that got a one-time notice is accepted under its number. Only one still waiting
 * (`needs_correction`) and filed by the same applicant; materials kept (with their files) or replaced by what
 * the clerk marks now, items as applied for now.
 */
async function completeApplication(
  tx: Prisma.TransactionClient,
  caseNo: string,
  accepted: Omit<Prisma.CaseUncheckedCreateInput, 'caseNo'>,
  itemRows: { implementationCode: string; itemVersion: number }[],
  materialRows: (Omit<Prisma.CaseMaterialUncheckedCreateInput, 'caseNo'> & { materialCode: string })[],
): Promise<void> {
  await assertWaitingApplication(tx, caseNo, accepted.applicantId, '不能再次受理');
  const codes = materialRows.map((m) => m.materialCode);
  await tx.case.update({ where: { caseNo }, data: accepted });
  await tx.caseItem.deleteMany({ where: { caseNo } });
  await tx.caseItem.createMany({ data: itemRows.map((i) => ({ caseNo, ...i })) });
  await tx.caseMaterial.deleteMany({ where: { caseNo, materialCode: { notIn: codes } } });
  for (const m of materialRows)
    await tx.caseMaterial.upsert({
      where: { caseNo_materialCode: { caseNo, materialCode: m.materialCode } },
      create: { caseNo, ...m },
      update: { ...m, id: undefined },
    });
}

/**
 * Starts the workflow; one already running (or finished) under this case number counts as started. Marks the
 * start command as done, or with `markLater` leaves that to the caller.
 */
export async function startCaseWorkflow(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  caseNo: string,
  input: CaseWorkflowInput,
  options: { markLater?: boolean } = {},
): Promise<void> {
  try {
    await deps.temporal.connection.withDeadline(Date.now() + 10_000, () =>
      deps.temporal.client.workflow.start(caseWorkflow, {
        taskQueue: deps.temporal.taskQueue,
        workflowId: caseNo,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
      }),
    );
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      if (isRetryableTemporalError(error)) {
        throw new ProblemError(
          503,
          ProblemType.dependencyDown,
          'Case recorded, workflow not started',
          `办件 ${caseNo} 已登记，但流程引擎暂未启动其流程：请使用同一 Idempotency-Key 重新提交（不会产生第二个办件），系统也会在后台自动补启动。 Case ${caseNo} is recorded but Temporal at ${deps.temporal.address} did not start its workflow; retry with the same Idempotency-Key (or wait: a background sweep starts it) to start it`,
        );
      }
      throw error;
    }
  }
  if (options.markLater) return;
  await deps.db.idempotencyRecord.updateMany({
    where: { key: startCommandKey(caseNo) },
    data: { status: 1 },
  });
}

/** Re-issues the stored start command (a retried request, the repair tool). */
export async function ensureCaseWorkflowStarted(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  caseNo: string,
): Promise<void> {
  const command = await deps.db.idempotencyRecord.findUnique({ where: { key: startCommandKey(caseNo) } });
  if (!command || command.status === 1) return;
  await startCaseWorkflow(deps, caseNo, JSON.parse(command.response) as CaseWorkflowInput);
}
