// The bare baseline through the Temporal client directly: start bareCaseWorkflow, five Updates in parallel
// (one per "department"), wait for the result. No API, no database, no plan.
import { Client, Connection } from '@temporalio/client';
import { bareCaseWorkflow, bareDecide, bareDepartments } from '@onewindow/workflows';
import { bareTaskQueue } from './load-stack';

export class BareDriver {
  private seq = 0;
  private readonly runId = Date.now().toString(36);

  private constructor(readonly client: Client) {}

  static async connect(address: string): Promise<BareDriver> {
    return new BareDriver(new Client({ connection: await Connection.connect({ address }) }));
  }

  /** One bare case; resolves with its total milliseconds and the Update round trips. */
  async complete(): Promise<{ totalMs: number; updateMs: number[] }> {
    const t0 = performance.now();
    const handle = await this.client.workflow.start(bareCaseWorkflow, { workflowId: `bare-${this.runId}-${++this.seq}`, taskQueue: bareTaskQueue, args: [] });
    const updateMs = await Promise.all(
      bareDepartments.map(async (department) => {
        const u0 = performance.now();
        await handle.executeUpdate(bareDecide, { args: [{ department, actor: `bare-${department}` }] });
        return performance.now() - u0;
      }),
    );
    await handle.result();
    return { totalMs: performance.now() - t0, updateMs };
  }

  async close(): Promise<void> {
    await this.client.connection.close();
  }
}
