import type { Connection } from '@temporalio/client';
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

export function checkTemporal(
  connection: Connection,
  address: string,
  namespace: string,
): Promise<DependencyHealth> {
  return timed(async () => {
    // A deadline stops the client's own retries, so nothing keeps running after the probe answers.
    await connection.withDeadline(Date.now() + 1500, () =>
      connection.workflowService.describeNamespace({ namespace }),
    );
    return `Temporal at ${address}, namespace "${namespace}"`;
  }, 2000);
}
