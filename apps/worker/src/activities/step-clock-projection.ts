import { Prisma, type Db } from '@onewindow/db';

/** A step clock as the Task row keeps it (`clockState`, `clockReason`): the inbox views read these columns. */
interface StepClock {
  clockState: 'running' | 'supplement' | 'special_procedure' | 'hold';
  clockReason: string | null;
}

/**
 * The decisions (as recordDecision names them) that start or end a step's own suspension: the last of them
 * says why a step clock's `suspend` stopped it. A suspension no such decision explains is a hold (at the window
 * after 退回, paused behind a returned branch).
 */
export const SUSPENDING_DECISIONS = [
  'return_for_supplement',
  'supplement_submitted',
  'special_procedure_started',
  'special_procedure_ended',
];

const kindOf = (verb: string | undefined): StepClock['clockState'] =>
  verb === 'return_for_supplement'
    ? 'supplement'
    : verb === 'special_procedure_started'
      ? 'special_procedure'
      : 'hold';

/**
 * The step clock after the step's last `suspend` or `resume` event with a sequence above `afterSeq`, or
 * undefined when there is none. Raw statements (docs/decisions/0007): one indexed read of the case's events,
 * and for a suspension one of its decisions. Either may be projected first (the workflow makes both calls of a
 * verb at once), so whichever comes second finds both.
 */
export async function stepClockOf(
  db: Db,
  caseNo: string,
  stepId: string,
  afterSeq = 0,
): Promise<StepClock | undefined> {
  const [last] = await db.$queryRaw<{ kind: string; reason: string | null }[]>`
    SELECT "kind", "reason" FROM "ClockEvent"
    WHERE "caseNo" = ${caseNo} AND "clockId" = ${`step:${stepId}`} AND "kind" IN ('suspend', 'resume')
      AND "eventSeq" > ${afterSeq}
    ORDER BY "eventSeq" DESC LIMIT 1`;
  if (!last) return undefined;
  if (last.kind === 'resume') return { clockState: 'running', clockReason: null };
  const [decision] = await db.$queryRaw<{ verb: string }[]>`
    SELECT "verb" FROM "Decision"
    WHERE "caseNo" = ${caseNo} AND "stepId" = ${stepId} AND "verb" IN (${Prisma.join(SUSPENDING_DECISIONS)})
    ORDER BY "eventSeq" DESC LIMIT 1`;
  return { clockState: kindOf(decision?.verb), clockReason: last.reason };
}

/**
 * Writes the step clock onto the step's open Task rows, derived again from all its events and decisions, so
 * events applied out of order or twice leave the same row. Called after a step clock's `suspend` or `resume`
 * and after a decision of SUSPENDING_DECISIONS; the TaskFeedVersion trigger on Task tells the live inboxes.
 */
export async function refreshStepClock(db: Db, caseNo: string, stepId: string): Promise<void> {
  const clock = await stepClockOf(db, caseNo, stepId);
  if (!clock) return;
  await db.$executeRaw`
    UPDATE "Task" SET "clockState" = ${clock.clockState}, "clockReason" = ${clock.clockReason}
    WHERE "caseNo" = ${caseNo} AND "stepId" = ${stepId} AND "state" = 'open'`;
}
