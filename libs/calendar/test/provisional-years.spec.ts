import {
  StatutoryClock,
  WorkingCalendar,
  addWorkingDays,
  createOfficialCalendar,
  isProvisionalPeriod,
  rebaseDueDate,
} from '../src';
import { DATA_WITH_2027, FIXTURE_2027 } from './fixtures/test-calendars';
import { OFFICIAL_CALENDAR_DATA } from '../src';

const official = createOfficialCalendar();
const with2027 = WorkingCalendar.fromData(DATA_WITH_2027);

describe('years without data', () => {
  it('count weekends only and mark results provisional', () => {
    // Working days after Tue 2026-12-01: 22 in December, then Fri 1 Jan (23), 4–8 Jan (28), 11 Jan (29), 12 Jan (30).
    expect(addWorkingDays(official, '2026-12-01', 30)).toBe('2027-01-12');
    expect(isProvisionalPeriod(official, '2026-12-01', '2027-01-12')).toBe(true);
    expect(isProvisionalPeriod(official, '2026-01-01', '2026-12-31')).toBe(false);
    expect(isProvisionalPeriod(official, '2024-12-31', '2025-01-02')).toBe(true);
  });

  it('a published year corrects open clocks: rebase moves the due date and clears provisional', () => {
    const clock = StatutoryClock.start({
      startDate: '2026-12-01',
      limit: { value: 30, unit: 'working_day' },
    });
    expect(clock.dueAt(official)).toEqual({ date: '2027-01-12', provisional: true });
    // The fixture makes 1 Jan 2027 a holiday, so day 30 moves one working day later.
    expect(clock.dueAt(with2027)).toEqual({ date: '2027-01-13', provisional: false });
    expect(rebaseDueDate(clock, official, with2027)).toEqual({
      previous: { date: '2027-01-12', provisional: true },
      next: { date: '2027-01-13', provisional: false },
      changed: true,
    });
    expect(rebaseDueDate(clock, with2027, with2027).changed).toBe(false);
  });

  it('a year flagged provisional keeps results provisional', () => {
    const estimated = WorkingCalendar.fromData({
      ...OFFICIAL_CALENDAR_DATA,
      years: [...OFFICIAL_CALENDAR_DATA.years, { ...FIXTURE_2027, provisional: true }],
    });
    const clock = StatutoryClock.start({
      startDate: '2026-12-01',
      limit: { value: 30, unit: 'working_day' },
    });
    expect(clock.dueAt(estimated)).toEqual({ date: '2027-01-13', provisional: true });
  });

  it('an empty calendar counts weekends only everywhere', () => {
    const empty = WorkingCalendar.fromData({ years: [] });
    expect(addWorkingDays(empty, '2026-09-30', 1)).toBe('2026-10-01');
    expect(addWorkingDays(empty, '2026-10-02', 1)).toBe('2026-10-05');
  });
});
