import fc from 'fast-check';
import { residentIdCheckDigit, validateResidentId } from './resident-id.validator';
import { USCC_ALPHABET, usccCheckCharacter, validateUscc } from './uscc.validator';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const residentIdArb = fc
  .record({
    region: fc.constantFrom('110105', '379902', '440305', '510107'),
    date: fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-01'), noInvalidDate: true }),
    seq: digits(3),
  })
  .map(({ region, date, seq }) => {
    const first17 = region + date.toISOString().slice(0, 10).replace(/-/g, '') + seq;
    return first17 + residentIdCheckDigit(first17);
  });
const usccArb = fc
  .record({
    head: fc.constantFrom('11', '12', '51', '91', '92', '93', 'Y1'),
    region: digits(6),
    org: fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 9, maxLength: 9 }).map((a) => a.join('')),
  })
  .map(({ head, region, org }) => head + region + org + usccCheckCharacter(head + region + org));

describe('check characters (property)', () => {
  it('accept every well-formed resident ID and catch any single changed digit', () => {
    fc.assert(
      fc.property(
        residentIdArb,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, pos, delta) => {
          expect(validateResidentId(id)).toEqual({ ok: true });
          const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
          expect(validateResidentId(changed).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accept every well-formed USCC and catch any single changed character', () => {
    fc.assert(
      fc.property(
        usccArb,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        (code, pos, delta) => {
          expect(validateUscc(code)).toEqual({ ok: true });
          const changed =
            code.slice(0, pos) +
            USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[pos]) + delta) % 31] +
            code.slice(pos + 1);
          expect(validateUscc(changed).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
