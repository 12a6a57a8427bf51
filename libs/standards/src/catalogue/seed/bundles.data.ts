import type { BundleInput } from '../../bundle/bundle.schema';
import { itemKey } from '../../item/item.schema';
import * as B from './items-business.data';
import * as P from './items-people.data';

const k = itemKey;

/** 开办餐饮店: docs/domain.md §6.3 (provincial plan [P]); order of steps is illustrative. */
export const RESTAURANT_BUNDLE: BundleInput = {
  code: 'BUNDLE-RESTAURANT',
  name: '开办餐饮店一件事',
  serviceObjects: ['1', '2'],
  // Licences handled together (Art. 26): one window accepts, the departments review in parallel, one issuance.
  jointHandling: 'unified',
  illustrative: true,
  description:
    '已取得营业执照的经营者开办餐饮店：食品经营许可、户外招牌、营业前消防安全检查并联办理，烟草零售许可可选',
  items: [
    { itemCode: k(B.LICENCE_VERIFICATION) },
    { itemCode: k(B.FOOD_LICENCE_NEW), after: [k(B.LICENCE_VERIFICATION)] },
    { itemCode: k(B.OUTDOOR_SIGN_APPROVAL), after: [k(B.LICENCE_VERIFICATION)] },
    { itemCode: k(B.FIRE_SAFETY_INSPECTION), after: [k(B.LICENCE_VERIFICATION)] },
    { itemCode: k(B.TOBACCO_RETAIL_LICENCE), optional: true, after: [k(B.LICENCE_VERIFICATION)] },
  ],
  form: [
    {
      key: 'operatorUscc',
      label: '统一社会信用代码',
      type: 'uscc',
      required: true,
      itemCodes: [
        k(B.LICENCE_VERIFICATION),
        k(B.FOOD_LICENCE_NEW),
        k(B.OUTDOOR_SIGN_APPROVAL),
        k(B.FIRE_SAFETY_INSPECTION),
        k(B.TOBACCO_RETAIL_LICENCE),
      ],
    },
    {
      key: 'operatorName',
      label: '经营者名称',
      type: 'text',
      required: true,
      itemCodes: [
        k(B.LICENCE_VERIFICATION),
        k(B.FOOD_LICENCE_NEW),
        k(B.OUTDOOR_SIGN_APPROVAL),
        k(B.FIRE_SAFETY_INSPECTION),
        k(B.TOBACCO_RETAIL_LICENCE),
      ],
    },
    {
      key: 'legalRepresentativeId',
      label: '法定代表人（负责人）身份证号',
      type: 'resident_id',
      required: true,
      itemCodes: [k(B.FOOD_LICENCE_NEW), k(B.FIRE_SAFETY_INSPECTION), k(B.TOBACCO_RETAIL_LICENCE)],
    },
    {
      key: 'contactMobile',
      label: '联系电话',
      type: 'mobile',
      required: true,
      itemCodes: [
        k(B.FOOD_LICENCE_NEW),
        k(B.OUTDOOR_SIGN_APPROVAL),
        k(B.FIRE_SAFETY_INSPECTION),
        k(B.TOBACCO_RETAIL_LICENCE),
      ],
    },
    {
      key: 'premisesAddress',
      label: '经营场所地址',
      type: 'address',
      required: true,
      itemCodes: [
        k(B.FOOD_LICENCE_NEW),
        k(B.OUTDOOR_SIGN_APPROVAL),
        k(B.FIRE_SAFETY_INSPECTION),
        k(B.TOBACCO_RETAIL_LICENCE),
      ],
    },
    {
      key: 'floorArea',
      label: '经营场所面积（平方米）',
      type: 'number',
      required: true,
      itemCodes: [k(B.FOOD_LICENCE_NEW), k(B.FIRE_SAFETY_INSPECTION)],
    },
    {
      key: 'businessCategory',
      label: '经营项目',
      type: 'select',
      required: true,
      options: ['热食类食品制售', '冷食类食品制售', '糕点类食品制售', '自制饮品制售'],
      itemCodes: [k(B.FOOD_LICENCE_NEW)],
    },
    {
      key: 'signSize',
      label: '招牌尺寸（米）',
      type: 'text',
      required: false,
      itemCodes: [k(B.OUTDOOR_SIGN_APPROVAL)],
    },
    {
      key: 'sellsTobacco',
      label: '是否经营卷烟',
      type: 'boolean',
      required: true,
      itemCodes: [k(B.TOBACCO_RETAIL_LICENCE)],
    },
  ],
};

