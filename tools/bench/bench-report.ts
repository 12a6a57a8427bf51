// What the benchmarks share in their reports: nearest-rank percentiles, the host's load, the table of open-loop
// runs, and the JSON result each of them writes to tmp/bench/<name>.json (git-ignored) beside the markdown table
// it prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';
import type { Db } from '@onewindow/db';
import type { OpenLoopResult } from './open-loop';

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of a sample (NaN when it is empty). */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0
      ? Number.NaN
      : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { n: sorted.length, median: at(50), p95: at(95), p99: at(99), max: at(100) };
}

export const ms = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';

/** The machine and its load average (1, 5, 15 min) now: other jobs on a shared host move every figure. */
export function hostNow(): { cpus: string; cores: number; loadAverage: number[]; node: string; at: string } {
  return {
    cpus: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    at: new Date().toISOString(),
  };
}

export const hostLine = (host: ReturnType<typeof hostNow>): string =>
  `${host.cores} × ${host.cpus}, Node ${host.node}, load average ${host.loadAverage.join(' / ')} (1/5/15 min), ${host.at}`;

/** The report's host line: the machine and its load before the run, and the load after it (ends a paragraph). */
export const hostAfterLine = (host: ReturnType<typeof hostNow>, after: ReturnType<typeof hostNow>): string =>
  `Host: ${hostLine(host)}; after the run: load average ${after.loadAverage.join(' / ')}\n`;

/**
 * The markdown table of open-loop runs (tools/bench/open-loop.ts): one row per run, latency from the scheduled
 * send; a run marked `target` is met when its p95 is under `targetMs` with no errors.
 */
export function printOpenLoopTable(
  targetMs: number,
  runs: [name: string, r: OpenLoopResult, target: boolean][],
) {
  console.log(
    `| what | ok / sent | median ms | p95 ms | p99 ms | max ms | service p95 ms | p95 < ${targetMs} ms |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, r, target] of runs)
    console.log(
      `| ${name} | ${r.ok} / ${r.sent}${r.errors ? ` (${r.errors} errors: ${r.firstError?.slice(0, 80)})` : ''} | ${ms(r.fromSchedule.median)} | ${ms(r.fromSchedule.p95)} | ${ms(r.fromSchedule.p99)} | ${ms(r.fromSchedule.max)} | ${ms(r.service.p95)} | ${target ? (r.fromSchedule.p95 < targetMs && r.errors === 0 ? 'met' : '**missed**') : ''} |`,
    );
}

/** Writes the run's result as tmp/bench/<name>.json and returns the path. */
export function writeResult(name: string, result: unknown): string {
  const dir = path.join(repoRoot(), 'tmp', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/**
 * Waits until these cases have `want` open Task rows (the worker projected their steps), at most `timeoutMs`.
 * The first case after a stack starts waits for the worker to bundle the workflows (over 30 s on a loaded host).
 */
export async function waitForOpenTasks(
  db: Db,
  caseNos: string[],
  want: number,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await db.task.count({ where: { caseNo: { in: caseNos }, state: 'open' } });
    if (open >= want) return;
    if (Date.now() > until)
      throw new Error(
        `only ${open} of ${want} steps open after ${timeoutMs / 1000} s: is the worker running?`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}
