import { chineseDay, chineseMoment, chineseSpan } from './chinese-dates';

describe('dates as printed on a notice', () => {
  it('prints a day without leading zeros', () => {
    expect(chineseDay('2027-01-05')).toBe('2027年1月5日');
  });
  it('prints a holiday range, naming the year once unless it changes', () => {
    expect(chineseSpan('2027-10-01', '2027-10-03')).toBe('2027年10月1日至10月3日');
    expect(chineseSpan('2026-12-31', '2027-01-01')).toBe('2026年12月31日至2027年1月1日');
    expect(chineseSpan('2027-05-01', '2027-05-01')).toBe('2027年5月1日');
  });
  it('prints an instant in the centre’s time (UTC+8), across midnight', () => {
    expect(chineseMoment('2026-12-07T17:05:00.000Z')).toBe('2026年12月8日01时05分');
  });
});
