import { CT } from './certificate-types.data';
import { need, seedItem } from './seed-builders';

/** Items for residents and social services (卫生健康, 公安, 人社, 民政, 交通运输, 医保, 公积金). All illustrative. */
export const BIRTH_CERTIFICATE_ISSUE = seedItem({
  dept: 'FYBJY',
  itemType: '20',
  main: '11001',
  nature: '3',
  name: '出生医学证明首次签发',
  legalBasis: '《中华人民共和国母婴保健法》第二十三条',
  limits: [5, 1],
  handlingType: '2',
  acceptanceConditions: '新生儿在本助产机构出生',
  results: [{ name: '出生医学证明', kind: 'certificate', certificateTypeCode: CT.BIRTH_CERTIFICATE }],
  serviceObjects: ['1'],
  materials: [need('SM120'), need('SM001'), need('SM121', 'electronic'), need('SM006', 'copy', 'optional')],
});

export const VACCINATION_CERTIFICATE_ISSUE = seedItem({
  dept: 'FYBJY',
  itemType: '20',
  main: '11002',
  nature: '3',
  name: '预防接种证办理',
  legalBasis: '《中华人民共和国疫苗管理法》第四十七条',
  limits: [1, 0],
  handlingType: '1',
  acceptanceConditions: '儿童出生后在本机构首次接种',
  results: [{ name: '预防接种证', kind: 'certificate', certificateTypeCode: CT.VACCINATION_CERTIFICATE }],
  serviceObjects: ['1'],
  materials: [need('SM001'), need('SM005', 'copy', 'tolerated_missing')],
});

export const PUBLIC_VENUE_HYGIENE_LICENCE = seedItem({
  dept: 'WJW',
  itemType: '01',
  main: '11003',
  name: '公共场所卫生许可',
  legalBasis: '《公共场所卫生管理条例》第八条',
  limits: [20, 5],
  handlingType: '2',
  acceptanceConditions: '场所卫生条件符合卫生标准',
  results: [
    { name: '公共场所卫生许可证', kind: 'certificate', certificateTypeCode: CT.PUBLIC_VENUE_HYGIENE_LICENCE },
  ],
  serviceObjects: ['1', '2'],
  materials: [
    need('SM163'),
    need('SM003', 'copy'),
    need('SM164', 'copy'),
    need('SM014', 'copy', 'tolerated_missing'),
  ],
});

export const MEDICAL_INSTITUTION_REGISTRATION = seedItem({
  dept: 'WJW',
  itemType: '01',
  main: '11004',
  name: '医疗机构执业登记',
  legalBasis: '《医疗机构管理条例》第十五条',
  limits: [20, 15],
  handlingType: '2',
  acceptanceConditions: '已取得设置医疗机构批准书（或按规定免于设置审批）',
  results: [
    { name: '医疗机构执业许可证', kind: 'certificate', certificateTypeCode: CT.MEDICAL_INSTITUTION_LICENCE },
  ],
  serviceObjects: ['2', '3'],
  materials: [
    need('SM165'),
    need('SM166', 'copy', 'optional'),
    need('SM167', 'copy'),
    need('SM105', 'copy'),
    need('SM003', 'copy', 'optional'),
  ],
});

export const HEALTH_CERTIFICATE_EXAM = seedItem({
  dept: 'WJW',
  itemType: '20',
  main: '11005',
  name: '食品从业人员健康证明办理',
  legalBasis: '《中华人民共和国食品安全法》第四十五条',
  limits: [7, 3, 'natural_day'],
  handlingType: '2',
  acceptanceConditions: '从事接触直接入口食品工作的从业人员',
  results: [
    { name: '食品从业人员健康证明', kind: 'certificate', certificateTypeCode: CT.HEALTH_CERTIFICATE },
  ],
  serviceObjects: ['1'],
  materials: [need('SM001'), need('SM124', 'original', 'required', { originals: 2 })],
});

