import { addWorkingDays, endOfShanghaiDay, toShanghaiDate } from '@onewindow/calendar';
import {
  submissionCorrectionRequestSchema,
  submissionRefusalRequestSchema,
  submissionRequestSchema,
  type AcceptApplicationRequest,
  type PublicSubmissionStatus,
  type SubmissionOutcome,
  type SubmissionReceipt,
  type SubmissionStatus,
  type SubmissionSummary,
} from '@onewindow/contracts';
import { isUniqueViolation, type SubmissionModel } from '@onewindow/db';
import type { ApiDeps } from '../api-deps';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import { acceptApplication } from '../cases/accept-application.service';
import { SYSTEM_ACCEPTOR } from '../cases/system-acceptor';
import { validateApplication } from '../cases/validate-application';
import { parse } from '../http/parse';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { issueCorrectionNotice } from '../intake/correction-notice.service';
import { refuseAtIntake } from '../intake/intake-refusal.service';
import { nextSubmissionNo } from './submission-number';
import { forApplicant } from './submission-problems';
import { claimForClerk, intakeTaskQueue, startSubmissionWorkflow } from './submission-workflow';

/** Art. 32 ¶1 (4): the applicant is told what is missing within 5 (working) days of receipt (Art. 82). */
const NOTICE_PERIOD_WORKING_DAYS = 5;

/** The acceptance's idempotency key of a submission: accepting it twice (clerk retry, activity retry) makes one case. */
const acceptanceKey = (submissionNo: string): string => `submission:${submissionNo}`;

const receiptOf = (row: SubmissionModel): SubmissionReceipt => ({
  submissionNo: row.submissionNo,
  status: 'pending',
  receivedAt: row.receivedAt.toISOString(),
  deadline: row.deadline,
  lookupPath: `/apply/status?no=${row.submissionNo}`,
});

/**
 * 网上申报: checks the application as the window's acceptance would (nothing is stored for a bad one, messages
 * in Chinese), stores it with its receipt time and the last day for a one-time notice (5 working days on the
 * calendar in force), and starts its workflow, which deems it accepted when that day ends with no clerk action.
 * A retried request with the same Idempotency-Key returns the first receipt (and makes sure the timer runs).
 */
