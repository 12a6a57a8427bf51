import type { StatutoryClock, SuspensionReason } from '@onewindow/calendar';
import type { Countersign, PlanRunState, StepAction } from '@onewindow/flow-model';
import type { ActivityBase, CaseActivities } from '../activities/case-activities';
import type { CasePatchId } from './case-patches';

export type ClockJson = ReturnType<StatutoryClock['toJSON']>;
/** `terminated`: 终止办理 (a tolerated material not handed in by its date, under the catalogue's `terminate` rule). */
export type CasePhase = 'in_review' | 'awaiting_issuance' | 'completed' | 'withdrawn' | 'terminated';
/** `returned`: sent back (退回) to an earlier step; the step opens again when the sequence reaches it. */
export type StepStatus = 'open' | 'approved' | 'refused' | 'cancelled' | 'returned';

/**
 * One signer on a step. The countersign rule counts **seats**: a plan assignee or a parallel 加签 is a
 * seat of its own; a before/after 加签 joins the seat of the signer it was added to, in `order`, and a
 * seat approves only when all its members approved in that order (one refusal refuses it). 转办 puts the
 * new signer into the same seat and order and marks the old one `removed`.
 */
export interface AssigneeState {
  /** The person, or `group:<name>` for a group; then `candidates` may each act for it. */
  userId: string;
  status: 'pending' | 'approved' | 'refused' | 'removed';
  source: 'plan' | 'added' | 'transferred' | 'delegated';
  /** Absent in states from before 加签 existed: the assignee's index. */
  seat?: number;
  order?: number;
  candidates?: string[];
  /** Who acted for a group. */
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
  reasons?: string[];
  /** 委派 outstanding: the owner cannot decide until the delegate resolves it. */
  delegation?: { to: string; since: string; reason: string };
  /** Delegates' answers, oldest first. */
  opinions?: { by: string; opinion: 'agree' | 'disagree'; comment: string; at: string }[];
  addedBy?: string;
  removedBy?: string;
  /**
   * A role group seat (the plan named nobody; `userId` is `group:<departmentCode>/<role>`): the department's
   * users with that role, resolved outside the workflow. Nobody decides for it until a member claims it (签收).
   */
  group?: { departmentCode: string; role: string };
  /**
   * 签收: the seat was a group's (a role group, or a 转办 group with `candidates`) and `by` holds it now as
   * `userId` (claimed, or assigned by a lead: `assignedBy`); `pool` is the group it returns to on 退回签收.
   */
  claim?: {
    by: string;
    at: string;
    assignedBy?: string;
    pool: Pick<AssigneeState, 'userId' | 'candidates' | 'group'>;
  };
}

/**
 * A step that cannot be acted on for a while, without stopping the case clocks: at the window after
 * 退回窗口, or paused because another branch was returned (the plan's onBranchReturn = pause).
 * The step clock is stopped meanwhile.
 */
export interface StepHold {
  kind: 'at_window' | 'sibling_returned';
  since: string;
  by: string;
  reason: string;
  /** The step whose return caused the hold. */
  cause: string;
}

/** Why sibling steps are paused, and until when. */
export interface BranchPause {
  /** The step that was returned (退回 or 补正). */
  cause: string;
  /** Released when the sequence reaches `cause` again (退回), or on the supplement / resubmission. */
  until: 'step_reached' | 'supplement' | 'resubmitted';
  steps: string[];
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
  /** 抄送: read-only, not voting. (States from before 抄送 existed hold an empty string list.) */
  cc: { userId: string; by: string; at: string; note?: string }[];
  /** Bumped whenever the task row is opened again (退回, 转办 …). */
  generation: number;
  /**
   * Bumped by `CaseEngine.apply` on every change to what may be decided on the step (status, signers and
   * votes, claims, generation, suspension, hold, extension request). An action carrying `expectedRevision`
   * from an older page is refused. Absent in states from before it existed (read as 0).
   */
  revision?: number;
  openedAt: string;
  closedAt?: string;
  clock: ClockJson;
  suspension?: StepSuspension;
  hold?: StepHold;
  pendingExtension?: { days: number; reason: string; requestedBy: string; at: string };
  extensions: { days: number; reason: string; requestedBy: string; approvedBy: string; at: string }[];
  /** Reminder thresholds (working days left) already sent. */
  remindersSent: number[];
  escalatedAt?: string;
}