export const BIRTH_HOUSEHOLD_REGISTRATION = seedItem({
  dept: 'GAJ_ZX',
  itemType: '07',
  main: '12001',
  level: '4',
  name: '出生登记（户口登记）',
  legalBasis: '《中华人民共和国户口登记条例》第七条',
  limits: [1, 0],
  handlingType: '1',
  acceptanceConditions: '婴儿出生后一个月以内由户主、亲属、抚养人或者邻居申报',
  results: [
    { name: '居民户口簿（新增户口页）', kind: 'certificate', certificateTypeCode: CT.HOUSEHOLD_REGISTER },
  ],
  serviceObjects: ['1'],
  materials: [need('SM122'), need('SM005'), need('SM001'), need('SM002'), need('SM006', 'copy')],
});

export const ID_CARD_APPLICATION = seedItem({
  dept: 'GAJ_ZX',
  itemType: '07',
  main: '12002',
  level: '4',
  name: '居民身份证申领',
  legalBasis: '《中华人民共和国居民身份证法》第八条',
  limits: [60, 30, 'natural_day'],
  limitNote: '《居民身份证法》第八条规定60日内发证（示例，需核对原文）',
  handlingType: '2',
  acceptanceConditions: '具有本市常住户口的公民',
  results: [{ name: '居民身份证', kind: 'certificate', certificateTypeCode: CT.ID_CARD }],
  serviceObjects: ['1'],
  fees: {
    charged: true,
    basis: '《居民身份证法》第二十条',
    items: [
      {
        name: '居民身份证工本费',
        standard: '20元/证（示例）',
        reducible: true,
        basis: '困难群众减免（示例）',
      },
    ],
  },
  materials: [need('SM182'), need('SM002'), need('SM124', 'electronic', 'optional')],
});

export const DRIVING_LICENCE_RENEWAL = seedItem({
  dept: 'GAJ',
  itemType: '07',
  main: '12003',
  name: '机动车驾驶证有效期满换证',
  legalBasis: '《中华人民共和国道路交通安全法》；《机动车驾驶证申领和使用规定》',
  limits: [1, 0],
  handlingType: '1',
  acceptanceConditions: '驾驶证有效期满前90日内申请',
  results: [{ name: '机动车驾驶证', kind: 'certificate', certificateTypeCode: CT.DRIVING_LICENCE }],
  serviceObjects: ['1'],
  fees: {
    charged: true,
    items: [{ name: '驾驶证工本费', standard: '按省定标准（示例）', reducible: false }],
  },
  materials: [need('SM161'), need('SM001'), need('SM016'), need('SM162')],
});

export const SOCIAL_SECURITY_CARD_APPLICATION = seedItem({
  dept: 'RSJ',
  itemType: '20',
  main: '13001',
  name: '社会保障卡申领',
  legalBasis: '《中华人民共和国社会保险法》第五十八条',
  limits: [20, 5],
  handlingType: '2',
  handlingForms: ['1', '3'],
  acceptanceConditions: '已参加社会保险或已有公民身份号码',
  results: [{ name: '社会保障卡', kind: 'certificate', certificateTypeCode: CT.SOCIAL_SECURITY_CARD }],
  serviceObjects: ['1'],
  materials: [
    need('SM123'),
    need('SM001', 'copy'),
    need('SM002', 'copy', 'optional', { notes: '新生儿无身份证时提供户口簿' }),
    need('SM124', 'electronic'),
  ],
});

export const RETIREMENT_PENSION_CLAIM = seedItem({
  dept: 'RSJ',
  itemType: '05',
  main: '13002',
  name: '职工正常退休（基本养老保险待遇申领）',
  legalBasis: '《中华人民共和国社会保险法》第十六条；《国务院关于渐进式延迟法定退休年龄的办法》',
  limits: [20, 10],
  handlingType: '2',
  acceptanceConditions: '达到法定退休年龄且累计缴费满最低缴费年限',
  results: [{ name: '退休审批表', kind: 'approval_document' }],
  serviceObjects: ['1'],
  materials: [
    need('SM126'),
    need('SM001'),
    need('SM127', 'original', 'required', { notes: '由档案保管机构转递' }),
    need('SM128', 'electronic'),
    need('SM129', 'copy'),
  ],
});