export async function receiveSubmission(
  deps: Pick<ApiDeps, 'db' | 'logger' | 'temporal'>,
  raw: unknown,
  idempotencyKey?: string,
): Promise<{ status: 200 | 201; body: SubmissionReceipt }> {
  let submission;
  try {
    submission = parse(submissionRequestSchema, raw, 'submission');
  } catch (error) {
    throw forApplicant(error);
  }
  const application: AcceptApplicationRequest = {
    items: submission.items,
    ...(submission.bundleCode ? { bundleCode: submission.bundleCode } : {}),
    applicant: submission.applicant,
    materials: submission.materials.map((m) => ({
      materialCode: m.materialCode,
      provenance: 'submitted',
      form: m.form,
      ...(m.form === 'paper' ? { copies: 1 } : {}),
    })),
  };
  const checked = await validateApplication(deps.db, application).catch((error: unknown) => {
    throw forApplicant(error);
  });
  if (idempotencyKey) {
    const earlier = await replay(deps, idempotencyKey, checked.request.applicant.idNumber);
    if (earlier) return earlier;
  }
  const now = new Date();
  const receivedOn = toShanghaiDate(now.getTime());
  const { calendar } = await getCalendarInForce(deps, now);
  const deadline = addWorkingDays(calendar, receivedOn, NOTICE_PERIOD_WORKING_DAYS);
  let row: SubmissionModel | undefined;
  for (let attempt = 1; !row; attempt++) {
    try {
      row = await deps.db.$transaction(async (tx) =>
        tx.submission.create({
          data: {
            submissionNo: await nextSubmissionNo(tx, now),
            kind: checked.request.bundleCode ? 'bundle' : 'item',
            bundleCode: checked.request.bundleCode ?? null,
            itemCodes: JSON.stringify(checked.items.map((i) => i.itemKey)),
            applicantName: checked.request.applicant.name,
            applicantIdNumber: checked.request.applicant.idNumber,
            application: JSON.stringify(application),
            receivedAt: now,
            deadline,
            status: 'pending',
            idempotencyKey: idempotencyKey ?? null,
          },
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (idempotencyKey) {
        const earlier = await replay(deps, idempotencyKey, checked.request.applicant.idNumber);
        if (earlier) return earlier;
      }
      if (attempt >= 5) throw error;
    }
  }
  await startTimer(deps, row);
  return { status: 201, body: receiptOf(row) };
}

async function startTimer(deps: Pick<ApiDeps, 'temporal'>, row: SubmissionModel): Promise<void> {
  await startSubmissionWorkflow(deps, {
    submissionNo: row.submissionNo,
    receivedOn: toShanghaiDate(row.receivedAt.getTime()),
    deadline: row.deadline,
    deemedAtMs: endOfShanghaiDay(row.deadline),
    intakeTaskQueue: intakeTaskQueue(deps),
  });
}

async function replay(
  deps: Pick<ApiDeps, 'db' | 'temporal'>,
  key: string,
  idNumber: string,
): Promise<{ status: 200; body: SubmissionReceipt } | undefined> {
  const row = await deps.db.submission.findUnique({ where: { idempotencyKey: key } });
  if (!row) return undefined;
  if (row.applicantIdNumber !== idNumber)
    throw new ProblemError(
      422,
      ProblemType.conflict,
      'Idempotency key reused',
      '该提交标识已用于另一份申报，请刷新页面后重新提交',
    );
  if (row.status === 'pending') await startTimer(deps, row);
  return { status: 200, body: receiptOf(row) };
}

/** The applicant's status look-up: the submission number and the last 4 characters of the ID number. */
export async function submissionForLookup(
  deps: Pick<ApiDeps, 'db'>,
  submissionNo: string,
): Promise<{ idNumber: string; status: PublicSubmissionStatus } | undefined> {
  const row = await deps.db.submission.findUnique({ where: { submissionNo } });
  if (!row) return undefined;
  return {
    idNumber: row.applicantIdNumber,
    status: {
      submissionNo: row.submissionNo,
      status: row.status as SubmissionStatus,
      receivedAt: row.receivedAt.toISOString(),
      deadline: row.deadline,
      ...(row.caseNo ? { caseNo: row.caseNo } : {}),
    },
  };
}

/** The window's pre-review (预审) queue: oldest first, so the nearest deadline is on top. */
export async function submissionQueue(
  deps: Pick<ApiDeps, 'db'>,
  status: SubmissionStatus,
): Promise<{ submissions: SubmissionSummary[] }> {
  const rows = await deps.db.submission.findMany({
    where: { status },
    orderBy: { receivedAt: status === 'pending' ? 'asc' : 'desc' },
    take: 200,
  });
  const applications = rows.map((r) => JSON.parse(r.application) as AcceptApplicationRequest);
  const codes = [...new Set(rows.flatMap((r) => JSON.parse(r.itemCodes) as string[]))];
  const items = await deps.db.item.findMany({
    where: { itemKey: { in: codes } },
    orderBy: { version: 'desc' },
    select: { itemKey: true, name: true },
  });
  const itemName = new Map(items.reverse().map((i) => [i.itemKey, i.name]));
  const materialCodes = [
    ...new Set(applications.flatMap((a) => (a.materials ?? []).map((m) => m.materialCode))),
  ];
  const materials = await deps.db.materialStandard.findMany({
    where: { code: { in: materialCodes } },
    select: { code: true, name: true },
  });
  const materialName = new Map(materials.map((m) => [m.code, m.name]));
  return {
    submissions: rows.map((r, i) => {
      const a = applications[i];
      return {
        submissionNo: r.submissionNo,
        kind: r.kind === 'bundle' ? 'bundle' : 'item',
        ...(r.bundleCode ? { bundleCode: r.bundleCode } : {}),
        items: (JSON.parse(r.itemCodes) as string[]).map((code) => ({
          implementationCode: code,
          name: itemName.get(code) ?? code,
        })),
        applicant: {
          kind: a.applicant.kind,
          name: a.applicant.name,
          idNumber: a.applicant.idNumber,
          ...(a.applicant.phone ? { phone: a.applicant.phone } : {}),
          ...(a.applicant.email ? { email: a.applicant.email } : {}),
        },
        materials: (a.materials ?? []).map((m) => ({
          materialCode: m.materialCode,
          name: materialName.get(m.materialCode) ?? m.materialCode,
          form: m.form ?? 'electronic',
        })),
        receivedAt: r.receivedAt.toISOString(),
        deadline: r.deadline,
        status: r.status as SubmissionStatus,
        ...(r.caseNo ? { caseNo: r.caseNo } : {}),
      };
    }),
  };
}

async function pendingSubmission(deps: Pick<ApiDeps, 'db'>, submissionNo: string): Promise<SubmissionModel> {
  const row = await deps.db.submission.findUnique({ where: { submissionNo } });
  if (!row) throw notFound(`没有编号为 ${submissionNo} 的网上申报，请刷新预审列表`);
  if (row.status !== 'pending')
    throw new ProblemError(
      409,
      ProblemType.conflict,
      'Submission already settled',
      `网上申报 ${submissionNo} 已处理（${statusLabel[row.status as SubmissionStatus] ?? row.status}${row.caseNo ? `，办件编号 ${row.caseNo}` : ''}），请刷新预审列表`,
    );
  return row;
}

const statusLabel: Record<SubmissionStatus, string> = {
  pending: '待预审',
  accepted: '已受理',
  deemed_accepted: '已视为受理',
  correction_notified: '已一次性告知',
  refused: '不予受理',
};

async function settle(
  deps: Pick<ApiDeps, 'db'>,
  submissionNo: string,
  status: Exclude<SubmissionStatus, 'pending'>,
  caseNo: string,
  by: string,
): Promise<void> {
  await deps.db.submission.updateMany({
    where: { submissionNo, status: 'pending' },
    data: { status, caseNo, settledAt: new Date(), settledBy: by },
  });
}

const applicationOf = (row: SubmissionModel): AcceptApplicationRequest =>
  JSON.parse(row.application) as AcceptApplicationRequest;

/** 受理: the window's acceptance of the stored application, counted from the receipt time. */
export async function acceptSubmission(
  deps: ApiDeps,
  submissionNo: string,
  clerk: { id: string },
): Promise<SubmissionOutcome> {
  const row = await pendingSubmission(deps, submissionNo);
  await claimForClerk(deps, submissionNo, 'accepted', clerk.id);
  const accepted = await acceptApplication(deps, applicationOf(row), clerk.id, acceptanceKey(submissionNo), {
    acceptedAt: row.receivedAt,
  });
  await settle(deps, submissionNo, 'accepted', accepted.body.caseNo, clerk.id);
  return {
    submissionNo,
    status: 'accepted',
    caseNo: accepted.body.caseNo,
    acceptedOn: accepted.body.acceptedOn,
  };
}

/** 一次性告知 within the notice period: the intake's one-time notice for the stored application. */
export async function noticeSubmission(
  deps: Pick<ApiDeps, 'db' | 'config' | 'temporal'>,
  submissionNo: string,
  raw: unknown,
  clerk: { id: string; displayName: string },
): Promise<SubmissionOutcome> {
  const notice = parse(submissionCorrectionRequestSchema, raw, 'one-time notice');
  const row = await pendingSubmission(deps, submissionNo);
  await claimForClerk(deps, submissionNo, 'correction_notified', clerk.id);
  const { acceptanceMode: _mode, ...application } = applicationOf(row);
  const issued = await issueCorrectionNotice(
    deps,
    { application, ...notice },
    clerk,
    acceptanceKey(submissionNo),
  );
  await settle(deps, submissionNo, 'correction_notified', issued.body.caseNo, clerk.id);
  return { submissionNo, status: 'correction_notified', caseNo: issued.body.caseNo };
}

/** 不予受理 of the stored application, with the reason and the rights of review and litigation. */
export async function refuseSubmission(
  deps: Pick<ApiDeps, 'db' | 'config' | 'temporal'>,
  submissionNo: string,
  raw: unknown,
  clerk: { id: string; displayName: string },
): Promise<SubmissionOutcome> {
  const refusal = parse(submissionRefusalRequestSchema, raw, 'refusal of acceptance');
  const row = await pendingSubmission(deps, submissionNo);
  await claimForClerk(deps, submissionNo, 'refused', clerk.id);
  const { acceptanceMode: _mode, ...application } = applicationOf(row);
  const refused = await refuseAtIntake(deps, { application, ...refusal }, clerk, acceptanceKey(submissionNo));
  await settle(deps, submissionNo, 'refused', refused.body.caseNo, clerk.id);
  return { submissionNo, status: 'refused', caseNo: refused.body.caseNo };
}

/**
 * Art. 32 deemed acceptance (the submission workflow's activity, when the notice period ended with no clerk
 * action): accepts the stored application with the receipt time as the acceptance time, so the case's
 * acceptance day and its statutory clock start at receipt. No clerk accepted it: the case is recorded as accepted
 * by the system (`acceptedBy: system`, 视为受理 on the case file and the 受理通知书), and belongs to the window
 * (department) of the first active window clerk by user id (`windowDepartmentCode`), whose queue and leads get it.
 * Idempotent: a settled submission is left as it is, and a retry after a partial run finds the case through the
 * acceptance's idempotency key.
 */
export async function deemSubmissionAccepted(
  deps: ApiDeps,
  input: { submissionNo: string },
): Promise<{ caseNo?: string; deemed: boolean }> {
  const row = await deps.db.submission.findUnique({ where: { submissionNo: input.submissionNo } });
  if (!row) throw new Error(`submission ${input.submissionNo} is not in the database`);
  if (row.status !== 'pending') return { deemed: false, ...(row.caseNo ? { caseNo: row.caseNo } : {}) };
  const window = await deps.db.user.findFirst({
    where: { disabled: false, departmentCode: { not: null }, roles: { some: { role: 'window_clerk' } } },
    orderBy: { id: 'asc' },
    select: { departmentCode: true },
  });
  if (!window?.departmentCode)
    throw new Error('no active window clerk: a deemed-accepted case needs a window to belong to');
  const accepted = await acceptApplication(
    deps,
    applicationOf(row),
    SYSTEM_ACCEPTOR,
    acceptanceKey(row.submissionNo),
    {
      acceptedAt: row.receivedAt,
    },
  );
  // Its window, before the submission is settled: a retry after a failure here sets it again.
  await deps.db.case.update({
    where: { caseNo: accepted.body.caseNo },
    data: { windowDepartmentCode: window.departmentCode },
  });
  await settle(deps, row.submissionNo, 'deemed_accepted', accepted.body.caseNo, 'system');
  deps.logger.info(
    { submissionNo: row.submissionNo, caseNo: accepted.body.caseNo, acceptedOn: accepted.body.acceptedOn },
    'online submission deemed accepted (Art. 32)',
  );
  return { deemed: true, caseNo: accepted.body.caseNo };
}
