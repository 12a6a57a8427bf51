import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface DemoCompletion {
  completedBy: string;
}

/** Completes the demo case; the validator refuses a blank name synchronously. */
export const completeDemoCase = defineUpdate<{ completedAt: string }, [DemoCompletion]>('completeDemoCase');
export const demoCaseStatus = defineQuery<'waiting' | 'completed'>('demoCaseStatus');