/** 企业开办: registration first, then seal, invoice, social insurance and housing fund in parallel (illustrative). */
export const COMPANY_BUNDLE: BundleInput = {
  code: 'BUNDLE-COMPANY',
  name: '企业开办一件事',
  serviceObjects: ['1', '2'],
  illustrative: true,
  description: '名称申报、设立登记后，公章刻制、发票申领、社保登记、公积金缴存登记并联办理',
  items: [
    { itemCode: k(B.NAME_DECLARATION) },
    { itemCode: k(B.ENTERPRISE_REGISTRATION), after: [k(B.NAME_DECLARATION)] },
    { itemCode: k(B.SEAL_ENGRAVING_FILING), after: [k(B.ENTERPRISE_REGISTRATION)] },
    { itemCode: k(B.FIRST_INVOICE_APPLICATION), after: [k(B.ENTERPRISE_REGISTRATION)] },
    { itemCode: k(P.EMPLOYER_INSURANCE_REGISTRATION), after: [k(B.ENTERPRISE_REGISTRATION)] },
    { itemCode: k(P.EMPLOYER_HOUSING_FUND_REGISTRATION), after: [k(B.ENTERPRISE_REGISTRATION)] },
  ],
  form: [
    {
      key: 'enterpriseName',
      label: '企业名称',
      type: 'text',
      required: true,
      itemCodes: [
        k(B.NAME_DECLARATION),
        k(B.ENTERPRISE_REGISTRATION),
        k(B.SEAL_ENGRAVING_FILING),
        k(B.FIRST_INVOICE_APPLICATION),
        k(P.EMPLOYER_INSURANCE_REGISTRATION),
        k(P.EMPLOYER_HOUSING_FUND_REGISTRATION),
      ],
    },
    {
      key: 'legalRepresentativeId',
      label: '法定代表人身份证号',
      type: 'resident_id',
      required: true,
      itemCodes: [
        k(B.ENTERPRISE_REGISTRATION),
        k(B.SEAL_ENGRAVING_FILING),
        k(B.FIRST_INVOICE_APPLICATION),
        k(P.EMPLOYER_INSURANCE_REGISTRATION),
      ],
    },
    {
      key: 'contactMobile',
      label: '联系电话',
      type: 'mobile',
      required: true,
      itemCodes: [
        k(B.ENTERPRISE_REGISTRATION),
        k(B.FIRST_INVOICE_APPLICATION),
        k(P.EMPLOYER_INSURANCE_REGISTRATION),
        k(P.EMPLOYER_HOUSING_FUND_REGISTRATION),
      ],
    },
    {
      key: 'registeredAddress',
      label: '住所',
      type: 'address',
      required: true,
      itemCodes: [k(B.ENTERPRISE_REGISTRATION), k(P.EMPLOYER_INSURANCE_REGISTRATION)],
    },
    {
      key: 'registeredCapital',
      label: '注册资本（万元）',
      type: 'number',
      required: true,
      itemCodes: [k(B.ENTERPRISE_REGISTRATION)],
    },
    {
      key: 'sealCount',
      label: '刻制印章枚数',
      type: 'number',
      required: true,
      itemCodes: [k(B.SEAL_ENGRAVING_FILING)],
    },
    {
      key: 'invoiceType',
      label: '申领发票种类',
      type: 'select',
      required: true,
      options: ['数电发票（普通发票）', '数电发票（增值税专用发票）'],
      itemCodes: [k(B.FIRST_INVOICE_APPLICATION)],
    },
    {
      key: 'employeeCount',
      label: '参保职工人数',
      type: 'number',
      required: false,
      itemCodes: [k(P.EMPLOYER_INSURANCE_REGISTRATION), k(P.EMPLOYER_HOUSING_FUND_REGISTRATION)],
    },
  ],
};

