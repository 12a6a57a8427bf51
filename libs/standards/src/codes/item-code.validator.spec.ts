import {
  validateBasicCode,
  validateHandlingItemCode,
  validateImplementationCode,
} from './item-code.validator';

describe('item codes', () => {
  it.each(['000117112000', '370117002011', '442199806003'])('accepts the real basic code %s', (code) => {
    expect(validateBasicCode(code)).toEqual({ ok: true });
  });

  it.each(['11370800MB285591843370117002011', '12441500196720244T3442199806003'])(
    'accepts the real implementation code %s',
    (code) => {
      expect(validateImplementationCode(code)).toEqual({ ok: true });
    },
  );

  it('accepts the real handling item code', () => {
    expect(validateHandlingItemCode('11370800MB285591843000117112000' + '01')).toEqual({ ok: true });
  });

  it('says which part of an implementation code is wrong', () => {
    expect(validateImplementationCode('11370800MB285591853370117002011')).toMatchObject({
      ok: false,
      rule: 'implementing-body-uscc',
      position: 18,
    });
    expect(validateImplementationCode('11370800MB285591848370117002011')).toMatchObject({
      ok: false,
      rule: 'exercise-level',
      position: 19,
    });
    expect(validateImplementationCode('11370800MB2855918433701170020A1')).toMatchObject({
      ok: false,
      rule: 'format',
      position: 30,
    });
    expect(validateImplementationCode('11370800MB285591843990117002011')).toMatchObject({
      ok: false,
      rule: 'basic-code-region',
      position: 20,
    });
    expect(validateImplementationCode('11370800MB2855918433701')).toMatchObject({
      ok: false,
      rule: 'length',
    });
  });

  it('rejects a basic code whose type segment is not an item type', () => {
    expect(validateBasicCode('003017112000')).toMatchObject({
      ok: false,
      rule: 'basic-code-type',
      position: 3,
    });
  });

  it('rejects handling sequence 00', () => {
    expect(validateHandlingItemCode('11370800MB285591843000117112000' + '00')).toMatchObject({
      ok: false,
      rule: 'handling-item-sequence',
      position: 32,
    });
  });
});
