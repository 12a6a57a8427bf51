// CPU time a process and its descendants have used, from /proc (Linux): to say which process a phase's
// cost lands on (the whole stack shares the machine's cores).
import fs from 'node:fs';
import { descendantsOf } from '../process-tree';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on every Linux build we run). */
const ticksPerSecond = 100;

function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** User + system CPU seconds of `pid` and every live descendant, all threads included. */
export function treeCpuSeconds(pid: number): number {
  return [pid, ...descendantsOf(pid)].reduce((total, p) => total + cpuSeconds(p), 0);
}

/** This process alone (not the stack it started, which are its descendants). */
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * CPU seconds each named child process tree, and this process (`generator`) alone, used while `run` ran,
 * with `run`'s result.
 */
export async function cpuDuring<T>(
  children: Record<string, number>,
  run: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: Record<string, number> }> {
  const sample = (): Record<string, number> => ({
    ...Object.fromEntries(Object.entries(children).map(([name, pid]) => [name, treeCpuSeconds(pid)])),
    generator: ownCpuSeconds(),
  });
  const before = sample();
  const result = await run();
  const after = sample();
  return {
    result,
    cpuSeconds: Object.fromEntries(
      Object.entries(after).map(([name, seconds]) => [name, seconds - before[name]]),
    ),
  };
}
