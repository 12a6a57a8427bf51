import fs from 'node:fs';

/** Processes whose command line or environment mention `marker` (a run's private state folder). */
export function processesMentioning(marker: string): { pid: number; cmd: string }[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) return [];
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      return cmd.includes(marker) || env.includes(marker) ? [{ pid, cmd }] : [];
    } catch {
      return []; // gone meanwhile, or not ours to read
    }
  });
}
