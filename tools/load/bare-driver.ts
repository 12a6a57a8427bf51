// The bare baseline through the Temporal client directly: start bareCaseWorkflow, five Updates in parallel
// (one per "department"), wait for the result. No API, no database, no plan.
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
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
    const handle = await this.start();
    const updateMs = await Promise.all(
      bareDepartments.map(async (department) => {
        const u0 = performance.now();
        await this.decide(handle, department);
        return performance.now() - u0;
      }),
    );
    await handle.result();
    return { totalMs: performance.now() - t0, updateMs };
  }

  /** Starts one bare workflow and leaves it waiting for its five Updates (the open-loop latency phase). */
  async start(): Promise<WorkflowHandle<typeof bareCaseWorkflow>> {
    return this.client.workflow.start(bareCaseWorkflow, {
      workflowId: `bare-${this.runId}-${++this.seq}`,
      taskQueue: bareTaskQueue,
      args: [],
    });
  }

  /** One department's Update of a started bare workflow. */
  async decide(handle: WorkflowHandle<typeof bareCaseWorkflow>, department: string): Promise<void> {
    await handle.executeUpdate(bareDecide, { args: [{ department, actor: `bare-${department}` }] });
  }

  async close(): Promise<void> {
    await this.client.connection.close();
  }
}
