import { buildLicenceIdentifier } from '../../certificate/licence-identifier';
import type { Certificate } from '../../certificate/certificate.schema';
import type { Holder } from '../../identity/identity.schema';
import { CT } from './certificate-types.data';
import { SEED_DEPARTMENTS, type SeedDepartmentKey } from './departments.data';

/** The date the demo checklist is previewed on (never the clock). */
export const DEMO_AS_OF = '2026-11-20';

export interface DemoApplicantInput {
  holder: Holder;
  mobile: string;
  note: string;
  certificates: Certificate[];
}

type CertSpec = [
  type: keyof typeof CT,
  name: string,
  issuer: SeedDepartmentKey,
  serial: string,
  issuedOn: string,
  validUntil: string | undefined,
  status: Certificate['status'],
];

function certificates(holder: Holder, specs: CertSpec[]): Certificate[] {
  return specs.map(([type, name, issuer, serial, issuedOn, validUntil, status]) => ({
    identifier: buildLicenceIdentifier({
      typeCode: CT[type],
      issuerCode: SEED_DEPARTMENTS[issuer].uscc,
      serial,
      version: '001',
    }),
    typeCode: CT[type],
    name,
    number: `${serial}`,
    holder,
    issuer: { name: SEED_DEPARTMENTS[issuer].name, code: SEED_DEPARTMENTS[issuer].uscc },
    issuedOn,
    validFrom: issuedOn,
    ...(validUntil ? { validUntil } : {}),
    jurisdictionCode: '379900',
    status,
  }));
}

const person = (name: string, code: string): Holder => ({ name, codeType: 'resident_id', code });
const company = (name: string, code: string): Holder => ({ name, codeType: 'uscc', code });

const ZHANG = person('张伟', '379902198503121235');
const WANG = person('王芳', '379902198707162426');
const LI = person('李建国', '379902196401053017');
const CHEN = person('陈晨', '379902199002284153');
const WEIDAO = company('示范市味道餐饮有限公司', '91379900MA3C00017X');
const XINCHUANG = company('示范新创科技有限公司', '91379900MA3C00025Q');

/** Made-up applicants (check-digit-valid codes) with certificates on file, some expired or revoked on purpose. */
export const DEMO_APPLICANTS: DemoApplicantInput[] = [
  {
    holder: ZHANG,
    mobile: '13800000001',
    note: '新生儿父亲：驾驶证已吊销，健康证明已过期（状态仍为有效，按日期过期）',
    certificates: certificates(ZHANG, [
      ['ID_CARD', '居民身份证', 'GAJ_ZX', '20150601001', '2015-06-01', '2035-06-01', 'valid'],
      ['HOUSEHOLD_REGISTER', '居民户口簿', 'GAJ_ZX', '20100301017', '2010-03-01', undefined, 'valid'],
      ['MARRIAGE_CERTIFICATE', '结婚证', 'MZJ', '20240520033', '2024-05-20', undefined, 'valid'],
      ['DRIVING_LICENCE', '机动车驾驶证', 'GAJ', '20190815009', '2019-08-15', '2029-08-15', 'revoked'],
      [
        'HEALTH_CERTIFICATE',
        '食品从业人员健康证明',
        'WJW',
        '20240301102',
        '2024-03-01',
        '2025-03-01',
        'valid',
      ],
    ]),
  },
  {
    holder: WANG,
    mobile: '13900000002',
    note: '新生儿母亲：身份证已过期',
    certificates: certificates(WANG, [
      ['ID_CARD', '居民身份证', 'GAJ_ZX', '20060716004', '2006-07-16', '2026-07-16', 'expired'],
      ['MARRIAGE_CERTIFICATE', '结婚证', 'MZJ', '20240520034', '2024-05-20', undefined, 'valid'],
    ]),
  },
  {
    holder: LI,
    mobile: '15000000003',
    note: '即将退休职工：身份证长期有效，社保卡有效',
    certificates: certificates(LI, [
      ['ID_CARD', '居民身份证', 'GAJ_ZX', '20120105021', '2012-01-05', undefined, 'valid'],
      ['SOCIAL_SECURITY_CARD', '社会保障卡', 'RSJ', '20180310555', '2018-03-10', '2028-03-10', 'valid'],
      ['HOUSEHOLD_REGISTER', '居民户口簿', 'GAJ_ZX', '19900101003', '1990-01-01', undefined, 'valid'],
    ]),
  },
  {
    holder: CHEN,
    mobile: '18600000004',
    note: '企业开办申请人（创始人）',
    // Long-term valid, so the browser tests find it 免提交 whatever day they run.
    certificates: certificates(CHEN, [
      ['ID_CARD', '居民身份证', 'GAJ_ZX', '20200228015', '2020-02-28', undefined, 'valid'],
    ]),
  },
  {
    holder: WEIDAO,
    mobile: '17700000005',
    note: '餐饮企业：营业执照有效，食品经营许可证已到期，消防合格证已撤销',
    certificates: certificates(WEIDAO, [
      ['BUSINESS_LICENCE', '营业执照', 'SCJG', '20210410001', '2021-04-10', undefined, 'valid'],
      ['FOOD_BUSINESS_LICENCE', '食品经营许可证', 'SCJG', '20210601002', '2021-06-01', '2026-05-31', 'valid'],
      [
        'FIRE_SAFETY_CERTIFICATE',
        '消防安全检查合格证',
        'XFJY',
        '20210520003',
        '2021-05-20',
        undefined,
        'revoked',
      ],
    ]),
  },
  {
    holder: XINCHUANG,
    mobile: '19900000006',
    note: '新设科技企业：营业执照有效',
    certificates: certificates(XINCHUANG, [
      ['BUSINESS_LICENCE', '营业执照', 'SCJG', '20261102007', '2026-11-02', undefined, 'valid'],
    ]),
  },
];
