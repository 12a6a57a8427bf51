import {
  addNaturalDays,
  addWorkingDays,
  subtractWorkingDays,
  createOfficialCalendar,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  CalendarError,
} from '../src';
import { isoPlusDays } from './fixtures/test-calendars';

// Expected values worked out by hand from docs/domain.md §3.3 (weekday of each date checked by hand).
const calendar = createOfficialCalendar();

describe('isWorkingDay on the official 2025–2026 schedules', () => {
  it.each([
    ['2025-01-01', false, '元旦 (Wed)'],
    ['2025-01-02', true, 'Thu after 元旦'],
    ['2025-01-25', false, 'ordinary Saturday'],
    ['2025-01-26', true, '春节 调休 Sunday'],
    ['2025-01-27', true, 'Mon before 春节'],
    ['2025-01-28', false, '春节 first day (Tue)'],
    ['2025-02-04', false, '春节 last day (Tue)'],
    ['2025-02-05', true, 'Wed after 春节'],
    ['2025-02-08', true, '春节 调休 Saturday'],
    ['2025-02-09', false, 'ordinary Sunday'],
    ['2025-04-04', false, '清明 (Fri)'],
    ['2025-04-07', true, 'Mon after 清明'],
    ['2025-04-27', true, '劳动节 调休 Sunday'],
    ['2025-05-05', false, '劳动节 last day (Mon)'],
    ['2025-05-06', true, 'Tue after 劳动节'],
    ['2025-06-02', false, '端午 Monday'],
    ['2025-06-03', true, 'Tue after 端午'],
    ['2025-09-28', true, '国庆 调休 Sunday'],
    ['2025-10-08', false, '国庆+中秋 last day (Wed)'],
    ['2025-10-09', true, 'Thu after 国庆'],
    ['2025-10-11', true, '国庆 调休 Saturday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2026-01-02', false, '元旦 Friday'],
    ['2026-01-04', true, '元旦 调休 Sunday'],
    ['2026-01-05', true, 'Monday'],
    ['2026-02-13', true, 'Fri before 春节'],
    ['2026-02-14', true, '春节 调休 Saturday'],
    ['2026-02-16', false, '春节 Monday'],
    ['2026-02-23', false, '春节 last day (Mon)'],
    ['2026-02-24', true, 'Tue after 春节'],
    ['2026-02-28', true, '春节 调休 Saturday'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-04-06', false, '清明 Monday'],
    ['2026-04-07', true, 'Tue after 清明'],
    ['2026-05-01', false, '劳动节 Friday'],
    ['2026-05-05', false, '劳动节 Tuesday'],
    ['2026-05-06', true, 'Wed after 劳动节'],
    ['2026-05-09', true, '劳动节 调休 Saturday'],
    ['2026-05-10', false, 'ordinary Sunday'],
    ['2026-06-19', false, '端午 Friday'],
    ['2026-06-22', true, 'Mon after 端午'],
    ['2026-09-20', true, '国庆 调休 Sunday'],
    ['2026-09-25', false, '中秋 Friday'],
    ['2026-09-28', true, 'Monday between 中秋 and 国庆'],
    ['2026-10-05', false, '国庆 Monday'],
    ['2026-10-07', false, '国庆 last day (Wed)'],
    ['2026-10-08', true, 'Thu after 国庆'],
    ['2026-10-10', true, '国庆 调休 Saturday'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2027-01-01', true, 'no 2027 data: a Friday is a working day (weekends only)'],
    ['2024-10-01', true, 'no 2024 data: a Tuesday is a working day (weekends only)'],
    ['2027-01-02', false, 'no 2027 data: Saturday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(calendar, date)).toBe(expected);
  });
});

describe('addWorkingDays (day 1 = next working day)', () => {
  it.each([
    ['2026-09-28', 10, '2026-10-16', 'crosses 国庆 and uses 10-10'],
    ['2026-09-28', 20, '2026-10-30', '20-day decision limit across 国庆'],
    ['2026-09-18', 3, '2026-09-22', 'counts 调休 Sunday 09-20'],
    ['2026-02-12', 5, '2026-02-26', 'counts 02-14, skips 春节'],
    ['2026-02-12', 10, '2026-03-04', 'counts 02-28'],
    ['2025-12-30', 3, '2026-01-05', 'crosses 元旦 into 2026 and counts 01-04'],
    ['2025-12-31', 1, '2026-01-04', 'day 1 is the 调休 Sunday'],
    ['2026-04-02', 2, '2026-04-07', 'skips 清明'],
    ['2026-04-29', 5, '2026-05-09', 'ends on 劳动节 调休 Saturday'],
    ['2026-06-18', 1, '2026-06-22', 'skips 端午'],
    ['2025-01-24', 2, '2025-01-27', 'counts 01-26'],
    ['2025-01-24', 3, '2025-02-05', 'skips 春节 2025'],
    ['2025-01-24', 6, '2025-02-08', 'ends on 调休 Saturday 02-08'],
    ['2025-04-25', 2, '2025-04-28', 'counts 04-27'],
    ['2025-04-30', 1, '2025-05-06', 'skips 劳动节 2025'],
    ['2025-05-30', 1, '2025-06-03', 'skips 端午 2025'],
    ['2025-04-03', 1, '2025-04-07', 'skips 清明 2025'],
    ['2025-09-26', 1, '2025-09-28', '调休 Sunday 09-28'],
    ['2025-09-30', 1, '2025-10-09', 'skips 国庆+中秋 2025'],
    ['2025-09-30', 3, '2025-10-11', 'ends on 调休 Saturday 10-11'],
    ['2024-12-31', 1, '2025-01-02', 'from a year without data into 元旦 2025'],
    ['2026-10-03', 1, '2026-10-08', 'start on a holiday'],
    ['2026-09-28', 0, '2026-09-28', 'zero days is the start day'],
  ])('%s + %i → %s (%s)', (date, days, expected) => {
    expect(addWorkingDays(calendar, date, days)).toBe(expected);
  });

  it.each([
    ['2026-09-28', 20, '2026-10-29', 'start day is day 1'],
    ['2026-10-03', 1, '2026-10-08', 'start on a holiday: day 1 is the first working day'],
    ['2026-10-10', 1, '2026-10-10', 'start on a 调休 Saturday counts it'],
  ])('countStartDay: %s + %i → %s (%s)', (date, days, expected) => {
    expect(addWorkingDays(calendar, date, days, { countStartDay: true })).toBe(expected);
  });

  it('rejects bad arguments with a CalendarError', () => {
    expect(() => addWorkingDays(calendar, '2026-02-30', 1)).toThrow(/real calendar date/);
    expect(() => addWorkingDays(calendar, '2026-9-1', 1)).toThrow(CalendarError);
    expect(() => addWorkingDays(calendar, '2026-09-01', -1)).toThrow(/non-negative integer/);
    expect(() => addWorkingDays(calendar, '2026-09-01', 1.5)).toThrow(/non-negative integer/);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-09-28', '2026-10-30', 20],
    ['2026-09-28', '2026-10-16', 10],
    ['2026-02-12', '2026-03-04', 10],
    ['2026-09-28', '2026-09-28', 0],
    ['2026-10-30', '2026-09-28', -20],
    ['2025-12-31', '2026-12-31', 248], // 261 weekdays − 19 holiday weekdays + 6 调休 days
    ['2024-12-31', '2025-12-31', 248], // 261 weekdays − 18 holiday weekdays + 5 调休 days
  ])('%s → %s = %i', (from, to, expected) => {
    expect(workingDaysBetween(calendar, from, to)).toBe(expected);
  });

  it('counts the start day with countStartDay', () => {
    expect(workingDaysBetween(calendar, '2026-09-28', '2026-10-29', { countStartDay: true })).toBe(20);
    expect(workingDaysBetween(calendar, '2026-10-03', '2026-10-08', { countStartDay: true })).toBe(1);
  });

  it('agrees with a day-by-day count over 2025–2026', () => {
    let count = 0;
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = isoPlusDays(d, 1))
      if (isWorkingDay(calendar, d)) count++;
    expect(workingDaysBetween(calendar, '2024-12-31', '2026-12-31')).toBe(count);
    expect(count).toBe(496);
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2026-09-30', '2026-10-08'],
    ['2026-02-13', '2026-02-14'],
    ['2026-10-09', '2026-10-10'],
    ['2025-10-10', '2025-10-11'],
    ['2025-01-03', '2025-01-06'],
    ['2026-05-08', '2026-05-09'],
    ['2026-12-31', '2027-01-01'],
  ])('%s → %s', (date, expected) => {
    expect(nextWorkingDay(calendar, date)).toBe(expected);
  });
});

describe('addNaturalDays (an end on a non-working day moves to the next working day)', () => {
  it.each([
    ['2026-09-14', 20, false, '2026-10-08', 'ends 10-04 in 国庆'],
    ['2026-09-28', 20, false, '2026-10-19', 'ends on Sunday 10-18'],
    ['2026-02-10', 10, false, '2026-02-24', 'ends 02-20 in 春节'],
    ['2026-02-04', 10, false, '2026-02-14', 'ends on 调休 Saturday: no move'],
    ['2026-03-01', 5, false, '2026-03-06', 'ends on a Friday'],
    ['2025-09-20', 8, false, '2025-09-28', 'ends on 调休 Sunday'],
    ['2025-09-21', 10, false, '2025-10-09', 'ends 10-01 in 国庆+中秋'],
    ['2026-09-14', 20, true, '2026-10-08', 'countStartDay: ends 10-03'],
    ['2026-09-10', 10, true, '2026-09-20', 'countStartDay: ends Sat 09-19, next working day is 调休 Sunday'],
  ])('%s + %i (countStartDay %s) → %s (%s)', (date, days, countStartDay, expected) => {
    expect(addNaturalDays(calendar, date, days, { countStartDay })).toBe(expected);
  });
});

describe('workingDaysBetween sign', () => {
  it('returns +0, never -0, for a backwards span without working days', () => {
    expect(Object.is(workingDaysBetween(calendar, '2026-10-04', '2026-10-03'), 0)).toBe(true);
  });
});

describe('subtractWorkingDays (strictly before)', () => {
  it.each([
    ['2026-10-08', 1, '2026-09-30'],
    ['2026-10-08', 3, '2026-09-28'],
    ['2026-02-24', 1, '2026-02-14'],
    ['2026-02-24', 2, '2026-02-13'],
    ['2026-01-05', 2, '2025-12-31'],
    ['2025-10-13', 1, '2025-10-11'],
    ['2026-10-30', 0, '2026-10-30'],
  ])('%s − %i → %s', (date, days, expected) => {
    expect(subtractWorkingDays(calendar, date, days)).toBe(expected);
  });
});
