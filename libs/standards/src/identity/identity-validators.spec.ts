import { validateMobile } from './mobile.validator';
import { residentIdCheckDigit, validateResidentId } from './resident-id.validator';
import { holderSchema, residentIdSchema, usccSchema } from './identity.schema';
import { usccCheckCharacter, validateUscc } from './uscc.validator';

describe('validateResidentId', () => {
  it('accepts the GB 11643 example with check digit X', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ ok: true });
  });

  it('reports a wrong check digit at position 18 with the expected digit', () => {
    const r = validateResidentId('110105194912310021');
    expect(r).toMatchObject({ ok: false, rule: 'check-digit', position: 18 });
    expect(!r.ok && r.message).toContain("expected 'X'");
  });

  it.each([
    ['11010519491231002', 'length', undefined],
    ['1101051949123100AX', 'format', 17],
    ['99010519491231002X', 'region', 1],
    ['110105194902300021', 'birth-date', 7],
    ['110105189912310021', 'birth-date', 7],
  ])('%s fails rule %s', (id, rule, position) => {
    const r = validateResidentId(id);
    expect(r).toMatchObject({ ok: false, rule });
    if (position !== undefined) expect(r).toMatchObject({ position });
  });

  it('accepts 29 February only in leap years', () => {
    const leap = '11010520000229001';
    const nonLeap = '11010519990229001';
    expect(validateResidentId(leap + residentIdCheckDigit(leap)).ok).toBe(true);
    expect(validateResidentId(nonLeap + residentIdCheckDigit(nonLeap))).toMatchObject({
      ok: false,
      rule: 'birth-date',
    });
  });

  it('rejects a birth date after asOf', () => {
    const id = '37990220270101001';
    expect(validateResidentId(id + residentIdCheckDigit(id), { asOf: '2026-11-20' })).toMatchObject({
      ok: false,
      rule: 'birth-date',
    });
  });
});

describe('validateUscc', () => {
  it.each(['11370800MB28559184', '12441500196720244T', '11100000000013338W', '11430000006122244L'])(
    'accepts the real code %s from docs/domain.md (§1.2, §4.3)',
    (code) => {
      expect(validateUscc(code)).toEqual({ ok: true });
    },
  );

  it('reports a wrong check character with the expected one', () => {
    const r = validateUscc('11370800MB28559185');
    expect(r).toMatchObject({ ok: false, rule: 'check-character', position: 18 });
    expect(!r.ok && r.message).toContain("expected '4'");
  });

  it('rejects letters outside the GB 32100 alphabet, naming the position', () => {
    expect(validateUscc('11370800MI28559184')).toMatchObject({ ok: false, rule: 'charset', position: 10 });
  });

  it('rejects a non-numeric division code and a wrong length', () => {
    expect(validateUscc('113708A0MB28559184')).toMatchObject({ ok: false, rule: 'region', position: 3 });
    expect(validateUscc('11370800MB2855918')).toMatchObject({ ok: false, rule: 'length' });
  });

  it('computes check characters that validate', () => {
    expect(usccCheckCharacter('91379900MA3C00017')).toBe('X');
  });
});

describe('validateMobile', () => {
  it('accepts 11-digit numbers with an optional +86', () => {
    expect(validateMobile('13800138000')).toEqual({ ok: true });
    expect(validateMobile('+8619912345678')).toEqual({ ok: true });
  });
  it('names the failed rule', () => {
    expect(validateMobile('1380013800')).toMatchObject({ ok: false, rule: 'length' });
    expect(validateMobile('12800138000')).toMatchObject({ ok: false, rule: 'prefix' });
    expect(validateMobile('1380013800a')).toMatchObject({ ok: false, rule: 'format', position: 11 });
  });
});

describe('zod refinements', () => {
  it('carry the validator message', () => {
    const r = residentIdSchema.safeParse('110105194912310021');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toContain('check digit');
    expect(usccSchema.safeParse('11370800MB28559184').success).toBe(true);
  });
  it('checks a holder code against its type', () => {
    expect(
      holderSchema.safeParse({ name: '张伟', codeType: 'uscc', code: '11010519491231002X' }).success,
    ).toBe(false);
    expect(
      holderSchema.safeParse({ name: '张伟', codeType: 'resident_id', code: '11010519491231002X' }).success,
    ).toBe(true);
  });
});
