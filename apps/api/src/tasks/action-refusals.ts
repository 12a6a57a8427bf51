import { ApplicationFailure } from '@temporalio/common';
import type { ApiDeps } from '../api-deps';

/** What a step's last change was, as the workflow's history names it, in Chinese. */
const ACTION_LABELS: Record<string, string> = {
  approve: '审批同意',
  refuse: '不予许可',
  claim: '签收',
  unclaim: '退回签收',
  assign: '指派',
  transfer: '转办',
  delegate: '委派',
  delegation_resolved: '答复委派',
  add_signers: '加签',
  remove_signers: '减签',
  cc: '抄送',
  return_for_supplement: '告知补正',
  supplement_submitted: '收取补正材料',
  send_back: '退回',
  resubmitted_from_window: '窗口重新提交',
  special_procedure_started: '启动特别程序',
  special_procedure_ended: '结束特别程序',
  extension_requested: '申请延期',
  extension_approved: '批准延期',
  recall: '撤回',
  step_opened: '到达',
  step_reopened: '重新到达',
  step_cancelled: '取消',
};
const STATUS_LABELS: Record<string, string> = {
  approved: '已同意',
  refused: '已不予许可',
  cancelled: '已取消',
  returned: '已退回',
};

interface RefusalDetails {
  stepId?: string;
  departmentCode?: string;
  by?: string;
  at?: string;
  assignedBy?: string;
  status?: string;
  actorDepartment?: string | null;
  change?: { action: string; by: string; at: string };
}

/** An instant as Shanghai wall time: HH:mm on the day `now` is, else YYYY-MM-DD HH:mm. */
export function shanghaiTime(iso: string, now = new Date()): string {
  const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString();
  const at = local(new Date(iso));
  const time = at.slice(11, 16);
  return at.slice(0, 10) === local(now).slice(0, 10) ? time : `${at.slice(0, 10)} ${time}`;
}

/**
 * The workflow's typed refusals of a step action (`TaskClaimed`, `StaleTask`, `TaskClosed`,
 * `OtherDepartment`, see workflows' `handlers/step-guard.ts`) as a sentence an approver can act on: who
 * did what and when (by display name, Shanghai time), that nothing was changed, and to reload. Undefined
 * for any other failure (its own sentence is kept).
 */
export async function refusalSentence(
  deps: Pick<ApiDeps, 'db'>,
  cause: unknown,
  now = new Date(),
): Promise<string | undefined> {
  if (!(cause instanceof ApplicationFailure)) return undefined;
  const d = (cause.details?.[0] ?? {}) as RefusalDetails;
  const ids = [d.by, d.assignedBy, d.change?.by].filter((id): id is string => !!id);
  const users = await deps.db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true },
  });
  const nameOf = (id: string) =>
    users.find((u) => u.id === id)?.displayName ?? (id === 'system' ? '系统' : id);
  const departments = await deps.db.department.findMany({
    where: { code: { in: [d.departmentCode, d.actorDepartment].filter((c): c is string => !!c) } },
    select: { code: true, name: true },
  });
  const deptName = (code: string | null | undefined) =>
    code ? (departments.find((x) => x.code === code)?.name ?? code) : '无部门';
  const change = d.change
    ? `${nameOf(d.change.by)} 于 ${shanghaiTime(d.change.at, now)} ${ACTION_LABELS[d.change.action] ?? d.change.action}`
    : undefined;
  switch (cause.type) {
    case 'TaskClaimed':
      return `此任务已由 ${nameOf(d.by!)} 于 ${shanghaiTime(d.at!, now)} 签收${d.assignedBy ? `（${nameOf(d.assignedBy)} 指派）` : ''}，请刷新。本次操作未执行。`;
    case 'StaleTask':
      return `此任务在您打开页面后已有变化${change ? `（${change}）` : ''}，本次操作未执行，请刷新后再办理。`;
    case 'TaskClosed':
      return `此任务${STATUS_LABELS[d.status ?? ''] ?? '已办结'}${change ? `（${change}）` : ''}，本次操作未执行，请刷新。`;
    case 'OtherDepartment':
      return `此任务属于${deptName(d.departmentCode)}，不是您所在部门（${deptName(d.actorDepartment)}）的任务，本次操作未执行。`;
    default:
      return undefined;
  }
}
