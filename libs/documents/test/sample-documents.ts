import type { DocumentKind, OfficialDocumentInput } from '../src';

const applicant = {
  name: '杭州味道餐饮管理有限公司',
  idNumberMasked: '91330106********3X',
  agentName: '王小明',
};
const items = [
  { code: '330100-FOOD-001', name: '食品经营许可（新办）', departmentName: '市场监督管理局' },
  {
    code: '330100-FIRE-002',
    name: '公众聚集场所投入使用、营业前消防安全检查',
    departmentName: '消防救援支队',
  },
];
const common = { caseNo: 'C2026120700012', issuedOn: '2026-12-07', applicant, issuedBy: '李娜' };
const lookupUrl = 'https://zwfw.example.gov.cn/lookup?case=C2026120700012';

/** One filled-in document of every kind (the tests render them; so do the screenshots). */
export const sampleDocuments: { [K in DocumentKind]: Extract<OfficialDocumentInput, { kind: K }> } = {
  acceptance_notice: {
    kind: 'acceptance_notice',
    documentNo: 'SL-2026-000123',
    ...common,
    items,
    acceptedAt: '2026-12-07T02:03:00.000Z',
    materials: [
      { name: '食品经营许可申请书', originals: 1 },
      { name: '营业执照', certificateNo: '91330106MA2XXXXX3X' },
      { name: '经营场所使用证明（租赁合同）', originals: 1, copies: 2 },
      { name: '消防设计图纸及说明', electronic: true },
    ],
    statutoryDue: '2027-01-05',
    promisedDue: '2026-12-21',
    holidaysCrossed: [{ name: '元旦', start: '2027-01-01', end: '2027-01-01' }],
    limitBasis:
      '各事项中最短的法定时限：食品经营许可 20个工作日；经本机关负责人批准可延长10个工作日（行政许可法第四十二条第一款）',
    lookupUrl,
  },
  correction_notice: {
    kind: 'correction_notice',
    documentNo: 'BZ-2026-000045',
    ...common,
    items,
    receivedAt: '2026-12-07T02:03:00.000Z',
    missing: [
      {
        name: '经营场所使用证明（租赁合同）',
        problem: '租赁合同已过期，请提供有效期内的租赁合同',
        itemName: '食品经营许可（新办）',
        form: '复印件',
        quantity: '1份',
        issuer: '出租方',
      },
      {
        name: '消防设施检测报告',
        problem: '未提交',
        itemName: '消防安全检查',
        form: '原件',
        quantity: '1份',
      },
    ],
    handIn: '请携带上述材料到市民之家二楼综合窗口（工作日 9:00—17:00）补正，或通过网上办事大厅上传。',
    lookupUrl,
  },
  acceptance_refusal: {
    kind: 'acceptance_refusal',
    documentNo: 'BSL-2026-000007',
    ...common,
    items: [items[0]],
    receivedAt: '2026-12-07T02:03:00.000Z',
    reason: '申请的经营场所位于住宅楼内，依法不得从事餐饮服务经营。',
    reviewAuthority: '杭州市人民政府',
  },
  tolerated_acceptance_notice: {
    kind: 'tolerated_acceptance_notice',
    documentNo: 'RQ-2026-000019',
    ...common,
    items,
    acceptedAt: '2026-12-07T02:03:00.000Z',
    tolerated: [
      { name: '从业人员健康证明', form: '复印件', dueDate: '2026-12-14', onOverdue: 'wait' },
      { name: '经营场所租赁合同', form: '复印件', dueDate: '2026-12-16', onOverdue: 'terminate' },
    ],
    statutoryDue: '2027-01-05',
    promisedDue: '2026-12-21',
    holidaysCrossed: [{ name: '元旦', start: '2027-01-01', end: '2027-01-01' }],
    lookupUrl,
  },
  extension_notice: {
    kind: 'extension_notice',
    documentNo: 'YQ-2026-000003',
    ...common,
    items: [items[1]],
    extensionWorkingDays: 10,
    reason: '需对经营场所进行现场核查',
    approvedBy: '消防救援支队负责人 赵刚',
    previousDue: '2027-01-05',
    newDue: '2027-01-19',
  },
  permit_refusal: {
    kind: 'permit_refusal',
    documentNo: 'BXK-2026-000002',
    ...common,
    refusals: [
      {
        itemName: '公众聚集场所投入使用、营业前消防安全检查',
        departmentName: '消防救援支队',
        reasons: ['疏散通道宽度不足 1.4 米', '未设置应急照明'],
      },
    ],
    reviewAuthority: '杭州市人民政府',
  },
  delivery_receipt: {
    kind: 'delivery_receipt',
    documentNo: 'SD-2026-000088',
    ...common,
    delivered: [
      { title: '食品经营许可证', number: 'JY13301060012345' },
      { title: '不予许可决定书', number: 'BXK-2026-000002' },
    ],
    method: 'post',
    recipient: { name: '王小明', identityCheck: '居民身份证核验一致' },
    post: {
      address: '浙江省杭州市西湖区文三路 100 号',
      carrier: '中国邮政 EMS',
      trackingNo: '1187654321098',
    },
    deliveredAt: '2026-12-21T06:30:00.000Z',
  },
  termination_notice: {
    kind: 'termination_notice',
    documentNo: 'ZZ-2026-000004',
    ...common,
    items,
    acceptedAt: '2026-12-07T02:03:00.000Z',
    terminatedOn: '2026-12-17',
    missing: [{ name: '经营场所租赁合同', dueDate: '2026-12-16' }],
    reviewAuthority: '杭州市人民政府',
    lookupUrl,
  },
};
