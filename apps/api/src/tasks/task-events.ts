import type { Request, Response } from 'express';
import type { TaskEvent } from '@onewindow/contracts';
import type { TaskChangeFeed } from './task-change-feed';

/** How long the browser waits before reconnecting (EventSource's `retry:`). */
export const SSE_RETRY_MS = 2000;
/** A comment line this often keeps proxies and the browser from dropping a quiet stream. */
export const SSE_HEARTBEAT_MS = 15_000;

const frame = (event: TaskEvent, id: string) => `id: ${id}\nevent: tasks\ndata: ${JSON.stringify(event)}\n\n`;

/** The open streams of this process: a shutdown ends them, so clients reconnect to the next API at once. */
const openStreams = new Set<Response>();

/** Ends every open task-event stream (at shutdown: open streams would otherwise hold the server open). */
export function endTaskEventStreams(): void {
  for (const res of openStreams) res.end();
}

/**
 * Streams `tasks` events for the departments to one client (text/event-stream) until it goes away. Every
 * event id is the departments' feed versions after it (TaskChangeFeed.versionId), and the stream opens
 * with the current one: the versions live in the database, so a client that reconnects — to this API or
 * to the next one after a restart — says with Last-Event-ID what it has seen, and is sent one `tasks`
 * event at once when its departments changed since (or when its id is unknown), none when nothing did.
 * Nothing compresses or buffers the stream (no compression middleware; `no-transform` and
 * `X-Accel-Buffering: no` for proxies).
 */
export async function streamTaskEvents(
  feed: TaskChangeFeed,
  departments: readonly string[],
  req: Request,
  res: Response,
  heartbeatMs = SSE_HEARTBEAT_MS,
): Promise<void> {
  // Events before the answer started are not written (the client loads the inbox when the stream opens).
  const stream = { started: false, heartbeat: undefined as NodeJS.Timeout | undefined };
  const unsubscribe = feed.subscribe(departments, (event, id) => {
    if (stream.started) res.write(frame(event, id));
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
  // An id-only block: the browser keeps it as its last event id (sent back as Last-Event-ID on a reconnect).
  const current = feed.versionId(departments);
  res.write(`retry: ${SSE_RETRY_MS}\n${current ? `id: ${current}\n` : ''}: connected\n\n`);
  const seen = req.get('last-event-id');
  if (seen !== undefined && seen !== current)
    res.write(frame({ departments: [...departments], at: new Date().toISOString() }, current ?? ''));
  stream.started = true;
  stream.heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  stream.heartbeat.unref();
}
