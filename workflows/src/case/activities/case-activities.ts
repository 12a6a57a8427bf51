import type { CalendarData } from '@onewindow/calendar';
import type { ProjectionBatch } from './projection-writes';

/**
 * The activities a case workflow calls. Implemented by the worker (Prisma projections, notifications);
 * the workflow imports this file as types only. Every input carries an idempotency key
 * `<caseNo>:<event sequence>` that is stable across retries and replays: write it with a unique
 * constraint and treat a duplicate as success.
 */
export interface ActivityBase {
  idempotencyKey: string;
  caseNo: string;
  /** Workflow time of the event, ISO instant. */
  at: string;
}

export interface LoadCalendarInput extends ActivityBase {
  /** Years the case may touch (acceptance year and the next). */
  years: number[];
}

export interface OpenTaskInput extends ActivityBase {
  stepId: string;
  name: string;
  departmentCode: string;
  role: string;
  itemCode?: string;
  /** Who holds the task now: the signers whose turn it is, and delegates (委派). */
  assignees: string[];
  /** Null while the step clock is stopped (补正, special procedure, hold): the due date depends on the resume day. */
  dueDate: string | null;
  provisional: boolean;
  /** Increments when the same step is opened again (退回, 转办 …), so projections can tell tasks apart. */
  generation: number;
  /**
   * 签收: `unclaimed` while a group seat waits for a member to claim it (the 待签收 view), `claimed` once one
   * did (or a lead assigned it). Absent when every seat is named.
   */
  claim?: { state: 'unclaimed' } | { state: 'claimed'; by: string; at: string };
}

export interface CloseTaskInput extends ActivityBase {
  stepId: string;
  generation: number;
  /**
   * How the task row ended: decided (approved, refused), cancelled, sent back (returned: 退回 to an
   * earlier step or the window), or superseded by the next generation of the same step because its
   * people changed (transferred, delegated, delegation_resolved, signers_changed, resubmitted; claimed,
   * unclaimed and assigned for 签收, 退回签收 and a lead's assignment of a group seat).
   */
  status:
    | 'approved'
    | 'refused'
    | 'cancelled'
    | 'returned'
    | 'transferred'
    | 'delegated'
    | 'delegation_resolved'
    | 'signers_changed'
    | 'claimed'
    | 'unclaimed'
    | 'assigned';
}

/** Who holds the open task row of a generation now (after a vote that did not decide the step). */
export interface SetTaskHoldersInput extends ActivityBase {
  stepId: string;
  generation: number;
  holders: string[];
}

export interface RecordDecisionInput extends ActivityBase {
  stepId?: string;
  action: string;
  actor: string;
  details: Record<string, unknown>;
}

export interface RecordClockEventInput extends ActivityBase {
  clock: 'statutory' | 'promised' | 'step' | 'issuance';
  stepId?: string;
  event: 'started' | 'suspended' | 'resumed' | 'extended' | 'stopped';
  dueDate?: string;
  reason?: string;
  approvedBy?: string;
}

export interface SendReminderInput extends ActivityBase {
  stepId: string;
  departmentCode: string;
  assignees: string[];
  dueDate: string;
  /** The threshold that fired: working days left until the due date. */
  remainingWorkingDays: number;
  /** The Shanghai date the reminder went out. */
  on: string;
}

export interface EscalateOverdueInput extends ActivityBase {
  stepId: string;
  /** The overdue step's department; absent when the window's issuance is overdue (`to: 'window'`). */
  departmentCode?: string;
  /**
   * `window`: the issuance (Art. 44) is overdue; the activity resolves the department of the window that accepted
   * the case. Absent: the step's department; the window is told too.
   */
  to?: 'window';
  /** Who receives it: the leads (dept_lead) of that department, resolved by the activity. */
  role: 'dept_lead';
  dueDate: string;
  on: string;
}

/**
 * A message to the applicant: `ready_for_collection` (decided, waiting at the window for issuance) or
 * `supplement_needed` (补正). Only the case number, the kind and the event's key: the activity reads the
 * applicant's contact and the details from the database, so no personal data enters the workflow history.
 */
export interface SendApplicantMessageInput {
  /** One message per key: a retried or repeated send of a key already sent sends nothing. */
  eventKey: string;
  caseNo: string;
  kind: 'ready_for_collection' | 'supplement_needed';
  /** The step that asked for 补正 (`supplement_needed`). */
  stepId?: string;
}

export interface RunAutomaticStepInput extends ActivityBase {
  stepId: string;
  task: string;
  input: Record<string, unknown>;
  applicationData: Record<string, unknown>;
}
export interface AutomaticStepResult {
  outcome: 'passed' | 'failed';
  reasons?: string[];
}

export interface IssueCertificateInput extends ActivityBase {
  stepId: string;
  itemCode?: string;
  certificateTypeCode: string;
  name: string;
  issuedBy: string;
  on: string;
}
export interface IssuedCertificate {
  certificateNo: string;
}

export interface CompleteCaseInput extends ActivityBase {
  /** `terminated`: 终止办理 (a tolerated material missed its date under the catalogue's `terminate` rule). */
  outcome: 'approved' | 'refused' | 'withdrawn' | 'terminated';
  reasons: { stepId: string; reasons: string[] }[];
  delivery?: { method: string; address?: string };
}

export interface CaseActivities {
  loadCalendar(input: LoadCalendarInput): Promise<CalendarData>;
  openTask(input: OpenTaskInput): Promise<void>;
  closeTask(input: CloseTaskInput): Promise<void>;
  setTaskHolders(input: SetTaskHoldersInput): Promise<void>;
  recordDecision(input: RecordDecisionInput): Promise<void>;
  recordClockEvent(input: RecordClockEventInput): Promise<void>;
  sendReminder(input: SendReminderInput): Promise<void>;
  escalateOverdue(input: EscalateOverdueInput): Promise<void>;
  /** Sends the applicant's message once per event key (a regular activity: only for a committed decision). */
  sendApplicantMessage(input: SendApplicantMessageInput): Promise<void>;
  runAutomaticStep(input: RunAutomaticStepInput): Promise<AutomaticStepResult>;
  issueCertificate(input: IssueCertificateInput): Promise<IssuedCertificate>;
  completeCase(input: CompleteCaseInput): Promise<void>;
  /** Several projection writes in one (local) activity, in order (`runProjectionWrites`); used by `local-serial` cases. */
  writeProjections(input: ProjectionBatch): Promise<unknown[]>;
}
