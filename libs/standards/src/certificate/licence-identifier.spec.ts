import { certificateSchema } from './certificate.schema';
import {
  buildLicenceIdentifier,
  parseLicenceIdentifier,
  validateLicenceIdentifier,
} from './licence-identifier';

const EXAMPLE = '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U';

describe('licence identifier', () => {
  it('accepts the example from docs/domain.md §4.2 (MOD 37,36 reproduces its check character U)', () => {
    expect(validateLicenceIdentifier(EXAMPLE)).toEqual({ ok: true });
  });

  it('builds what it parses', () => {
    const parts = parseLicenceIdentifier(EXAMPLE);
    expect(parts).toMatchObject({
      typeCode: '11100000000013338W011',
      issuerCode: '11430000006122244L',
      serial: '20230000403',
      version: '001',
    });
    expect(
      buildLicenceIdentifier({
        typeCode: '11100000000013338W011',
        issuerCode: '11430000006122244L',
        serial: '20230000403',
        version: '001',
      }),
    ).toBe(EXAMPLE);
  });

  it('names the failing part', () => {
    expect(validateLicenceIdentifier(EXAMPLE.replace(/U$/, 'V'))).toMatchObject({
      ok: false,
      rule: 'check-character',
    });
    expect(validateLicenceIdentifier(EXAMPLE.replace('1.2.156', '1.2.157'))).toMatchObject({
      ok: false,
      rule: 'root',
    });
    expect(validateLicenceIdentifier(EXAMPLE.replace('6122244L', '6122244M'))).toMatchObject({
      ok: false,
      rule: 'issuer-code',
    });
    expect(validateLicenceIdentifier(EXAMPLE.replace('.001.', '.01.'))).toMatchObject({
      ok: false,
      rule: 'version',
    });
  });
});

describe('certificateSchema', () => {
  const base = {
    identifier: EXAMPLE,
    typeCode: '11100000000013338W011',
    name: '建筑工程施工许可证',
    number: '20230000403',
    holder: { name: '某建设公司', codeType: 'uscc', code: '91379900MA3C00017X' },
    issuer: { name: '湖南省住房和城乡建设厅', code: '11430000006122244L' },
    issuedOn: '2023-04-03',
    validFrom: '2023-04-03',
    status: 'valid',
  };
  it('accepts a consistent certificate', () => {
    expect(certificateSchema.safeParse(base).success).toBe(true);
  });
  it('rejects an identifier that names another type, and validity ending before it starts', () => {
    expect(certificateSchema.safeParse({ ...base, typeCode: '11100000000013338W012' }).success).toBe(false);
    expect(certificateSchema.safeParse({ ...base, validUntil: '2022-01-01' }).success).toBe(false);
  });
});
