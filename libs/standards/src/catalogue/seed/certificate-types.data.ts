import type { CertificateType } from '../../certificate/certificate.schema';

/** Defining authorities: 住建部's USCC is from docs/domain.md §4.3; the others are made up (check-valid). */
const AUTH = {
  MPS: ['公安部', '11100000MB9000011K'],
  SAMR: ['国家市场监督管理总局', '11100000MB9000024X'],
  NHC: ['国家卫生健康委员会', '11100000MB90000378'],
  MCA: ['民政部', '11100000MB9000050L'],
  MOHRSS: ['人力资源和社会保障部', '11100000MB9000063Y'],
  MNR: ['自然资源部', '11100000MB90000769'],
  MEM: ['应急管理部（国家消防救援局）', '11100000MB9000089K'],
  MEE: ['生态环境部', '11100000MB9000102B'],
  MOT: ['交通运输部', '11100000MB9000115M'],
  STMA: ['国家烟草专卖局', '11100000MB90001280'],
  MOHURD: ['住房和城乡建设部', '11100000000013338W'],
} as const;

/** Certificate type codes: authority USCC + 3-digit sequence (structure per docs/domain.md §4.3, UNCONFIRMED; sequences made up). */
export const CT = {
  ID_CARD: '11100000MB9000011K001',
  HOUSEHOLD_REGISTER: '11100000MB9000011K002',
  DRIVING_LICENCE: '11100000MB9000011K003',
  BUSINESS_LICENCE: '11100000MB9000024X001',
  FOOD_BUSINESS_LICENCE: '11100000MB9000024X002',
  BIRTH_CERTIFICATE: '11100000MB90000378001',
  VACCINATION_CERTIFICATE: '11100000MB90000378002',
  HEALTH_CERTIFICATE: '11100000MB90000378003',
  PUBLIC_VENUE_HYGIENE_LICENCE: '11100000MB90000378004',
  MEDICAL_INSTITUTION_LICENCE: '11100000MB90000378005',
  MARRIAGE_CERTIFICATE: '11100000MB9000050L001',
  SOCIAL_ORGANISATION_CERTIFICATE: '11100000MB9000050L002',
  SOCIAL_SECURITY_CARD: '11100000MB9000063Y001',
  HR_SERVICE_LICENCE: '11100000MB9000063Y002',
  REAL_ESTATE_CERTIFICATE: '11100000MB90000769001',
  PLANNING_PERMIT: '11100000MB90000769002',
  FIRE_SAFETY_CERTIFICATE: '11100000MB9000089K001',
  POLLUTANT_DISCHARGE_PERMIT: '11100000MB9000102B001',
  ROAD_TRANSPORT_OPERATION_LICENCE: '11100000MB9000115M001',
  ROAD_TRANSPORT_CERTIFICATE: '11100000MB9000115M002',
  TOBACCO_RETAIL_LICENCE: '11100000MB90001280001',
  CONSTRUCTION_PERMIT: '11100000000013338W001',
} as const;

const type = (
  code: string,
  name: string,
  auth: keyof typeof AUTH,
  holderCodeType: 'resident_id' | 'uscc',
  notes?: string,
): CertificateType => ({
  code,
  name,
  definingAuthority: AUTH[auth][0],
  definingAuthorityCode: AUTH[auth][1],
  holderCodeType,
  illustrative: true,
  ...(notes ? { notes } : {}),
});

const withValidity = (t: CertificateType, validityYears: number): CertificateType => ({
  ...t,
  validityYears,
});

export const SEED_CERTIFICATE_TYPES: CertificateType[] = [
  type(CT.ID_CARD, '居民身份证', 'MPS', 'resident_id'),
  type(CT.HOUSEHOLD_REGISTER, '居民户口簿', 'MPS', 'resident_id'),
  type(CT.DRIVING_LICENCE, '机动车驾驶证', 'MPS', 'resident_id'),
  type(CT.BUSINESS_LICENCE, '营业执照', 'SAMR', 'uscc'),
  // Validity in years from the regulations (食品经营许可管理办法: 5; 公共场所卫生管理条例实施细则: 4; 烟草专卖许可证
  // 管理办法: 5; 排污许可管理条例: 5; 食品从业人员健康证明: 1); types without one are long-term (长期) here.
  withValidity(type(CT.FOOD_BUSINESS_LICENCE, '食品经营许可证', 'SAMR', 'uscc'), 5),
  type(
    CT.BIRTH_CERTIFICATE,
    '出生医学证明',
    'NHC',
    'resident_id',
    'held for the newborn; the applicant parent presents it',
  ),
  type(CT.VACCINATION_CERTIFICATE, '预防接种证', 'NHC', 'resident_id'),
  withValidity(type(CT.HEALTH_CERTIFICATE, '食品从业人员健康证明', 'NHC', 'resident_id'), 1),
  withValidity(type(CT.PUBLIC_VENUE_HYGIENE_LICENCE, '公共场所卫生许可证', 'NHC', 'uscc'), 4),
  type(CT.MEDICAL_INSTITUTION_LICENCE, '医疗机构执业许可证', 'NHC', 'uscc'),
  type(CT.MARRIAGE_CERTIFICATE, '结婚证', 'MCA', 'resident_id'),
  type(CT.SOCIAL_ORGANISATION_CERTIFICATE, '社会团体法人登记证书', 'MCA', 'uscc'),
  type(CT.SOCIAL_SECURITY_CARD, '社会保障卡', 'MOHRSS', 'resident_id'),
  type(CT.HR_SERVICE_LICENCE, '人力资源服务许可证', 'MOHRSS', 'uscc'),
  type(
    CT.REAL_ESTATE_CERTIFICATE,
    '不动产权证书',
    'MNR',
    'resident_id',
    'also issued to organisations; this catalogue models the personal certificate',
  ),
  type(CT.PLANNING_PERMIT, '建设工程规划许可证', 'MNR', 'uscc'),
  type(CT.FIRE_SAFETY_CERTIFICATE, '公众聚集场所投入使用、营业前消防安全检查合格证', 'MEM', 'uscc'),
  withValidity(type(CT.POLLUTANT_DISCHARGE_PERMIT, '排污许可证', 'MEE', 'uscc'), 5),
  type(CT.ROAD_TRANSPORT_OPERATION_LICENCE, '道路运输经营许可证', 'MOT', 'uscc'),
  type(CT.ROAD_TRANSPORT_CERTIFICATE, '道路运输证', 'MOT', 'uscc'),
  withValidity(type(CT.TOBACCO_RETAIL_LICENCE, '烟草专卖零售许可证', 'STMA', 'uscc'), 5),
  type(CT.CONSTRUCTION_PERMIT, '建筑工程施工许可证', 'MOHURD', 'uscc'),
];
