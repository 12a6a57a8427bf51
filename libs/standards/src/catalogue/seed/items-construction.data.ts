import { CT } from './certificate-types.data';
import { need, seedItem } from './seed-builders';

/** Construction, land and environment items (生态环境, 住建, 自然资源). All illustrative. */
export const EIA_REPORT_FORM_APPROVAL = seedItem({
  dept: 'STHJ',
  itemType: '01',
  main: '70001',
  name: '建设项目环境影响报告表审批',
  legalBasis: '《中华人民共和国环境影响评价法》第二十二条',
  limits: [20, 10],
  limitNote:
    '按《行政许可法》第四十二条默认20个工作日；《环境影响评价法》第二十二条另有期限规定，需核对（示例）',
  handlingType: '2',
  acceptanceConditions: '建设项目符合生态环境分区管控要求',
  results: [{ name: '环境影响报告表批复', kind: 'approval_document' }],
  serviceObjects: ['2', '3'],
  materials: [need('SM139'), need('SM138'), need('SM003', 'copy')],
});

export const POLLUTANT_DISCHARGE_PERMIT = seedItem({
  dept: 'STHJ',
  itemType: '01',
  main: '70002',
  name: '排污许可证核发',
  legalBasis: '《排污许可管理条例》',
  limits: [20, 15],
  handlingType: '2',
  acceptanceConditions: '依法取得环评批复，污染防治设施符合要求',
  results: [{ name: '排污许可证', kind: 'certificate', certificateTypeCode: CT.POLLUTANT_DISCHARGE_PERMIT }],
  serviceObjects: ['2', '3'],
  materials: [need('SM140'), need('SM003', 'copy'), need('SM141'), need('SM138', 'copy', 'optional')],
});

export const HAZARDOUS_WASTE_LICENCE = seedItem({
  dept: 'STHJ',
  itemType: '01',
  main: '70003',
  name: '危险废物经营许可',
  legalBasis: '《中华人民共和国固体废物污染环境防治法》第八十条；《危险废物经营许可证管理办法》',
  limits: [20, 15],
  handlingType: '2',
  acceptanceConditions: '具有符合要求的贮存、利用、处置设施和技术人员',
  results: [{ name: '危险废物经营许可决定', kind: 'approval_document' }],
  serviceObjects: ['2'],
  materials: [need('SM178'), need('SM003', 'copy'), need('SM160')],
});

export const CONSTRUCTION_PERMIT = seedItem({
  dept: 'ZJJ',
  itemType: '01',
  main: '80001',
  name: '建筑工程施工许可证核发',
  legalBasis: '《中华人民共和国建筑法》第七条、第八条',
  limits: [20, 5],
  limitNote: '按《行政许可法》第四十二条默认20个工作日；《建筑法》第八条另有期限规定，需核对（示例）',
  handlingType: '2',
  acceptanceConditions: '已取得建设工程规划许可证，施工图审查合格，建设资金已落实',
  results: [{ name: '建筑工程施工许可证', kind: 'certificate', certificateTypeCode: CT.CONSTRUCTION_PERMIT }],
  serviceObjects: ['2', '3'],
  materials: [
    need('SM142'),
    need('SM009', 'copy'),
    need('SM143', 'copy'),
    need('SM144', 'copy'),
    need('SM145'),
    need('SM003', 'copy'),
  ],
});

export const FIRE_ACCEPTANCE = seedItem({
  dept: 'ZJJ',
  itemType: '01',
  main: '80002',
  name: '特殊建设工程消防验收',
  legalBasis: '《中华人民共和国消防法》第十三条；《建设工程消防设计审查验收管理暂行规定》',
  limits: [20, 10],
  handlingType: '2',
  acceptanceConditions: '工程竣工验收合格，消防设施检测合格',
  results: [{ name: '特殊建设工程消防验收意见书', kind: 'approval_document' }],
  serviceObjects: ['2', '3'],
  materials: [need('SM146'), need('SM147', 'copy'), need('SM010', 'copy'), need('SM003', 'copy')],
});

