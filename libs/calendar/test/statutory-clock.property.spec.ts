import fc from 'fast-check';
import {
  StatutoryClock,
  SUSPENSION_REASON_KINDS,
  createOfficialCalendar,
  isWorkingDay,
  type SuspensionReason,
} from '../src';
import { isoPlusDays } from './fixtures/test-calendars';

const calendar = createOfficialCalendar();
const startDate = fc.integer({ min: 0, max: 900 }).map((k) => isoPlusDays('2024-10-01', k));
const limit = fc.record({
  value: fc.integer({ min: 1, max: 60 }),
  unit: fc.constantFrom('working_day' as const, 'natural_day' as const),
});
const reason: fc.Arbitrary<SuspensionReason> = fc
  .constantFrom(...SUSPENSION_REASON_KINDS)
  .map((kind) => (kind === 'other' ? { kind, note: '说明' } : { kind }));

/** A clock with up to 10 ordered, closed suspensions (offsets in days after the start). */
const clockArbitrary = fc
  .tuple(
    startDate,
    limit,
    fc.boolean(),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), reason), {
      maxLength: 10,
    }),
    fc.option(fc.integer({ min: 1, max: 15 })),
  )
  .map(([start, lim, countStartDay, gaps, extension]) => {
    let clock = StatutoryClock.start({ startDate: start, limit: lim, countStartDay });
    let cursor = start;
    gaps.forEach(([gap, length, why], i) => {
      const from = isoPlusDays(cursor, i === 0 ? gap : gap + 1);
      const to = isoPlusDays(from, length);
      clock = clock.suspend(why, from).resume(to);
      cursor = to;
    });
    if (extension !== null) clock = clock.extend(extension, '局长', '理由');
    return { clock, lastDay: cursor };
  });

describe('statutory clock properties', () => {
  it('adding a suspension never moves the due date earlier', () => {
    fc.assert(
      fc.property(
        clockArbitrary,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        reason,
        ({ clock, lastDay }, gap, length, why) => {
          const from = isoPlusDays(lastDay, gap);
          const later = clock.suspend(why, from).resume(isoPlusDays(from, length));
          expect((later.dueAt(calendar).date as string) >= (clock.dueAt(calendar).date as string)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a suspension that covers no working day changes nothing (working-day limits)', () => {
    const nonWorkingDay = fc
      .integer({ min: 0, max: 1000 })
      .map((k) => isoPlusDays('2024-10-01', k))
      .filter((d) => !isWorkingDay(calendar, d));
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 60 }), nonWorkingDay, (start, value, from) => {
        fc.pre(from >= start);
        let to = from;
        while (!isWorkingDay(calendar, isoPlusDays(to, 1))) to = isoPlusDays(to, 1);
        const clock = StatutoryClock.start({ startDate: start, limit: { value, unit: 'working_day' } });
        const suspended = clock.suspend({ kind: 'hearing' }, from).resume(to);
        expect(suspended.dueAt(calendar)).toEqual(clock.dueAt(calendar));
        const at = isoPlusDays(to, 3);
        expect(suspended.remaining(calendar, at)).toBe(clock.remaining(calendar, at));
      }),
      { numRuns: 500 },
    );
  });

  it('serialisation round-trips exactly', () => {
    fc.assert(
      fc.property(clockArbitrary, fc.boolean(), ({ clock, lastDay }, leaveOpen) => {
        const value = leaveOpen
          ? clock.suspend({ kind: 'supplement', note: '补正材料' }, isoPlusDays(lastDay, 1))
          : clock;
        const restored = StatutoryClock.fromJSON(JSON.parse(JSON.stringify(value)));
        expect(restored.toJSON()).toStrictEqual(value.toJSON());
        expect(restored.dueAt(calendar)).toEqual(value.dueAt(calendar));
        expect(restored.state).toBe(value.state);
      }),
      { numRuns: 500 },
    );
  });

  it('remaining + elapsed equals the total for working-day limits', () => {
    fc.assert(
      fc.property(clockArbitrary, fc.integer({ min: 0, max: 400 }), ({ clock }, offset) => {
        fc.pre(clock.limit.unit === 'working_day');
        const at = isoPlusDays(clock.startDate, offset);
        expect(clock.remaining(calendar, at) + clock.elapsed(calendar, at)).toBe(clock.totalDays);
      }),
    );
  });

  it('the due day is the day on which elapsed first reaches the total', () => {
    fc.assert(
      fc.property(clockArbitrary, ({ clock }) => {
        fc.pre(clock.limit.unit === 'working_day');
        const due = clock.dueAt(calendar).date as string;
        expect(clock.elapsed(calendar, due)).toBe(clock.totalDays);
        expect(clock.elapsed(calendar, isoPlusDays(due, -1))).toBe(clock.totalDays - 1);
        expect(clock.warningLevel(calendar, due)).not.toBe('overdue');
        expect(clock.warningLevel(calendar, isoPlusDays(due, 1))).toBe('overdue');
      }),
    );
  });
});
