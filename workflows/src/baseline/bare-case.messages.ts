import { defineUpdate } from '@temporalio/workflow';

/** The five "departments" of the bare baseline; one Update each, like the five approvals of a real case. */
export const bareDepartments = ['D1', 'D2', 'D3', 'D4', 'D5'] as const;

export interface BareDecision {
  department: string;
  actor: string;
}

/** One department decides; the validator refuses an unknown or repeated department synchronously. */
export const bareDecide = defineUpdate<{ department: string; decided: number }, [BareDecision]>('bareDecide');

export interface BareCaseResult {
  decided: string[];
}

/** What the timer probe records when it wakes: the absolute target and the workflow clock at wake-up. */
export interface TimerProbeResult {
  targetMs: number;
  wokeMs: number;
  /** The workflow started after its target, so it did not sleep (excluded from lateness). */
  startedLate: boolean;
}
