import type { CloseTaskInput, OpenTaskInput } from '@onewindow/workflows';
import type { Db } from '@onewindow/db';
import { ignoreDuplicate, taskId } from './event-key.util';

/** The Task row's state for a closed step: the inbox only tells done from cancelled; the outcome says how. */
export const closedTaskState = (status: CloseTaskInput['status']): 'done' | 'cancelled' => (status === 'cancelled' ? 'cancelled' : 'done');

/** Opens the inbox row once; a retried or late duplicate never reopens a row that was closed meanwhile. */
export async function openTask(db: Db, input: OpenTaskInput): Promise<void> {
  const id = taskId(input.caseNo, input.stepId, input.generation);
  await ignoreDuplicate(() =>
    db.task.upsert({
      where: { id },
      update: {},
      create: {
        id,
        caseNo: input.caseNo,
        stepId: input.stepId,
        seq: input.generation,
        departmentCode: input.departmentCode,
        role: input.role,
        // One named assignee is the person's inbox; several (会签) stay a department task.
        assigneeUserId: input.assignees.length === 1 ? input.assignees[0] : null,
        state: 'open',
        openedAt: new Date(input.at),
        dueDate: input.dueDate,
      },
    }),
  );
}

export class TaskNotOpenedYetError extends Error {
  override name = 'TaskNotOpenedYetError';
}

/**
 * Closes the row. The decision Update can race the still-retrying openTask, so a missing row is a
 * retryable error: Temporal retries until openTask has written it.
 */
export async function closeTask(db: Db, input: CloseTaskInput): Promise<void> {
  const id = taskId(input.caseNo, input.stepId, input.generation);
  const closed = await db.task.updateMany({
    where: { id, state: 'open' },
    data: { state: closedTaskState(input.status), outcome: input.status, closedAt: new Date(input.at) },
  });
  if (closed.count === 0 && !(await db.task.findUnique({ where: { id }, select: { id: true } }))) {
    throw new TaskNotOpenedYetError(`task ${id} is not in the projection yet (openTask still retrying?)`);
  }
}

/** Moves the due date of the step's open task (resume after 补正, approved extension). */
export async function setOpenTaskDueDate(db: Db, caseNo: string, stepId: string, dueDate: string): Promise<void> {
  await db.task.updateMany({ where: { caseNo, stepId, state: 'open' }, data: { dueDate } });
}
