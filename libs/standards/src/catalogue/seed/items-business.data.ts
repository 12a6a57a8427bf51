import { CT } from './certificate-types.data';
import { need, seedItem } from './seed-builders';

/** Market entry and operation items (市场监管, 消防, 城管, 烟草, 税务). All illustrative. */
export const ENTERPRISE_REGISTRATION = seedItem({
  dept: 'SCJG',
  itemType: '01',
  main: '10001',
  name: '企业设立登记',
  legalBasis: '《中华人民共和国公司法》；《中华人民共和国市场主体登记管理条例》第十九条',
  limits: [3, 1],
  limitNote:
    '《市场主体登记管理条例》第十九条：不能当场登记的3个工作日内登记（示例，需核对原文）；承诺1个工作日为示例',
  handlingType: '2',
  handlingForms: ['1', '2'],
  acceptanceConditions: '申请材料齐全、符合法定形式；企业名称已自主申报',
  results: [{ name: '营业执照', kind: 'certificate', certificateTypeCode: CT.BUSINESS_LICENCE }],
  serviceObjects: ['1', '2'],
  materials: [
    need('SM101'),
    need('SM102'),
    need('SM103', 'copy'),
    need('SM104'),
    need('SM105', 'copy'),
    need('SM001', 'copy'),
    need('SM180'),
  ],
});

export const SOLE_TRADER_REGISTRATION = seedItem({
  dept: 'SCJG',
  itemType: '01',
  main: '10002',
  level: '4',
  name: '个体工商户注册登记',
  legalBasis: '《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》',
  limits: [3, 1],
  limitNote: '按市场主体登记时限（示例，需核对原文）',
  handlingType: '1',
  acceptanceConditions: '经营者具备经营能力，经营场所合法',
  results: [{ name: '营业执照', kind: 'certificate', certificateTypeCode: CT.BUSINESS_LICENCE }],
  serviceObjects: ['1'],
  materials: [need('SM175'), need('SM001'), need('SM105', 'copy')],
});

export const NAME_DECLARATION = seedItem({
  dept: 'SCJG',
  itemType: '20',
  main: '10003',
  name: '企业名称自主申报',
  legalBasis: '《企业名称登记管理规定》',
  limits: [1, 0],
  handlingType: '1',
  handlingForms: ['2', '3'],
  acceptanceConditions: '名称符合企业名称登记管理规定',
  results: [{ name: '名称自主申报告知书', kind: 'other' }],
  serviceObjects: ['1', '2'],
  materials: [need('SM180', 'electronic'), need('SM001', 'electronic')],
});

export const LICENCE_VERIFICATION = seedItem({
  dept: 'SCJG',
  itemType: '20',
  main: '10004',
  name: '营业执照信息核验',
  legalBasis: '《国务院关于在线政务服务的若干规定》第七条（共享核验）',
  limits: [1, 0],
  handlingType: '1',
  acceptanceConditions: '经营者已取得营业执照',
  results: [{ name: '核验结果', kind: 'other' }],
  serviceObjects: ['2'],
  materials: [need('SM183'), need('SM003')],
});

export const FOOD_LICENCE_NEW = seedItem({
  dept: 'SCJG',
  itemType: '01',
  main: '10005',
  handlingSeq: '01',
  name: '食品经营许可（新办）',
  legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
  limits: [20, 5],
  handlingType: '2',
  acceptanceConditions:
    '已取得营业执照；具有与经营的食品品种、数量相适应的经营场所、设备设施和食品安全管理人员',
  results: [{ name: '食品经营许可证', kind: 'certificate', certificateTypeCode: CT.FOOD_BUSINESS_LICENCE }],
  serviceObjects: ['1', '2'],
  materials: [
    need('SM106'),
    need('SM003', 'copy'),
    need('SM001', 'copy'),
    need('SM108'),
    need('SM109'),
    need('SM107'),
    need('SM110'),
    need('SM014', 'copy', 'tolerated_missing'),
  ],
});

export const FOOD_LICENCE_CHANGE = seedItem({
  dept: 'SCJG',
  itemType: '01',
  main: '10005',
  handlingSeq: '02',
  name: '食品经营许可（变更）',
  legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
  limits: [20, 5],
  handlingType: '2',
  acceptanceConditions: '许可事项发生变化，在原许可有效期内申请变更',
  results: [{ name: '食品经营许可证', kind: 'certificate', certificateTypeCode: CT.FOOD_BUSINESS_LICENCE }],
  serviceObjects: ['1', '2'],
  materials: [need('SM106'), need('SM004'), need('SM003', 'copy'), need('SM108', 'copy', 'optional')],
});

