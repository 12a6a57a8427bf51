import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { ApiDeps } from '../src/api-deps';
import { ProblemError } from '../src/http/problem';
import { updateProblem } from '../src/cases/temporal-errors';

const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
const deps = { temporal: { address: '127.0.0.1:7233' } } as unknown as ApiDeps;
const caseNo = 'YC20261202000077';

// What an Update's failure becomes at the HTTP boundary (the load run at 50 decisions/s answered some of these 500).
describe('updateProblem', () => {
  it.each([
    ['the deadline, as the client cancelling the call', grpcError(1, 'Call cancelled')],
    ['the deadline, as DEADLINE_EXCEEDED', grpcError(4, 'Deadline exceeded')],
  ])(
    'an Update not answered in time (%s) is 503 telling to resend with the same Idempotency-Key',
    async (_what, cause) => {
      const problem = await updateProblem(
        new WorkflowUpdateRPCTimeoutOrCancelledError('Call cancelled', { cause }),
        caseNo,
        deps,
      );
      expect(problem).toBeInstanceOf(ProblemError);
      expect(problem).toMatchObject({
        status: 503,
        title: 'Workflow engine busy',
        message: expect.stringContaining(`Case ${caseNo} did not answer in time`),
      });
      expect((problem as Error).message).toContain('same Idempotency-Key');
    },
  );

  it('Temporal unreachable is 503 naming the address', async () => {
    const problem = await updateProblem(
      new WorkflowUpdateRPCTimeoutOrCancelledError('unavailable', {
        cause: grpcError(14, 'No connection established'),
      }),
      caseNo,
      deps,
    );
    expect(problem).toMatchObject({
      status: 503,
      title: 'Workflow engine unavailable',
      message: expect.stringContaining('127.0.0.1:7233'),
    });
  });

  it("the workflow's refusal is 409 with its sentence; anything else is left as it is (500)", async () => {
    const refused = await updateProblem(
      new WorkflowUpdateFailedError('Workflow Update failed', new Error('step item_FOOD is not open')),
      caseNo,
      deps,
    );
    expect(refused).toMatchObject({ status: 409, message: 'step item_FOOD is not open' });
    const other = new Error('disk full');
    expect(await updateProblem(other, caseNo, deps)).toBe(other);
  });
});
