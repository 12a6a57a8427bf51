// The processes a process started, from /proc (Linux).
import fs from 'node:fs';

/** Every live descendant of `pid`: one pass over /proc, then a walk of the parent → children map. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const walk = (p: number): number[] => (children.get(p) ?? []).flatMap((c) => [c, ...walk(c)]);
  return walk(pid);
}
