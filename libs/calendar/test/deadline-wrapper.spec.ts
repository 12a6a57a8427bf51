import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const npx = (args: string[]) =>
  spawnSync('npx', ['tsx', 'tools/calendar/deadline.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('tools/calendar/deadline.ts (spawned with npx tsx)', () => {
  it('prints the due date (provisional past the last notice), and exits 2 with the usage on bad arguments', () => {
    const ok = npx(['--from', '2026-09-28', '--days', '20', '--suspend', '2026-10-12:2026-10-15']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('due: 2026-11-05\ncrosses: 国庆节 (National Day) 2026-10-01…2026-10-07\n');
    const bad = npx(['--from', '2026-09-28']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('error: --days is required\nusage: deadline --from YYYY-MM-DD --days N');
    // No notice for 2027 is shipped: the statutory holiday of 1 January is skipped, and the date is provisional.
    const provisional = npx(['--from', '2026-12-30', '--days', '2']);
    expect(provisional.status).toBe(0);
    expect(provisional.stdout).toBe(
      "due: 2027-01-04\nprovisional: no holiday notice for 2027 yet\ncrosses: 元旦 (New Year's Day) 2027-01-01…2027-01-01\n",
    );
  }, 60_000);
});
