import type { StatutoryClock, SuspensionReason } from '@onewindow/calendar';
import type { Countersign, PlanRunState, StepAction } from '@onewindow/flow-model';

export type ClockJson = ReturnType<StatutoryClock['toJSON']>;
export type CasePhase = 'in_review' | 'awaiting_issuance' | 'completed' | 'withdrawn';
export type StepStatus = 'open' | 'approved' | 'refused' | 'cancelled';

/** One person on a step. `source` and `removed` leave room for 加签/减签, 转办 and 委派. */
export interface AssigneeState {
  userId: string;
  status: 'pending' | 'approved' | 'refused' | 'removed';
  source: 'plan' | 'added' | 'transferred' | 'delegated';
  decidedAt?: string;
  comment?: string;
  reasons?: string[];
}

export interface StepSuspension {
  kind: 'supplement' | 'special_procedure';
  /** What the statutory clock records (补正 or the Art. 45 procedure). */
  clockReason: SuspensionReason;
  since: string;
  by: string;
  reason: string;
  materials?: string[];
  procedure?: string;
}

export interface StepState {
  stepId: string;
  name: string;
  departmentCode: string;
  role: string;
  itemCode?: string;
  status: StepStatus;
  countersign: Countersign;
  actions: StepAction[];
  assignees: AssigneeState[];
  /** 抄送: notified, not voting. */
  cc: string[];
  /** Bumped whenever the task row is opened again (退回, 转办 …). */
  generation: number;
  openedAt: string;
  closedAt?: string;
  clock: ClockJson;
  suspension?: StepSuspension;
  pendingExtension?: { days: number; reason: string; requestedBy: string; at: string };
  extensions: { days: number; reason: string; requestedBy: string; approvedBy: string; at: string }[];
  /** Reminder thresholds (working days left) already sent. */
  remindersSent: number[];
  escalatedAt?: string;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  stepId?: string;
  details?: Record<string, unknown>;
}

export interface PlanErrorInfo {
  gateway: string;
  expression?: string;
  reason: string;
  at: string;
}

export interface CaseClocks {
  statutory: ClockJson;
  promised?: ClockJson;
  /** Art. 44 issuance clock, from the decision. */
  issuance?: ClockJson;
  /** When the window was escalated for an overdue issuance. */
  issuanceEscalatedAt?: string;
  /** Steps currently holding the case clocks suspended. */
  suspendedBy: string[];
}

export interface CaseState {
  caseNo: string;
  planKey: string;
  planHash: string;
  phase: CasePhase;
  outcome?: 'approved' | 'refused' | 'withdrawn';
  decidedAt?: string;
  run: PlanRunState;
  steps: Record<string, StepState>;
  /** Timer nodes waiting: node id → epoch ms. */
  timers: Record<string, number>;
  clocks: CaseClocks;
  refusals: { stepId: string; reasons: string[] }[];
  certificates: { stepId: string; certificateNo: string; certificateTypeCode: string }[];
  delivery?: { method: string; address?: string; trackingNo?: string };
  history: HistoryEntry[];
  /** Why the plan could not go on (the case then failed with PlanRuntimeError). */
  planError?: PlanErrorInfo;
  /** Event sequence: idempotency keys are `<caseNo>:<seq>`. */
  seq: number;
}

export interface ClockView {
  state: string;
  /** Null only while suspended: the due date depends on the resume day. */
  dueDate: string | null;
  provisional: boolean;
  remainingWorkingDays: number;
  elapsedWorkingDays: number;
  warningLevel: string;
}

export type StepView = Omit<StepState, 'clock'> & { clock: ClockView };

export interface CaseView {
  caseNo: string;
  planKey: string;
  planHash: string;
  phase: CasePhase;
  outcome?: CaseState['outcome'];
  steps: StepView[];
  clocks: { statutory: ClockView; promised?: ClockView; issuance?: ClockView; suspended: boolean };
  /** The slowest open branch: the latest due date among open steps. */
  slowestStepDue?: string;
  refusals: CaseState['refusals'];
  certificates: CaseState['certificates'];
  delivery?: CaseState['delivery'];
  planError?: PlanErrorInfo;
  history: HistoryEntry[];
}

export interface IssueSummary {
  caseNo: string;
  outcome: 'approved' | 'refused';
  certificates: CaseState['certificates'];
  refusals: CaseState['refusals'];
}

export interface CaseResult {
  caseNo: string;
  outcome: 'approved' | 'refused' | 'withdrawn';
  refusals: CaseState['refusals'];
  certificates: CaseState['certificates'];
}
