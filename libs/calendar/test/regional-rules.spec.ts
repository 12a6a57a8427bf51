import { WorkingCalendar, addWorkingDays, holidaysCrossed, isWorkingDay } from '../src';
import { DATA_WITH_REGION } from './fixtures/test-calendars';

// Fixture region 650000: local holiday Wed 27 – Fri 29 May 2026, local 调休 Sunday 31 May.
const national = WorkingCalendar.fromData(DATA_WITH_REGION);
const regional = WorkingCalendar.fromData(DATA_WITH_REGION, { regionCode: '650000' });
const otherRegion = WorkingCalendar.fromData(DATA_WITH_REGION, { regionCode: '110000' });

describe('regional rules', () => {
  it.each([
    ['2026-05-27', true, false],
    ['2026-05-29', true, false],
    ['2026-05-31', false, true],
    ['2026-05-26', true, true],
  ])('%s: national working %s, regional working %s', (date, nationalWorking, regionalWorking) => {
    expect(isWorkingDay(national, date)).toBe(nationalWorking);
    expect(isWorkingDay(otherRegion, date)).toBe(nationalWorking);
    expect(isWorkingDay(regional, date)).toBe(regionalWorking);
  });

  it('moves deadlines only in the region', () => {
    // National: 27, 28, 29 May are days 1–3. Regional: 31 May (Sun, local 调休) is day 1, 1 June day 2, 2 June day 3.
    expect(addWorkingDays(national, '2026-05-26', 3)).toBe('2026-05-29');
    expect(addWorkingDays(regional, '2026-05-26', 3)).toBe('2026-06-02');
  });

  it('lists local holidays with their region code', () => {
    expect(holidaysCrossed(regional, '2026-05-01', '2026-05-31')).toEqual([
      { name: '劳动节', nameEn: 'Labour Day', start: '2026-05-01', end: '2026-05-05', daysInPeriod: 5 },
      {
        name: '测试节',
        nameEn: 'Test Festival',
        start: '2026-05-27',
        end: '2026-05-29',
        regionCode: '650000',
        daysInPeriod: 3,
      },
    ]);
    expect(holidaysCrossed(national, '2026-05-01', '2026-05-31')).toHaveLength(1);
  });
});
