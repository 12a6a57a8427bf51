import {
  OFFICIAL_CALENDAR_DATA,
  WorkingCalendar,
  calendarDataSchema,
  calendarYearSchema,
  CalendarError,
  type CalendarYear,
} from '../src';
import { FIXTURE_REGIONAL_RULE } from './fixtures/test-calendars';

const base: CalendarYear = {
  year: 2026,
  source: 'test notice',
  provisional: false,
  holidays: [{ name: '国庆节', start: '2026-10-01', end: '2026-10-07' }],
  adjustedWorkingDays: ['2026-10-10'],
};
const messagesOf = (
  input: unknown,
  schema: {
    safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } };
  } = calendarYearSchema,
) => {
  const result = schema.safeParse(input);
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
};

describe('calendarYearSchema', () => {
  it('accepts the shipped official data', () => {
    expect(calendarDataSchema.safeParse(OFFICIAL_CALENDAR_DATA).success).toBe(true);
    expect(messagesOf(base)).toEqual([]);
  });

  it.each([
    [
      'a holiday outside the year',
      { ...base, holidays: [{ name: '元旦', start: '2025-12-31', end: '2026-01-01' }] },
      'holiday "元旦" start 2025-12-31 is not inside 2026',
    ],
    [
      'overlapping holidays',
      { ...base, holidays: [...base.holidays, { name: '中秋节', start: '2026-09-25', end: '2026-10-01' }] },
      'overlaps "中秋节" (2026-09-25…2026-10-01)',
    ],
    [
      'an adjusted day on a weekday',
      { ...base, adjustedWorkingDays: ['2026-10-09'] },
      'adjusted working day 2026-10-09 is not a Saturday or Sunday',
    ],
    [
      'an adjusted day inside a holiday',
      { ...base, adjustedWorkingDays: ['2026-10-04'] },
      'adjusted working day 2026-10-04 lies inside holiday "国庆节"',
    ],
    [
      'an adjusted day outside the year',
      { ...base, adjustedWorkingDays: ['2025-10-11'] },
      'adjusted working day 2025-10-11 is not inside 2026',
    ],
    [
      'a repeated adjusted day',
      { ...base, adjustedWorkingDays: ['2026-10-10', '2026-10-10'] },
      'adjusted working day 2026-10-10 is listed twice',
    ],
    [
      'an end before the start',
      { ...base, holidays: [{ name: '国庆节', start: '2026-10-07', end: '2026-10-01' }] },
      'holiday end must not be before its start',
    ],
    [
      'an impossible date',
      { ...base, holidays: [{ name: '春节', start: '2026-02-15', end: '2026-02-30' }] },
      'must be a real calendar date in the form YYYY-MM-DD',
    ],
    ['a missing source', { ...base, source: ' ' }, 'source (the notice reference) is required'],
    ['a missing provisional flag', { ...base, provisional: undefined }, 'expected boolean'],
  ])('refuses %s with a clear message', (_label, input, message) => {
    expect(messagesOf(input).join(' | ')).toContain(message);
  });
});

describe('calendarDataSchema', () => {
  it('refuses a repeated year', () => {
    expect(messagesOf({ years: [base, base] }, calendarDataSchema)).toContain(
      'year 2026 appears more than once',
    );
  });

  it('accepts regional rules that do not contradict the national year', () => {
    expect(
      messagesOf({ ...OFFICIAL_CALENDAR_DATA, regionalRules: [FIXTURE_REGIONAL_RULE] }, calendarDataSchema),
    ).toEqual([]);
  });

  it.each([
    [
      'a local holiday overlapping a national one',
      { ...FIXTURE_REGIONAL_RULE, holidays: [{ name: '测试节', start: '2026-10-07', end: '2026-10-09' }] },
      'local holiday "测试节" (2026-10-07…2026-10-09) overlaps national holiday "国庆节" (2026-10-01…2026-10-07)',
    ],
    [
      'a local 调休 day inside a national holiday',
      { ...FIXTURE_REGIONAL_RULE, adjustedWorkingDays: ['2026-10-04'] },
      'adjusted working day 2026-10-04 lies inside national holiday "国庆节"',
    ],
    [
      'a local 调休 day that is already national',
      { ...FIXTURE_REGIONAL_RULE, adjustedWorkingDays: ['2026-10-10'] },
      'already a national adjusted working day',
    ],
    [
      'rules for a year without national data',
      { ...FIXTURE_REGIONAL_RULE, year: 2027, holidays: [], adjustedWorkingDays: [] },
      'regional rules need the national 2027 calendar first',
    ],
    [
      'a bad region code',
      { ...FIXTURE_REGIONAL_RULE, regionCode: '65' },
      'regionCode must be a 6-digit administrative division code',
    ],
  ])('refuses %s', (_label, rule, message) => {
    expect(
      messagesOf({ ...OFFICIAL_CALENDAR_DATA, regionalRules: [rule] }, calendarDataSchema).join(' | '),
    ).toContain(message);
  });

  it('WorkingCalendar.fromData throws a CalendarError listing the problems', () => {
    expect(() =>
      WorkingCalendar.fromData({ years: [{ ...base, adjustedWorkingDays: ['2026-10-09'] }] }),
    ).toThrow(CalendarError);
    expect(() =>
      WorkingCalendar.fromData({ years: [{ ...base, adjustedWorkingDays: ['2026-10-09'] }] }),
    ).toThrow(
      /years\.0\.adjustedWorkingDays\.0: 2026: adjusted working day 2026-10-09 is not a Saturday or Sunday/,
    );
  });
});
