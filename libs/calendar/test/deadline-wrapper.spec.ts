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
  it('prints the due date, and exits 2 with the usage on bad arguments', () => {
    const ok = npx(['--from', '2026-09-28', '--days', '20', '--suspend', '2026-10-12:2026-10-15']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('due: 2026-11-05\ncrosses: 国庆节 (National Day) 2026-10-01…2026-10-07\n');
    const bad = npx(['--from', '2026-09-28']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('error: --days is required\nusage: deadline --from YYYY-MM-DD --days N');
  }, 60_000);
});