export const EMPLOYER_INSURANCE_REGISTRATION = seedItem({
  dept: 'RSJ',
  itemType: '20',
  main: '13003',
  name: '单位参保登记',
  legalBasis: '《中华人民共和国社会保险法》第五十七条',
  limits: [15, 1],
  limitNote:
    '《社会保险法》第五十七条：自用人单位成立之日起三十日内申请，经办机构十五日内审核（示例，需核对原文）',
  handlingType: '2',
  handlingForms: ['1', '2'],
  acceptanceConditions: '已取得营业执照',
  results: [{ name: '社会保险登记信息', kind: 'other' }],
  serviceObjects: ['2', '3', '4'],
  materials: [need('SM137'), need('SM003', 'copy'), need('SM001', 'copy')],
});

export const UNEMPLOYMENT_BENEFIT_CLAIM = seedItem({
  dept: 'RSJ',
  itemType: '05',
  main: '13004',
  name: '失业保险金申领',
  legalBasis: '《失业保险条例》第十四条',
  limits: [10, 3],
  handlingType: '2',
  acceptanceConditions: '非因本人意愿中断就业，已办理失业登记',
  results: [{ name: '失业保险金核定结果', kind: 'approval_document' }],
  serviceObjects: ['1'],
  materials: [need('SM170'), need('SM001'), need('SM171', 'copy'), need('SM129', 'copy')],
});

export const HR_SERVICE_LICENCE = seedItem({
  dept: 'RSJ',
  itemType: '01',
  main: '13005',
  name: '人力资源服务许可',
  legalBasis: '《人力资源市场暂行条例》第十八条',
  limits: [20, 10],
  handlingType: '2',
  acceptanceConditions: '有与开展职业中介活动相适应的场所、设施和专职工作人员',
  results: [{ name: '人力资源服务许可证', kind: 'certificate', certificateTypeCode: CT.HR_SERVICE_LICENCE }],
  serviceObjects: ['2'],
  materials: [need('SM172'), need('SM003', 'copy'), need('SM105', 'copy')],
});

export const MARRIAGE_REGISTRATION = seedItem({
  dept: 'MZJ',
  itemType: '07',
  main: '14001',
  name: '内地居民结婚登记',
  legalBasis: '《婚姻登记条例》第七条',
  limits: [1, 0],
  handlingType: '1',
  acceptanceConditions: '男女双方符合《民法典》结婚条件，共同到场申请',
  results: [{ name: '结婚证', kind: 'certificate', certificateTypeCode: CT.MARRIAGE_CERTIFICATE }],
  serviceObjects: ['1'],
  materials: [
    need('SM001'),
    need('SM002', 'original', 'optional'),
    need('SM124', 'original', 'required', { originals: 3 }),
    need('SM154'),
  ],
});

export const SOCIAL_ORGANISATION_REGISTRATION = seedItem({
  dept: 'MZJ',
  itemType: '01',
  main: '14002',
  name: '社会团体成立登记',
  legalBasis: '《社会团体登记管理条例》第十二条',
  limits: [60, 20, 'natural_day'],
  limitNote: '《社会团体登记管理条例》第十二条：60日内（示例，需核对原文）',
  handlingType: '2',
  acceptanceConditions: '有50个以上个人会员或30个以上单位会员，有规范的名称和章程',
  results: [
    {
      name: '社会团体法人登记证书',
      kind: 'certificate',
      certificateTypeCode: CT.SOCIAL_ORGANISATION_CERTIFICATE,
    },
  ],
  serviceObjects: ['4'],
  materials: [
    need('SM155'),
    need('SM156'),
    need('SM157', 'copy'),
    need('SM105', 'copy'),
    need('SM001', 'copy'),
  ],
});