/** 容缺受理: one tolerated material the applicant promised to hand in by `dueDate` (Shanghai date). */
export interface ToleratedGap {
  materialCode: string;
  dueDate: string;
  /** The catalogue's rule once `dueDate` is over: keep waiting (the window reminded once) or 终止办理. */
  onOverdue: 'wait' | 'terminate';
  /** When the window recorded it handed in (supplyToleratedMaterial), and who. */
  suppliedAt?: string;
  suppliedBy?: string;
  /** When the window's leads were told the date was missed (once). */
  overdueAt?: string;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  stepId?: string;
  details?: Record<string, unknown>;
}

/** A history entry a reducer asks for; `CaseEngine.apply` numbers it and stamps the workflow time. */
export type HistoryDraft = Omit<HistoryEntry, 'seq' | 'at'>;

/** The activities a transition may ask for (not the calendar load, automatic steps, or the batch write itself). */
export type CaseCallName = Exclude<
  keyof CaseActivities,
  'loadCalendar' | 'runAutomaticStep' | 'writeProjections'
>;

/**
 * An activity call a reducer asks for: its input without the idempotency key and time, which
 * `CaseEngine.call` adds when it makes the call (the key's sequence number is taken then, in call order).
 */
export type ActivityCall = {
  [K in CaseCallName]: {
    name: K;
    input: Omit<Parameters<CaseActivities[K]>[0], keyof ActivityBase>;
    /** Made only where this patch applies; asked (`engine.patched`) when the call's turn comes. */
    patch?: CasePatchId;
    /**
     * Adds `{ dueDate }` of this case clock as it is when the call is made, not when the reducer ran:
     * a call made after an await reads the clock (and the calendar) of that later moment, as it always did.
     */
    dueOf?: 'statutory' | 'promised' | 'issuance';
  };
}[CaseCallName];

/**
 * What a reducer returns: the state it replaces and the events it makes. Reducers are pure (no
 * Temporal, no clock: the time comes in as an argument); `CaseEngine.apply` writes the state, appends
 * the history entries and bumps the engine's `version` once. The activity calls are made by the
 * reducer's caller through `CaseEngine.call`, at the same moments (and in the same order) as before.
 */
export interface Transition {
  /** Steps replaced whole, by `stepId`. */
  steps?: StepState[];
  /** Case clock fields replaced (the clocks object itself stays). */
  clocks?: Partial<CaseClocks>;
  pauses?: BranchPause[];
  timers?: CaseState['timers'];
  /** Case-level fields replaced. */
  fields?: Partial<
    Pick<
      CaseState,
      'phase' | 'outcome' | 'decidedAt' | 'delivery' | 'certificates' | 'planError' | 'refusals' | 'gaps'
    >
  >;
  history?: HistoryDraft[];
  /** The activity calls, in the order they are made. */
  calls?: ActivityCall[];
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
  outcome?: 'approved' | 'refused' | 'withdrawn' | 'terminated';
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
  /** Sibling branches paused while a branch is returned (onBranchReturn = pause). */
  pauses?: BranchPause[];
  /** 容缺受理: the tolerated materials (absent in cases started before the workflow tracked them). */
  gaps?: ToleratedGap[];
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

export type StepView = Omit<StepState, 'clock'> & {
  clock: ClockView;
  /** Who may decide now (group members one by one); empty once the step is closed. */
  turn: string[];
  /** Who may take back their decision on the step now (撤回): nothing after their vote has acted on it. */
  recallable: string[];
};

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
  gaps?: ToleratedGap[];
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
  outcome: 'approved' | 'refused' | 'withdrawn' | 'terminated';
  refusals: CaseState['refusals'];
  certificates: CaseState['certificates'];
}
