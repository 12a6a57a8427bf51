import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { TaskEvent } from '@onewindow/contracts';
import type { TaskChangeFeed } from './task-change-feed';

/** How long the browser waits before reconnecting (EventSource's `retry:`). */
export const SSE_RETRY_MS = 2000;
/** A comment line this often keeps proxies and the browser from dropping a quiet stream. */
export const SSE_HEARTBEAT_MS = 15_000;

/** Event ids are `<this process>-<n>`: an id from another process (the API restarted) or any id at all means a reconnect. */
const processId = randomUUID().slice(0, 8);
let nextId = 0;

const frame = (event: TaskEvent) =>
  `id: ${processId}-${++nextId}\nevent: tasks\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * Streams `tasks` events for the departments to one client (text/event-stream) until it goes away. A
 * client that reconnects (it sends Last-Event-ID) is told at once that its departments changed: it may
 * have missed events while away, so it reloads. Nothing compresses or buffers the stream (no
 * compression middleware; `no-transform` and `X-Accel-Buffering: no` for proxies).
 */
/** The open streams of this process: a shutdown ends them, so clients reconnect to the next API at once. */
const openStreams = new Set<Response>();

/** Ends every open task-event stream (at shutdown: open streams would otherwise hold the server open). */
export function endTaskEventStreams(): void {
  for (const res of openStreams) res.end();
}

export async function streamTaskEvents(
  feed: TaskChangeFeed,
  departments: readonly string[],
  req: Request,
  res: Response,
  heartbeatMs = SSE_HEARTBEAT_MS,
): Promise<void> {
  // Events before the answer started are not written (the client loads the inbox when the stream opens).
  const stream = { started: false, heartbeat: undefined as NodeJS.Timeout | undefined };
  const unsubscribe = feed.subscribe(departments, (event) => {
    if (stream.started) res.write(frame(event));
  });
  openStreams.add(res);
  res.on('close', () => {
    openStreams.delete(res);
    clearInterval(stream.heartbeat);
    unsubscribe();
  });
  // The answer starts once the poller has its baseline: whatever changes after the client's `open` reaches it.
  await feed.ready();
  if (res.destroyed || res.writableEnded) return;
  res.status(200).set({
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  res.write(`retry: ${SSE_RETRY_MS}\n: connected\n\n`);
  if (req.get('last-event-id'))
    res.write(frame({ departments: [...departments], at: new Date().toISOString() }));
  stream.started = true;
  stream.heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  stream.heartbeat.unref();
}
