import { certificateValidUntil } from './certificate.schema';

describe('certificateValidUntil', () => {
  it('ends the day before the anniversary, and never for a long-term type', () => {
    expect(certificateValidUntil({ validityYears: 5 }, '2026-12-15')).toBe('2031-12-14');
    expect(certificateValidUntil({ validityYears: 1 }, '2027-01-01')).toBe('2027-12-31');
    expect(certificateValidUntil({ validityYears: 4 }, '2026-03-01')).toBe('2030-02-28');
    expect(certificateValidUntil({}, '2026-12-15')).toBeUndefined();
  });

  it('a 29 February start ends on 28 February of a year without it', () => {
    expect(certificateValidUntil({ validityYears: 1 }, '2028-02-29')).toBe('2029-02-28');
    expect(certificateValidUntil({ validityYears: 4 }, '2028-02-29')).toBe('2032-02-28');
  });
});