/** 新生儿出生: sub-items per docs/domain.md §6.3 (Lanzhou/Xiamen plans [P]; national core list UNCONFIRMED). */
export const NEWBORN_BUNDLE: BundleInput = {
  code: 'BUNDLE-NEWBORN',
  name: '新生儿出生一件事',
  serviceObjects: ['1'],
  illustrative: true,
  description: '出生医学证明、预防接种证、户口登记、社会保障卡、城乡居民医保参保一次办理；父母电子证照免提交',
  items: [
    { itemCode: k(P.BIRTH_CERTIFICATE_ISSUE) },
    { itemCode: k(P.VACCINATION_CERTIFICATE_ISSUE) },
    { itemCode: k(P.BIRTH_HOUSEHOLD_REGISTRATION), after: [k(P.BIRTH_CERTIFICATE_ISSUE)] },
    { itemCode: k(P.SOCIAL_SECURITY_CARD_APPLICATION), after: [k(P.BIRTH_HOUSEHOLD_REGISTRATION)] },
    { itemCode: k(P.RESIDENT_MEDICAL_INSURANCE_ENROLMENT), after: [k(P.BIRTH_HOUSEHOLD_REGISTRATION)] },
    { itemCode: k(P.MATERNITY_EXPENSE_REIMBURSEMENT), optional: true, after: [k(P.BIRTH_CERTIFICATE_ISSUE)] },
  ],
  form: [
    {
      key: 'childName',
      label: '新生儿姓名',
      type: 'text',
      required: true,
      itemCodes: [
        k(P.BIRTH_CERTIFICATE_ISSUE),
        k(P.VACCINATION_CERTIFICATE_ISSUE),
        k(P.BIRTH_HOUSEHOLD_REGISTRATION),
        k(P.SOCIAL_SECURITY_CARD_APPLICATION),
        k(P.RESIDENT_MEDICAL_INSURANCE_ENROLMENT),
      ],
    },
    {
      key: 'childBirthDate',
      label: '出生日期',
      type: 'date',
      required: true,
      itemCodes: [
        k(P.BIRTH_CERTIFICATE_ISSUE),
        k(P.VACCINATION_CERTIFICATE_ISSUE),
        k(P.BIRTH_HOUSEHOLD_REGISTRATION),
      ],
    },
    {
      key: 'childSex',
      label: '性别',
      type: 'select',
      required: true,
      options: ['男', '女'],
      itemCodes: [k(P.BIRTH_CERTIFICATE_ISSUE), k(P.BIRTH_HOUSEHOLD_REGISTRATION)],
    },
    {
      key: 'motherResidentId',
      label: '母亲身份证号',
      type: 'resident_id',
      required: true,
      itemCodes: [
        k(P.BIRTH_CERTIFICATE_ISSUE),
        k(P.BIRTH_HOUSEHOLD_REGISTRATION),
        k(P.MATERNITY_EXPENSE_REIMBURSEMENT),
      ],
    },
    {
      key: 'fatherResidentId',
      label: '父亲身份证号',
      type: 'resident_id',
      required: false,
      itemCodes: [k(P.BIRTH_CERTIFICATE_ISSUE), k(P.BIRTH_HOUSEHOLD_REGISTRATION)],
    },
    {
      key: 'householdAddress',
      label: '申报户口地址',
      type: 'address',
      required: true,
      itemCodes: [k(P.BIRTH_HOUSEHOLD_REGISTRATION)],
    },
    {
      key: 'guardianMobile',
      label: '监护人联系电话',
      type: 'mobile',
      required: true,
      itemCodes: [
        k(P.SOCIAL_SECURITY_CARD_APPLICATION),
        k(P.RESIDENT_MEDICAL_INSURANCE_ENROLMENT),
        k(P.MATERNITY_EXPENSE_REIMBURSEMENT),
      ],
    },
  ],
};

/** 退休: pension claim first, then medical benefit and housing-fund withdrawal in parallel (illustrative). */
export const RETIREMENT_BUNDLE: BundleInput = {
  code: 'BUNDLE-RETIREMENT',
  name: '退休一件事',
  serviceObjects: ['1'],
  illustrative: true,
  description: '职工退休审批后，医保退休待遇核定与住房公积金提取并联办理',
  items: [
    { itemCode: k(P.RETIREMENT_PENSION_CLAIM) },
    { itemCode: k(P.RETIREE_MEDICAL_BENEFIT), after: [k(P.RETIREMENT_PENSION_CLAIM)] },
    { itemCode: k(P.RETIREMENT_HOUSING_FUND_WITHDRAWAL), after: [k(P.RETIREMENT_PENSION_CLAIM)] },
  ],
  form: [
    {
      key: 'residentId',
      label: '身份证号',
      type: 'resident_id',
      required: true,
      itemCodes: [
        k(P.RETIREMENT_PENSION_CLAIM),
        k(P.RETIREE_MEDICAL_BENEFIT),
        k(P.RETIREMENT_HOUSING_FUND_WITHDRAWAL),
      ],
    },
    {
      key: 'mobile',
      label: '联系电话',
      type: 'mobile',
      required: true,
      itemCodes: [
        k(P.RETIREMENT_PENSION_CLAIM),
        k(P.RETIREE_MEDICAL_BENEFIT),
        k(P.RETIREMENT_HOUSING_FUND_WITHDRAWAL),
      ],
    },
    {
      key: 'bankAccount',
      label: '待遇发放银行账号',
      type: 'text',
      required: true,
      itemCodes: [k(P.RETIREMENT_PENSION_CLAIM), k(P.RETIREMENT_HOUSING_FUND_WITHDRAWAL)],
    },
    {
      key: 'employerName',
      label: '退休前工作单位',
      type: 'text',
      required: true,
      itemCodes: [k(P.RETIREMENT_PENSION_CLAIM), k(P.RETIREE_MEDICAL_BENEFIT)],
    },
  ],
};

export const SEED_BUNDLES: BundleInput[] = [
  RESTAURANT_BUNDLE,
  COMPANY_BUNDLE,
  NEWBORN_BUNDLE,
  RETIREMENT_BUNDLE,
];
