import { CalendarError, endOfShanghaiDay, toShanghaiDate } from '../src';

describe('toShanghaiDate', () => {
  it.each([
    ['2026-09-27T16:00:00Z', '2026-09-28'],
    ['2026-09-27T15:59:59.999Z', '2026-09-27'],
    ['2026-09-28T00:30:00+08:00', '2026-09-28'],
    ['2026-09-28T23:59:59+08:00', '2026-09-28'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2026-09-28T10:00-04:00', '2026-09-28'],
  ])('%s → %s', (instant, expected) => {
    expect(toShanghaiDate(instant)).toBe(expected);
  });

  it.each([
    [0, '1970-01-01'],
    [-28_800_000, '1970-01-01'],
    [-28_800_001, '1969-12-31'],
    [Date.UTC(2026, 8, 27, 16), '2026-09-28'],
  ])('epoch ms %i → %s', (ms, expected) => {
    expect(toShanghaiDate(ms)).toBe(expected);
  });

  it.each(['2026-09-28', '2026-09-28T10:00:00', 'yesterday', '2026-13-01T00:00:00Z'])(
    'refuses %s (no offset or not ISO)',
    (bad) => {
      expect(() => toShanghaiDate(bad)).toThrow(CalendarError);
    },
  );

  it('refuses non-finite numbers', () => {
    expect(() => toShanghaiDate(Number.NaN)).toThrow(/finite epoch milliseconds/);
  });
});

describe('endOfShanghaiDay', () => {
  it('is 23:59:59.999 +08:00', () => {
    expect(endOfShanghaiDay('1970-01-01')).toBe(57_599_999);
    expect(endOfShanghaiDay('2026-10-30')).toBe(Date.parse('2026-10-30T23:59:59.999+08:00'));
  });

  it('is the last millisecond of that Shanghai date', () => {
    const end = endOfShanghaiDay('2026-10-30');
    expect(toShanghaiDate(end)).toBe('2026-10-30');
    expect(toShanghaiDate(end + 1)).toBe('2026-10-31');
  });
});
