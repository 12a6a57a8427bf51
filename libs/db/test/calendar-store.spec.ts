import { WorkingCalendar, calendarYearSchema, isWorkingDay, type CalendarYear } from '@onewindow/calendar';
import { createSqliteTestDatabase, loadCalendarData, saveCalendarYear } from '../src';

// A stand-in 2027 notice for the test (the real one is published in winter 2026).
const notice2027: CalendarYear = calendarYearSchema.parse({
  year: 2027,
  source: 'test notice 2027',
  provisional: false,
  holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-03' }],
  adjustedWorkingDays: [],
});

describe('calendar store', () => {
  it('serves official data, then an uploaded year that removes the provisional flag', async () => {
    const t = await createSqliteTestDatabase();
    try {
      const before = WorkingCalendar.fromData(await loadCalendarData(t.db));
      expect(isWorkingDay(before, '2027-01-01')).toBe(true); // weekends-only fallback: a Friday
      await saveCalendarYear(t.db, notice2027, 'admin');
      const after = WorkingCalendar.fromData(await loadCalendarData(t.db));
      expect(isWorkingDay(after, '2027-01-01')).toBe(false);
      expect(isWorkingDay(after, '2026-10-01')).toBe(false); // official data still there
    } finally {
      await t.dispose();
    }
  });

  it('refuses to overwrite an official year and stores nothing', async () => {
    const t = await createSqliteTestDatabase();
    try {
      const bogus2026 = {
        ...notice2027,
        year: 2026,
        holidays: [{ name: '元旦', start: '2026-01-01', end: '2026-01-01' }],
      };
      await expect(saveCalendarYear(t.db, calendarYearSchema.parse(bogus2026), 'admin')).rejects.toThrow(
        /2026 already has official data/,
      );
      expect(await t.db.calendarYear.count()).toBe(0);
    } finally {
      await t.dispose();
    }
  });
});