export const OLD_AGE_ALLOWANCE = seedItem({
  dept: 'MZJ',
  itemType: '05',
  main: '14003',
  name: '高龄津贴发放',
  legalBasis: '《中华人民共和国老年人权益保障法》第三十三条',
  limits: [20, 10],
  handlingType: '2',
  acceptanceConditions: '本市户籍且达到规定年龄的老年人',
  results: [{ name: '高龄津贴发放决定', kind: 'approval_document' }],
  serviceObjects: ['1'],
  materials: [need('SM168'), need('SM001', 'copy'), need('SM002', 'copy'), need('SM129', 'copy')],
});

export const ELDERLY_CARE_FILING = seedItem({
  dept: 'MZJ',
  itemType: '10',
  main: '14004',
  name: '养老机构备案',
  legalBasis: '《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》',
  limits: [1, 0],
  handlingType: '1',
  acceptanceConditions: '已依法办理登记',
  results: [{ name: '养老机构备案回执', kind: 'other' }],
  serviceObjects: ['2', '3', '4'],
  materials: [need('SM179'), need('SM003', 'copy'), need('SM011', 'copy', 'tolerated_missing')],
});

export const ROAD_FREIGHT_LICENCE = seedItem({
  dept: 'JTYS',
  itemType: '01',
  main: '15001',
  name: '道路普通货物运输经营许可',
  legalBasis: '《中华人民共和国道路运输条例》第二十一条、第二十四条',
  limits: [20, 5],
  handlingType: '2',
  acceptanceConditions: '有与经营业务相适应并经检测合格的车辆，有符合规定条件的驾驶人员',
  results: [
    {
      name: '道路运输经营许可证',
      kind: 'certificate',
      certificateTypeCode: CT.ROAD_TRANSPORT_OPERATION_LICENCE,
    },
  ],
  serviceObjects: ['1', '2'],
  materials: [
    need('SM158'),
    need('SM003', 'copy'),
    need('SM159', 'copy'),
    need('SM016', 'copy'),
    need('SM160'),
  ],
});

export const ROAD_TRANSPORT_CERTIFICATE = seedItem({
  dept: 'JTYS',
  itemType: '01',
  main: '15002',
  name: '道路运输证配发',
  legalBasis: '《中华人民共和国道路运输条例》第二十四条',
  limits: [20, 3],
  handlingType: '2',
  acceptanceConditions: '已取得道路运输经营许可',
  results: [{ name: '道路运输证', kind: 'certificate', certificateTypeCode: CT.ROAD_TRANSPORT_CERTIFICATE }],
  serviceObjects: ['1', '2'],
  materials: [need('SM013', 'copy'), need('SM159', 'copy')],
});

export const RESIDENT_MEDICAL_INSURANCE_ENROLMENT = seedItem({
  dept: 'YBJ',
  itemType: '20',
  main: '16001',
  name: '城乡居民基本医疗保险参保登记',
  legalBasis: '《中华人民共和国社会保险法》第二十五条；《医疗保障经办管理服务规程》',
  limits: [5, 1],
  handlingType: '2',
  handlingForms: ['1', '3'],
  acceptanceConditions: '本市户籍或居住证持有人',
  results: [{ name: '参保登记信息', kind: 'other' }],
  serviceObjects: ['1'],
  fees: {
    charged: true,
    basis: '城乡居民医保个人缴费标准（年度公布）',
    items: [
      {
        name: '城乡居民医保个人缴费',
        standard: '按当年度标准（示例）',
        reducible: true,
        basis: '特困人员等资助参保',
      },
    ],
  },
  materials: [
    need('SM125'),
    need('SM002', 'copy'),
    need('SM001', 'copy', 'optional', { notes: '新生儿可凭出生医学证明先行参保' }),
    need('SM005', 'copy', 'optional'),
  ],
});

