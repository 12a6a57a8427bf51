import { DEADLINE_USAGE, OFFICIAL_CALENDAR_DATA, WorkingCalendar, runDeadlineCommand } from '../src';
import { calendarInForce } from '../src/statutory-holidays';
import { DATA_WITH_2027 } from './fixtures/test-calendars';

const run = (line: string) => runDeadlineCommand(line.split(' ').filter(Boolean));

describe('runDeadlineCommand', () => {
  it('prints the due date and the holidays crossed', () => {
    expect(run('--from 2026-09-28 --days 20')).toEqual({
      exitCode: 0,
      stdout: 'due: 2026-10-30\ncrosses: 国庆节 (National Day) 2026-10-01…2026-10-07\n',
      stderr: '',
    });
  });

  it('applies suspensions (both days inclusive)', () => {
    expect(run('--from 2026-09-28 --days 20 --suspend 2026-10-12:2026-10-15').stdout.split('\n')[0]).toBe(
      'due: 2026-11-05',
    );
    expect(
      run(
        '--from=2026-09-28 --days=20 --suspend=2026-10-12:2026-10-15 --suspend 2026-10-19:2026-10-19',
      ).stdout.split('\n')[0],
    ).toBe('due: 2026-11-06');
  });

  it('counts natural days with --natural and lists every holiday crossed', () => {
    expect(run('--from 2026-09-14 --days 20 --natural').stdout).toBe(
      'due: 2026-10-08\ncrosses: 中秋节 (Mid-Autumn Festival) 2026-09-25…2026-09-27\ncrosses: 国庆节 (National Day) 2026-10-01…2026-10-07\n',
    );
  });

  it('supports --count-start-day', () => {
    expect(run('--from 2026-09-28 --days 20 --count-start-day').stdout.split('\n')[0]).toBe(
      'due: 2026-10-29',
    );
  });

  it('says on the second line why a date past the last notice is provisional', () => {
    expect(run('--from 2026-12-01 --days 30').stdout).toBe(
      'due: 2027-01-12\nprovisional: no holiday notice for 2027 yet\ncrosses: no holidays\n',
    );
    expect(
      runDeadlineCommand(['--from', '2026-12-01', '--days', '30'], WorkingCalendar.fromData(DATA_WITH_2027))
        .stdout,
    ).toBe("due: 2027-01-13\ncrosses: 元旦 (New Year's Day) 2027-01-01…2027-01-01\n");
  });

  it('with the calendar in force skips the statutory holidays of a year without a notice (1 January 2027)', () => {
    const inForce = WorkingCalendar.fromData(calendarInForce(OFFICIAL_CALENDAR_DATA, 2028));
    expect(runDeadlineCommand(['--from', '2026-12-30', '--days', '2'], inForce)).toEqual({
      exitCode: 0,
      stdout:
        "due: 2027-01-04\nprovisional: no holiday notice for 2027 yet\ncrosses: 元旦 (New Year's Day) 2027-01-01…2027-01-01\n",
      stderr: '',
    });
    expect(runDeadlineCommand(['--from', '2026-12-30', '--days', '300'], inForce).stdout.split('\n')[1]).toBe(
      'provisional: no holiday notice for 2027, 2028 yet',
    );
  });

  it.each([
    ['', '--from is required'],
    ['--from 2026-09-28', '--days is required'],
    ['--from 2026-02-30 --days 5', '--from must be a date YYYY-MM-DD'],
    ['--from 2026-09-28 --days 0', '--days must be a whole number ≥ 1'],
    ['--from 2026-09-28 --days 2.5', '--days must be a whole number ≥ 1'],
    ['--from 2026-09-28 --days', '--days needs a value'],
    ['--from 2026-09-28 --days 20 --suspend 2026-10-15:2026-10-12', '--suspend must be FROM:TO'],
    [
      '--from 2026-09-28 --days 20 --suspend 2026-10-12:2026-10-15 --suspend 2026-10-14:2026-10-16',
      'a new suspension must start after the previous one ended on 2026-10-15',
    ],
    ['--from 2026-09-28 --days 20 --suspend 2026-09-01:2026-09-02', 'the clock started on 2026-09-28'],
    ['--from 2026-09-28 --days 20 --fast', 'unknown argument "--fast"'],
  ])('"%s" prints the usage to stderr and exits 2', (line, message) => {
    const result = run(line);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    const [firstLine, ...usage] = result.stderr.split('\n');
    expect(firstLine).toMatch(/^error: /);
    expect(firstLine).toContain(message);
    expect(usage.join('\n')).toBe(`${DEADLINE_USAGE}\n`);
  });

  it('prints the usage to stdout for --help', () => {
    expect(run('--help')).toEqual({ exitCode: 0, stdout: `${DEADLINE_USAGE}\n`, stderr: '' });
  });
});
