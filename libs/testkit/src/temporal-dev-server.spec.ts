import net from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { startTemporalDevServer, waitForTemporal } from './temporal-dev-server';

describe('startTemporalDevServer', () => {
  it('starts a real dev server that answers, and stops it', async () => {
    const server = await startTemporalDevServer();
    try {
      await expect(waitForTemporal(server.address, 'default', 10_000)).resolves.toBeUndefined();
    } finally {
      await server.stop();
    }
    expect(server.process.exitCode !== null || server.process.signalCode !== null).toBe(true);
  }, 90_000);

  it('passes dynamic configuration values to the server', async () => {
    // Every ID is held to the limit, the client's 36-character request ID too.
    const server = await startTemporalDevServer({ dynamicConfig: { 'limit.maxIDLength': 40 } });
    const connection = await Connection.connect({ address: server.address });
    try {
      const client = new Client({ connection });
      const start = (workflowId: string) =>
        client.workflow.start('anyWorkflow', { taskQueue: 'dynamic-config-test', workflowId });
      await expect(start('short-id')).resolves.toBeDefined();
      const refused = await start('w'.repeat(41)).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(String((refused?.cause as { details?: string } | undefined)?.details)).toMatch(
        /WorkflowId exceeds maximum allowed length \(41\/40\)/,
      );
    } finally {
      await connection.close();
      await server.stop();
    }
  }, 90_000);

  it('a server that exits at start-up is tried once more, then reported with the cause it wrote', async () => {
    // The gRPC port is taken, so both attempts exit at once ("address already in use").
    const blocker = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const started = startTemporalDevServer({ port, readyTimeoutMs: 120_000 });
      await expect(started).rejects.toThrow(
        /exited early twice; first: .*address already in use.*; then: .*address already in use/s,
      );
    } finally {
      blocker.close();
    }
  }, 30_000);
});

describe('waitForTemporal', () => {
  it('stops at once when told the server is gone, instead of polling until its timeout', async () => {
    const gone = new AbortController();
    const waiting = waitForTemporal('127.0.0.1:1', 'default', 600_000, gone.signal);
    gone.abort('the server exited');
    await expect(waiting).rejects.toThrow(
      /stopped waiting for Temporal at 127\.0\.0\.1:1: the server exited/,
    );
  }, 10_000);
});
