import type {
  ApproveExtensionRequest,
  ApproveExtensionResponse,
  RemindRequest,
  RemindResponse,
} from '@onewindow/contracts';
import { caseStateQuery } from '@onewindow/workflows';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApiDeps } from '../api-deps';
import type { AuthUser } from '../auth/auth-context';
import { sendCaseAction } from '../cases/case-actions';
import { updateProblem } from '../cases/temporal-errors';
import { issueExtensionNotices, extensionNoticeNo } from '../documents/extension-notices';
import { ProblemError, ProblemType } from '../http/problem';
import { actionContext } from '../tasks/claim-context';
import { openTaskOfStep, recordUrge } from './supervision.repository';

const refused = (detail: string) => new ProblemError(409, ProblemType.refused, 'Action refused', detail);

/** Updates and queries wait for the worker; bounded so a request never hangs on a stopped worker pool. */
const deadline = () => Date.now() + 30_000;

/** The workflow's cap refusal (case-suspensions.ts), said in Chinese with the numbers it gives. */
const CAP_REFUSAL =
  /at most (\d+) working days in all.*?(\d+) already approved, so at most (\d+) more, not (\d+)/;

function chineseRefusal(error: unknown): ProblemError | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const message = error.cause?.message ?? '';
  const cap = CAP_REFUSAL.exec(message);
  if (cap) {
    const [, max, used, left, asked] = cap;
    return refused(
      `延期超出法定上限，未作任何更改：本案法定办理期限经批准最多延长 ${max} 个工作日（行政许可法第四十二条），` +
        `已批准 ${used} 个工作日，最多还可延长 ${left} 个工作日，本次申请 ${asked} 个工作日。请申请人重新提出不超过 ${left} 个工作日的延期申请。`,
    );
  }
  return undefined;
}

/**
 * 批准延期 (行政许可法 Art. 42: 经本行政机关负责人批准): a department lead of the step's department or the centre
 * supervisor (authorize: case.extension.approve on the step's department) grants the step's waiting request.
 * Refused, before anything is sent, in Chinese: no request waiting, or the approver is its requester. The
 * workflow checks both again and the statutory bound (Art. 42: 10 working days, 15 on the joint limit); its cap
 * refusal is said in Chinese. On approval the applicant's 延期通知书 is issued.
 */
export async function approveExtension(
  deps: ApiDeps,
  me: AuthUser,
  caseNo: string,
  stepId: string,
  request: ApproveExtensionRequest,
  updateId?: string,
): Promise<ApproveExtensionResponse> {
  const handle = deps.temporal.client.workflow.getHandle(caseNo);
  const before = await deps.temporal.connection
    .withDeadline(deadline(), () => handle.query(caseStateQuery))
    .catch(async (error: unknown) => {
      throw await updateProblem(error, caseNo, deps);
    });
  const step = before.steps.find((s) => s.stepId === stepId);
  const pending = step?.pendingExtension;
  if (!step || step.status !== 'open' || !pending)
    throw refused(`环节 ${stepId} 没有待批准的延期申请，未作任何更改；请刷新督办页面。`);
  if (pending.requestedBy === me.id)
    throw refused(
      '延期申请人不能批准自己的申请，未作任何更改：依行政许可法第四十二条，延期须经本行政机关负责人批准，请由本部门其他负责人或政务服务中心督办批准。',
    );
  const action = {
    verb: 'approve_extension' as const,
    stepId,
    ...(request.reason ? { reason: request.reason } : {}),
  };
  const context = await actionContext(deps, caseNo, action, me);
  try {
    await deps.temporal.connection.withDeadline(deadline(), () =>
      sendCaseAction(handle, action, me.id, updateId, context),
    );
  } catch (error) {
    throw chineseRefusal(error) ?? (await updateProblem(error, caseNo, deps));
  }
  const after = await deps.temporal.connection.withDeadline(deadline(), () => handle.query(caseStateQuery));
  const approvals = after.steps.reduce((n, s) => n + s.extensions.length, 0);
  await issueExtensionNotices(deps, caseNo);
  const documentNo = extensionNoticeNo(caseNo, approvals);
  return {
    caseNo,
    stepId,
    days: pending.days,
    previousDue: before.clocks.statutory.dueDate ?? '',
    newDue: after.clocks.statutory.dueDate ?? '',
    document: { documentNo, href: `/api/cases/${caseNo}/documents/${documentNo}` },
  };
}

/**
 * 催办: a reminder to whoever holds the step's open task (the department's group when nobody holds it yet),
 * recorded on the case as a `reminder` clock event (the inbox counts it) and in the audit log by the router.
 */
export async function remind(
  deps: Pick<ApiDeps, 'db'>,
  me: AuthUser,
  caseNo: string,
  stepId: string,
  request: RemindRequest,
  now: Date = new Date(),
): Promise<RemindResponse> {
  const task = await openTaskOfStep(deps.db, caseNo, stepId);
  if (!task) throw refused(`案件 ${caseNo} 的环节 ${stepId} 没有在办任务（已办结或不存在），无需催办。`);
  const holders = task.holders.map((h) => h.userId);
  const to =
    holders.length > 0
      ? holders.sort()
      : task.assigneeUserId
        ? [task.assigneeUserId]
        : [`group:${task.departmentCode}/${task.role}`];
  await recordUrge(deps.db, { caseNo, stepId, at: now, by: me.id, to, message: request.message });
  return { caseNo, stepId, to, at: now.toISOString() };
}