export const MATERNITY_EXPENSE_REIMBURSEMENT = seedItem({
  dept: 'YBJ',
  itemType: '05',
  main: '16002',
  name: '生育医疗费用报销',
  legalBasis: '《中华人民共和国社会保险法》第五十四条',
  limits: [20, 10],
  handlingType: '2',
  acceptanceConditions: '参保人员在非联网医疗机构发生的生育医疗费用',
  results: [{ name: '报销结算结果', kind: 'other' }],
  serviceObjects: ['1'],
  materials: [need('SM001', 'copy'), need('SM169'), need('SM005', 'copy'), need('SM129', 'copy')],
});

export const RETIREE_MEDICAL_BENEFIT = seedItem({
  dept: 'YBJ',
  itemType: '20',
  main: '16003',
  name: '退休人员基本医疗保险待遇核定',
  legalBasis: '《中华人民共和国社会保险法》第二十七条',
  limits: [15, 5],
  handlingType: '2',
  acceptanceConditions: '已办理退休手续且医保缴费年限符合规定',
  results: [{ name: '退休人员医保待遇核定结果', kind: 'other' }],
  serviceObjects: ['1'],
  materials: [
    need('SM132'),
    need('SM001', 'copy'),
    need('SM130', 'copy'),
    need('SM007', 'original', 'optional'),
  ],
});

export const RETIREMENT_HOUSING_FUND_WITHDRAWAL = seedItem({
  dept: 'GJJ',
  itemType: '20',
  main: '17001',
  nature: '2',
  name: '离休、退休提取住房公积金',
  legalBasis: '《住房公积金管理条例》第二十四条',
  limits: [3, 1],
  limitNote: '《住房公积金管理条例》第二十五条：3日内作出准予提取或不准提取决定（示例，需核对原文）',
  handlingType: '2',
  acceptanceConditions: '职工已办理离休、退休手续',
  results: [{ name: '提取核准结果', kind: 'other' }],
  serviceObjects: ['1'],
  materials: [need('SM131'), need('SM001'), need('SM130', 'copy'), need('SM129', 'copy')],
});

export const EMPLOYER_HOUSING_FUND_REGISTRATION = seedItem({
  dept: 'GJJ',
  itemType: '20',
  main: '17002',
  nature: '2',
  name: '单位住房公积金缴存登记',
  legalBasis: '《住房公积金管理条例》第十四条',
  limits: [5, 1],
  handlingType: '2',
  handlingForms: ['1', '2'],
  acceptanceConditions: '新设立的单位自设立之日起30日内登记',
  results: [{ name: '单位缴存登记信息', kind: 'other' }],
  serviceObjects: ['2', '3', '4'],
  materials: [need('SM181'), need('SM003', 'copy'), need('SM001', 'copy')],
});

export const PEOPLE_ITEMS = [
  BIRTH_CERTIFICATE_ISSUE,
  VACCINATION_CERTIFICATE_ISSUE,
  PUBLIC_VENUE_HYGIENE_LICENCE,
  MEDICAL_INSTITUTION_REGISTRATION,
  HEALTH_CERTIFICATE_EXAM,
  BIRTH_HOUSEHOLD_REGISTRATION,
  ID_CARD_APPLICATION,
  DRIVING_LICENCE_RENEWAL,
  SOCIAL_SECURITY_CARD_APPLICATION,
  RETIREMENT_PENSION_CLAIM,
  EMPLOYER_INSURANCE_REGISTRATION,
  UNEMPLOYMENT_BENEFIT_CLAIM,
  HR_SERVICE_LICENCE,
  MARRIAGE_REGISTRATION,
  SOCIAL_ORGANISATION_REGISTRATION,
  OLD_AGE_ALLOWANCE,
  ELDERLY_CARE_FILING,
  ROAD_FREIGHT_LICENCE,
  ROAD_TRANSPORT_CERTIFICATE,
  RESIDENT_MEDICAL_INSURANCE_ENROLMENT,
  MATERNITY_EXPENSE_REIMBURSEMENT,
  RETIREE_MEDICAL_BENEFIT,
  RETIREMENT_HOUSING_FUND_WITHDRAWAL,
  EMPLOYER_HOUSING_FUND_REGISTRATION,
];
