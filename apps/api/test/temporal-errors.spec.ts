import {
  Connection,
  NamespaceNotFoundError,
  WorkflowClient,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { ApiDeps } from '../src/api-deps';
import { ProblemError } from '../src/http/problem';
import { isRetryableTemporalError, updateProblem } from '../src/cases/temporal-errors';

/**
 * A gRPC status error as @grpc/grpc-js makes it (callErrorFromStatus): an Error with code, details and the
 * trailing metadata (here without status details, as the server sends for these codes).
 */
const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), {
    code,
    details,
    metadata: { get: (): unknown[] => [] },
  });
const deps = {
  temporal: { address: '127.0.0.1:7233' },
  db: { case: { findUnique: async () => null } },
} as unknown as ApiDeps;
const caseNo = 'YC20261202000077';

/** The SDK's own conversion of a failed UpdateWorkflowExecution call into what executeUpdate throws. */
class UpdateErrors extends WorkflowClient {
  thrownFor(grpc: Error): unknown {
    try {
      this.rethrowUpdateGrpcError(grpc, 'Workflow Update failed', { workflowId: caseNo });
    } catch (error) {
      return error;
    }
    throw new Error('rethrowUpdateGrpcError returned');
  }
}
const sdk = new UpdateErrors({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
afterAll(() => sdk.connection.close());

// What an Update's failure becomes at the HTTP boundary: never a 500 for a fault a retry gets past.
describe('updateProblem', () => {
  it.each([
    ['the deadline, as the client cancelling the call', grpcError(1, 'Call cancelled')],
    ['the deadline, as DEADLINE_EXCEEDED', grpcError(4, 'Deadline exceeded')],
  ])(
    'an Update not answered in time (%s) is 503 telling to resend with the same Idempotency-Key',
    async (_what, cause) => {
      const thrown = sdk.thrownFor(cause);
      expect(thrown).toBeInstanceOf(WorkflowUpdateRPCTimeoutOrCancelledError);
      const problem = await updateProblem(thrown, caseNo, deps);
      expect(problem).toBeInstanceOf(ProblemError);
      expect(problem).toMatchObject({
        status: 503,
        title: 'Workflow engine busy',
        message: expect.stringContaining(`Case ${caseNo} did not answer in time`),
      });
      expect((problem as Error).message).toContain('请使用同一 Idempotency-Key 重新提交');
      expect((problem as Error).message).toContain('same Idempotency-Key');
    },
  );

  it('Temporal unreachable is 503 naming the address', async () => {
    const problem = await updateProblem(
      sdk.thrownFor(grpcError(14, 'No connection established')),
      caseNo,
      deps,
    );
    expect(problem).toMatchObject({
      status: 503,
      title: 'Workflow engine unavailable',
      message: expect.stringContaining('127.0.0.1:7233'),
    });
  });

  // The server refuses the Update for now; the workflow never saw it, and the same request later goes through.
  it.each([
    [9, 'Unable to perform workflow execution update due to Workflow Task in failed state.'],
    [8, 'limit on number of concurrent in-flight updates has been reached (10)'],
    [10, 'Workflow Update was aborted.'],
    [13, 'internal error'],
    [2, 'unknown'],
    [7, 'Request unauthorized.'],
    [16, 'Request unauthenticated.'],
  ])('gRPC code %i (%s) is 503 telling to resend with the same Idempotency-Key', async (code, details) => {
    const thrown = sdk.thrownFor(grpcError(code, details));
    expect(isRetryableTemporalError(thrown)).toBe(true);
    const problem = await updateProblem(thrown, caseNo, deps);
    expect(problem).toBeInstanceOf(ProblemError);
    expect(problem).toMatchObject({ status: 503, title: 'Action not taken yet' });
    expect((problem as Error).message).toContain('请使用同一 Idempotency-Key 重新提交');
    expect((problem as Error).message).toContain(details);
  });

  it('a namespace Temporal does not know (yet) is 503', async () => {
    const problem = await updateProblem(new NamespaceNotFoundError('default'), caseNo, deps);
    expect(problem).toMatchObject({ status: 503 });
  });

  it('a state that moved on is 409 (ALREADY_EXISTS); an unknown workflow of an unknown case 404', async () => {
    const moved = await updateProblem(sdk.thrownFor(grpcError(6, 'already exists')), caseNo, deps);
    expect(moved).toMatchObject({ status: 409, message: expect.stringContaining('请刷新后查看') });
    const unknown = await updateProblem(sdk.thrownFor(grpcError(5, 'workflow not found')), caseNo, deps);
    expect(unknown).toMatchObject({ status: 404 });
  });

  it("the workflow's refusal is 409 with its sentence; our own bugs are left as they are (500)", async () => {
    const refused = await updateProblem(
      new WorkflowUpdateFailedError('Workflow Update failed', new Error('step item_FOOD is not open')),
      caseNo,
      deps,
    );
    expect(refused).toMatchObject({ status: 409, message: 'step item_FOOD is not open' });
    const other = new Error('disk full');
    expect(await updateProblem(other, caseNo, deps)).toBe(other);
    const invalid = sdk.thrownFor(grpcError(3, 'update id too long'));
    expect(isRetryableTemporalError(invalid)).toBe(false);
    expect(await updateProblem(invalid, caseNo, deps)).toBe(invalid);
  });
});
