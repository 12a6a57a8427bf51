import {
  CalendarErrorCode,
  OFFICIAL_CALENDAR_DATA,
  mergeCalendarYear,
  type CalendarError,
  type CalendarYear,
} from '../src';
import { DATA_WITH_REGION, FIXTURE_2027 } from './fixtures/test-calendars';

const codeAndMessage = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return { code: (error as CalendarError).code, message: (error as Error).message };
  }
};

describe('mergeCalendarYear', () => {
  it('adds a new year in order without touching the input', () => {
    const merged = mergeCalendarYear(OFFICIAL_CALENDAR_DATA, FIXTURE_2027);
    expect(merged.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(OFFICIAL_CALENDAR_DATA.years).toHaveLength(2);
  });

  it('treats the same upload twice as a no-op', () => {
    const once = mergeCalendarYear(OFFICIAL_CALENDAR_DATA, FIXTURE_2027);
    const reordered: CalendarYear = { ...FIXTURE_2027, holidays: [...FIXTURE_2027.holidays].reverse() };
    expect(mergeCalendarYear(once, reordered)).toBe(once);
  });

  it('replaces a provisional year with the official notice', () => {
    const provisional = mergeCalendarYear(OFFICIAL_CALENDAR_DATA, {
      ...FIXTURE_2027,
      provisional: true,
      source: 'estimate',
      holidays: [],
    });
    const official = mergeCalendarYear(provisional, FIXTURE_2027);
    expect(official.years.find((y) => y.year === 2027)).toEqual(FIXTURE_2027);
  });

  it('refuses to overwrite official data unless a correction is confirmed', () => {
    const changed: CalendarYear = {
      ...OFFICIAL_CALENDAR_DATA.years[1],
      source: 'another notice',
      adjustedWorkingDays: [],
    };
    expect(codeAndMessage(() => mergeCalendarYear(OFFICIAL_CALENDAR_DATA, changed))).toEqual({
      code: CalendarErrorCode.YearConflict,
      message: expect.stringContaining(
        '2026 already has official data (国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)) that differs from the upload (another notice)',
      ),
    });
    expect(
      mergeCalendarYear(OFFICIAL_CALENDAR_DATA, changed, { replaceOfficial: true }).years[1]
        .adjustedWorkingDays,
    ).toEqual([]);
  });

  it('refuses a provisional year over an official one', () => {
    expect(
      codeAndMessage(() =>
        mergeCalendarYear(OFFICIAL_CALENDAR_DATA, { ...OFFICIAL_CALENDAR_DATA.years[0], provisional: true }),
      )?.message,
    ).toContain('a provisional year cannot replace it');
  });

  it('refuses a year that clashes with existing regional rules', () => {
    const clash: CalendarYear = {
      ...OFFICIAL_CALENDAR_DATA.years[1],
      holidays: [
        ...OFFICIAL_CALENDAR_DATA.years[1].holidays,
        { name: '新节日', start: '2026-05-28', end: '2026-05-28' },
      ],
    };
    expect(
      codeAndMessage(() => mergeCalendarYear(DATA_WITH_REGION, clash, { replaceOfficial: true })),
    ).toEqual({
      code: CalendarErrorCode.YearConflict,
      message: expect.stringContaining(
        'local holiday "测试节" (2026-05-27…2026-05-29) overlaps national holiday "新节日"',
      ),
    });
  });

  it('refuses an invalid year', () => {
    expect(
      codeAndMessage(() =>
        mergeCalendarYear(OFFICIAL_CALENDAR_DATA, { ...FIXTURE_2027, adjustedWorkingDays: ['2027-01-04'] }),
      )?.message,
    ).toContain('adjusted working day 2027-01-04 is not a Saturday or Sunday');
  });
});
