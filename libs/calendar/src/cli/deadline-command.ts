import { holidaysCrossed } from '../calendar/holidays-crossed.util';
import { provisionalReason } from '../calendar/working-days.util';
import { createOfficialCalendar, type WorkingCalendar } from '../calendar/working-calendar';
import { formatDayNumber, parseIsoDate } from '../dates/iso-date.util';
import { StatutoryClock } from '../clock/statutory-clock';
import { ClockError } from '../errors/clock.error';
import { parseDeadlineArgs } from './deadline-args.parser';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const DEADLINE_USAGE = [
  'usage: deadline --from YYYY-MM-DD --days N [--natural] [--count-start-day] [--suspend FROM:TO]...',
  '  --from             acceptance day (受理日); by default day 1 is the next working day',
  '  --days             statutory limit, in working days (default) or natural days with --natural',
  '  --count-start-day  count the start day as day 1',
  '  --suspend FROM:TO  suspended period, both days inclusive (补正, Art. 45 procedures); repeatable',
].join('\n');

const usageError = (message: string): CommandResult => ({
  exitCode: 2,
  stdout: '',
  stderr: `error: ${message}\n${DEADLINE_USAGE}\n`,
});

/** The `deadline` command as a pure function: the tools wrapper only prints the result and sets the exit code. */
export function runDeadlineCommand(
  argv: readonly string[],
  calendar: WorkingCalendar = createOfficialCalendar(),
): CommandResult {
  const parsed = parseDeadlineArgs(argv);
  if (parsed.kind === 'help') return { exitCode: 0, stdout: `${DEADLINE_USAGE}\n`, stderr: '' };
  if (parsed.kind === 'error') return usageError(parsed.message);
  const { from, days, natural, countStartDay, suspensions } = parsed.args;
  let clock = StatutoryClock.start({
    startDate: from,
    limit: { value: days, unit: natural ? 'natural_day' : 'working_day' },
    countStartDay,
  });
  try {
    for (const s of suspensions)
      clock = clock.suspend({ kind: 'other', note: 'command line' }, s.from).resume(s.to);
  } catch (error) {
    if (error instanceof ClockError) return usageError(error.message);
    throw error;
  }
  const due = clock.dueAt(calendar);
  const date = due.date as string; // every suspension is closed, so the date is known
  const lines = [`due: ${date}`];
  // The clock's own flag decides; the reason names the years of the counted period that have no notice.
  if (due.provisional)
    lines.push(`provisional: ${provisionalReason(calendar, from, date) ?? 'no holiday notice yet'}`);
  // Holidays are listed from the first counted day, so a holiday ending on the acceptance day is not shown.
  const firstCounted = countStartDay ? from : formatDayNumber(parseIsoDate(from) + 1);
  const crossed = firstCounted <= date ? holidaysCrossed(calendar, firstCounted, date) : [];
  for (const h of crossed)
    lines.push(`crosses: ${h.name}${h.nameEn ? ` (${h.nameEn})` : ''} ${h.start}…${h.end}`);
  if (crossed.length === 0) lines.push('crosses: no holidays');
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}
