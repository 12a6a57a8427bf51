import dayjs from 'dayjs';
import { centreInstant, centreNow, centreTime, centreToday } from './centre-day';

// The web tests' browser is on Honolulu time (UTC−10, see jest.config.cjs), 18 hours behind the centre.
afterAll(() => jest.useRealTimers());

describe('the centre’s day and time in a browser in another time zone', () => {
  it('is today on the centre’s calendar once it is past midnight in Shanghai, though the browser is still on yesterday', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T16:05:00Z') });
    const browserNow = new Date(Date.now());
    expect([browserNow.getDate(), browserNow.getHours()]).toEqual([7, 6]);
    expect(centreToday().format('YYYY-MM-DD')).toBe('2026-12-08');
    expect(centreToday().format('HH:mm')).toBe('00:00');
  });

  it('is the same day as the browser’s when both have passed midnight', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-08T15:59:59Z') });
    expect(centreToday().format('YYYY-MM-DD')).toBe('2026-12-08');
  });

  it('shows an instant as the centre’s wall-clock time, with the pattern asked for', () => {
    expect(centreTime('2026-12-07T16:05:00Z')).toBe('2026-12-08 00:05');
    expect(centreTime(Date.parse('2026-12-07T01:02:03Z'), 'MM-DD HH:mm:ss')).toBe('12-07 09:02:03');
    expect(centreTime(new Date('2026-12-31T20:00:00+08:00'), 'YYYY-MM-DD HH:mm')).toBe('2026-12-31 20:00');
  });

  it('puts a picker with time on the centre’s clock, and reads what is picked there as the centre’s time', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T16:05:00Z') });
    expect(centreNow().format('YYYY-MM-DD HH:mm')).toBe('2026-12-08 00:05');
    const picked = dayjs('2026-12-08 09:30', 'YYYY-MM-DD HH:mm');
    expect(centreInstant(picked)).toBe('2026-12-08T09:30:00+08:00');
    expect(new Date(centreInstant(centreNow())).getTime()).toBe(Date.parse('2026-12-07T16:05:00Z'));
  });
});