export const SPECIAL_EQUIPMENT_REGISTRATION = seedItem({
  dept: 'SCJG',
  itemType: '01',
  main: '10006',
  name: '特种设备使用登记',
  legalBasis: '《中华人民共和国特种设备安全法》第三十三条',
  limits: [20, 5],
  handlingType: '2',
  acceptanceConditions: '特种设备经监督检验合格',
  results: [{ name: '特种设备使用登记证', kind: 'approval_document' }],
  serviceObjects: ['2', '3'],
  materials: [need('SM173'), need('SM174', 'copy'), need('SM003', 'copy')],
});

export const FIRE_SAFETY_INSPECTION = seedItem({
  dept: 'XFJY',
  itemType: '01',
  main: '20001',
  name: '公众聚集场所投入使用、营业前消防安全检查',
  legalBasis: '《中华人民共和国消防法》第十五条',
  limits: [20, 7],
  limitNote:
    '按《行政许可法》第四十二条默认20个工作日；《消防法》第十五条的具体时限未在 docs/domain.md 核对（示例）',
  handlingType: '2',
  acceptanceConditions: '场所已建成，消防设施完好有效；可选择告知承诺方式',
  results: [
    { name: '消防安全检查合格证', kind: 'certificate', certificateTypeCode: CT.FIRE_SAFETY_CERTIFICATE },
  ],
  serviceObjects: ['1', '2'],
  materials: [
    need('SM115'),
    need('SM003', 'copy'),
    need('SM001', 'copy'),
    need('SM116'),
    need('SM117', 'copy', 'tolerated_missing'),
    need('SM118'),
    need('SM105', 'copy'),
  ],
});

export const OUTDOOR_SIGN_APPROVAL = seedItem({
  dept: 'CGJ',
  itemType: '01',
  main: '30001',
  name: '户外招牌设施设置审批',
  legalBasis: '《城市市容和环境卫生管理条例》第十一条',
  limits: [20, 3],
  handlingType: '2',
  acceptanceConditions: '招牌设置符合本市户外招牌设置规划和技术规范',
  results: [{ name: '户外招牌设置许可决定书', kind: 'approval_document' }],
  serviceObjects: ['1', '2'],
  materials: [
    need('SM111'),
    need('SM003', 'copy'),
    need('SM112'),
    need('SM113'),
    need('SM114'),
    need('SM105', 'copy'),
  ],
});

export const TOBACCO_RETAIL_LICENCE = seedItem({
  dept: 'YCJ',
  itemType: '01',
  main: '40001',
  name: '烟草专卖零售许可证核发',
  legalBasis: '《中华人民共和国烟草专卖法》第十六条；《烟草专卖法实施条例》',
  limits: [20, 10],
  handlingType: '2',
  acceptanceConditions: '有与经营规模相适应的资金和固定经营场所，符合合理布局要求',
  results: [
    { name: '烟草专卖零售许可证', kind: 'certificate', certificateTypeCode: CT.TOBACCO_RETAIL_LICENCE },
  ],
  serviceObjects: ['1', '2'],
  materials: [need('SM119'), need('SM003', 'copy'), need('SM001', 'copy'), need('SM105', 'copy')],
});

export const SEAL_ENGRAVING_FILING = seedItem({
  dept: 'GAJ',
  itemType: '10',
  main: '50001',
  name: '公章刻制备案',
  legalBasis: '《国务院关于国家行政机关和企业事业单位社会团体印章管理的规定》',
  limits: [1, 0],
  handlingType: '1',
  acceptanceConditions: '已取得营业执照',
  results: [{ name: '印章备案信息', kind: 'other' }],
  serviceObjects: ['2', '3', '4'],
  materials: [
    need('SM133'),
    need('SM003', 'copy'),
    need('SM001', 'copy'),
    need('SM134'),
    need('SM135', 'original', 'optional'),
  ],
});

export const FIRST_INVOICE_APPLICATION = seedItem({
  dept: 'SWJ',
  itemType: '10',
  main: '60001',
  name: '新办纳税人首次申领发票',
  legalBasis: '《中华人民共和国发票管理办法》；《中华人民共和国税收征收管理法》',
  limits: [1, 0],
  handlingType: '1',
  handlingForms: ['1', '2'],
  acceptanceConditions: '已取得营业执照并完成税务信息确认',
  results: [{ name: '发票领用结果', kind: 'other' }],
  serviceObjects: ['1', '2'],
  materials: [
    need('SM136'),
    need('SM003', 'copy'),
    need('SM001', 'copy'),
    need('SM135', 'original', 'optional'),
  ],
});

export const BUSINESS_ITEMS = [
  ENTERPRISE_REGISTRATION,
  SOLE_TRADER_REGISTRATION,
  NAME_DECLARATION,
  LICENCE_VERIFICATION,
  FOOD_LICENCE_NEW,
  FOOD_LICENCE_CHANGE,
  SPECIAL_EQUIPMENT_REGISTRATION,
  FIRE_SAFETY_INSPECTION,
  OUTDOOR_SIGN_APPROVAL,
  TOBACCO_RETAIL_LICENCE,
  SEAL_ENGRAVING_FILING,
  FIRST_INVOICE_APPLICATION,
];