export const PRESALE_PERMIT = seedItem({
  dept: 'ZJJ',
  itemType: '01',
  main: '80003',
  name: '商品房预售许可',
  legalBasis: '《中华人民共和国城市房地产管理法》第四十五条',
  limits: [20, 7],
  handlingType: '2',
  acceptanceConditions: '已交付全部土地使用权出让金并取得建设工程规划许可证和施工许可证',
  results: [{ name: '商品房预售许可证明', kind: 'approval_document' }],
  serviceObjects: ['2'],
  materials: [
    need('SM176'),
    need('SM003', 'copy'),
    need('SM009', 'copy'),
    need('SM010', 'copy'),
    need('SM150', 'copy'),
  ],
});

export const CONSTRUCTION_WASTE_APPROVAL = seedItem({
  dept: 'ZJJ',
  itemType: '01',
  main: '80004',
  name: '城市建筑垃圾处置核准',
  legalBasis: '《城市建筑垃圾管理规定》',
  limits: [20, 5],
  handlingType: '2',
  acceptanceConditions: '有建筑垃圾分类处置方案和消纳场所',
  results: [{ name: '建筑垃圾处置核准决定', kind: 'approval_document' }],
  serviceObjects: ['2'],
  materials: [need('SM177'), need('SM003', 'copy'), need('SM143', 'copy', 'optional')],
});

export const PLANNING_PERMIT = seedItem({
  dept: 'ZRZY',
  itemType: '01',
  main: '90001',
  name: '建设工程规划许可证核发',
  legalBasis: '《中华人民共和国城乡规划法》第四十条',
  limits: [20, 10],
  handlingType: '2',
  acceptanceConditions: '已取得国有建设用地使用权，设计方案符合控制性详细规划',
  results: [{ name: '建设工程规划许可证', kind: 'certificate', certificateTypeCode: CT.PLANNING_PERMIT }],
  serviceObjects: ['2', '3'],
  materials: [need('SM148'), need('SM149'), need('SM150', 'copy'), need('SM003', 'copy')],
});

export const REAL_ESTATE_FIRST_REGISTRATION = seedItem({
  dept: 'ZRZY',
  itemType: '07',
  main: '90002',
  name: '不动产首次登记',
  legalBasis: '《不动产登记暂行条例》第二十条',
  limits: [30, 5],
  limitNote: '《不动产登记暂行条例》第二十条：30个工作日（示例，需核对原文）',
  handlingType: '2',
  acceptanceConditions: '权属来源合法，材料齐全',
  results: [{ name: '不动产权证书', kind: 'certificate', certificateTypeCode: CT.REAL_ESTATE_CERTIFICATE }],
  serviceObjects: ['1', '2'],
  materials: [need('SM151'), need('SM001', 'copy'), need('SM150', 'copy'), need('SM147', 'copy', 'optional')],
});

export const REAL_ESTATE_TRANSFER_REGISTRATION = seedItem({
  dept: 'ZRZY',
  itemType: '07',
  main: '90003',
  name: '不动产转移登记',
  legalBasis: '《不动产登记暂行条例》第二十条',
  limits: [30, 3],
  limitNote: '《不动产登记暂行条例》第二十条：30个工作日（示例，需核对原文）',
  handlingType: '2',
  acceptanceConditions: '买卖合同已网签备案，相关税费已缴纳',
  results: [{ name: '不动产权证书', kind: 'certificate', certificateTypeCode: CT.REAL_ESTATE_CERTIFICATE }],
  serviceObjects: ['1', '2'],
  materials: [
    need('SM151'),
    need('SM001', 'copy'),
    need('SM008'),
    need('SM152'),
    need('SM153', 'copy'),
    need('SM006', 'copy', 'optional'),
  ],
});

export const CONSTRUCTION_ITEMS = [
  EIA_REPORT_FORM_APPROVAL,
  POLLUTANT_DISCHARGE_PERMIT,
  HAZARDOUS_WASTE_LICENCE,
  CONSTRUCTION_PERMIT,
  FIRE_ACCEPTANCE,
  PRESALE_PERMIT,
  CONSTRUCTION_WASTE_APPROVAL,
  PLANNING_PERMIT,
  REAL_ESTATE_FIRST_REGISTRATION,
  REAL_ESTATE_TRANSFER_REGISTRATION,
];
