import { Connection } from '@temporalio/client';
import type { Db } from '@onewindow/db';
import type { HealthResponse } from '@onewindow/contracts';

type DependencyHealth = HealthResponse['database'];

async function timed(probe: () => Promise<string>, timeoutMs: number): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    const detail = await Promise.race([
      probe(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { up: true, detail, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { up: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export function checkDatabase(db: Db, kind: string): Promise<DependencyHealth> {
  return timed(async () => {
    await db.$queryRawUnsafe('SELECT 1');
    return `${kind} reachable`;
  }, 2000);
}

/**
 * Whether Temporal answers, on a connection of the probe's own: no retry interceptor, a short connect timeout,
 * closed when the probe ends. The API's shared client retries a failed call with back-off timers; while Temporal
 * was down each probe left such a timer running after it had answered, and one that fired after the client was
 * closed threw "Channel has been shut down" out of the timer (seen at the end of a test run).
 */
export function checkTemporal(address: string, namespace: string): Promise<DependencyHealth> {
  return timed(async () => {
    const connection = Connection.lazy({ address, connectTimeout: 1500, interceptors: [] });
    try {
      await connection.ensureConnected();
      await connection.withDeadline(Date.now() + 1500, () =>
        connection.workflowService.describeNamespace({ namespace }),
      );
    } finally {
      await connection.close();
    }
    return `Temporal at ${address}, namespace "${namespace}"`;
  }, 2000);
}
