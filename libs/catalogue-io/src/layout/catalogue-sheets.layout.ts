import {
  BUNDLE_JOINT_HANDLING_LABELS,
  EXERCISE_LEVELS,
  HANDLING_TYPES,
  IMPLEMENTING_BODY_NATURES,
  MATERIAL_FORM_LABELS,
  MATERIAL_NECESSITY_LABELS,
  MATERIAL_SOURCE_LABELS,
  TIME_LIMIT_UNITS,
} from '@onewindow/standards';
import { bool, int, labelled, list, text, type CellType } from './cell-types';

export interface ColumnSpec {
  header: string;
  /** Dotted path of the field in the sheet's row object. */
  path: string;
  type: CellType;
  required?: boolean;
}

export interface SheetSpec {
  name: string;
  /** Absent optional sheets count as empty. */
  optional?: boolean;
  columns: ColumnSpec[];
}

const col = (header: string, path: string, type: CellType = text, required = false): ColumnSpec => ({
  header,
  path,
  type,
  required,
});
const codeLabels = (table: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.keys(table).map((k) => [k, k]));

export const SHEET = {
  departments: '部门',
  certificateTypes: '证照类型',
  materials: '材料',
  items: '事项',
  itemFees: '事项收费',
  itemResults: '事项结果',
  itemMaterials: '事项材料',
  bundles: '一件事',
  bundleItems: '一件事事项',
  bundleForm: '一件事表单',
} as const;

/** Key column shared by child sheets: 事项编码 = 业务办理项编码 if present, else 实施编码. */
export const ITEM_KEY_HEADER = '事项编码';

/** The workbook layout: one sheet per entity, Chinese headers, codes stored as text. */
export const CATALOGUE_SHEETS: SheetSpec[] = [
  {
    name: SHEET.departments,
    columns: [
      col('部门编码', 'code', text, true),
      col('部门名称', 'name', text, true),
      col('上级部门编码', 'parentCode'),
      col('行政区划代码', 'regionCode', text, true),
      col('统一社会信用代码', 'uscc'),
      col('示例数据', 'illustrative', bool),
    ],
  },
  {
    name: SHEET.certificateTypes,
    columns: [
      col('证照类型代码', 'code', text, true),
      col('证照类型名称', 'name', text, true),
      col('证照定义机构', 'definingAuthority', text, true),
      col('证照定义机构代码', 'definingAuthorityCode', text, true),
      col(
        '持证主体代码类型',
        'holderCodeType',
        labelled({ resident_id: '公民身份号码', uscc: '统一社会信用代码' }),
        true,
      ),
      col('有效期（年）', 'validityYears', int),
      col('发证部门编码', 'issuerDepartmentCode'),
      col('示例数据', 'illustrative', bool),
      col('备注', 'notes'),
    ],
  },
  {
    name: SHEET.materials,
    columns: [
      col('材料编码', 'code', text, true),
      col('材料名称', 'name', text, true),
      col(
        '材料类型',
        'kind',
        labelled({ certificate: '证件证书证明', form: '申请表格文书', other: '其他' }),
        true,
      ),
      col('来源渠道', 'source', labelled(MATERIAL_SOURCE_LABELS), true),
      col('证照类型代码', 'certificateTypeCode'),
      col('出具机构', 'issuer'),
      col('空白表格', 'blankFormRef'),
      col('示例样表', 'sampleRef'),
      col('备注', 'notes'),
      col('示例数据', 'illustrative', bool),
    ],
  },
  {
    name: SHEET.items,
    columns: [
      col('基本编码', 'basicCode', text, true),
      col('实施编码', 'implementationCode', text, true),
      col('业务办理项编码', 'handlingItemCode'),
      col('地方基本编码', 'localBasicCode'),
      col('地方实施编码', 'localImplementationCode'),
      col('事项名称', 'name', text, true),
      col('事项类型代码', 'itemType', text, true),
      col('设定依据', 'legalBasis', text, true),
      col('行使层级代码', 'level', labelled(codeLabels(EXERCISE_LEVELS)), true),
      col('实施部门编码', 'departmentCode', text, true),
      col(
        '实施主体性质代码',
        'implementingBodyNature',
        labelled(codeLabels(IMPLEMENTING_BODY_NATURES)),
        true,
      ),
      col('共同实施部门编码', 'coDepartmentCodes', list),
      col('法定办结时限', 'statutoryLimit.value', int, true),
      col('法定时限单位', 'statutoryLimit.unit', labelled(TIME_LIMIT_UNITS), true),
      col('承诺办结时限', 'promisedLimit.value', int, true),
      col('承诺时限单位', 'promisedLimit.unit', labelled(TIME_LIMIT_UNITS), true),
      col('时限说明', 'limitNote'),
      col('办件类型代码', 'handlingType', labelled(codeLabels(HANDLING_TYPES)), true),
      col('办理形式代码', 'handlingForms', list),
      col('受理条件', 'acceptanceConditions', text, true),
      col('是否收费', 'fees.charged', bool, true),
      col('收费依据', 'fees.basis'),
      col('服务对象代码', 'serviceObjects', list, true),
      col('事项版本', 'version', int, true),
      col('示例数据', 'illustrative', bool),
      col('备注', 'notes'),
    ],
  },
  {
    name: SHEET.itemFees,
    optional: true,
    columns: [
      col(ITEM_KEY_HEADER, 'itemCode', text, true),
      col('收费项目名称', 'name', text, true),
      col('收费标准', 'standard', text, true),
      col('是否允许减免', 'reducible', bool, true),
      col('减免依据', 'basis'),
    ],
  },
  {
    name: SHEET.itemResults,
    columns: [
      col(ITEM_KEY_HEADER, 'itemCode', text, true),
      col('结果名称', 'name', text, true),
      col(
        '结果类型',
        'kind',
        labelled({ certificate: '证照', approval_document: '批文', other: '其他', none: '无' }),
        true,
      ),
      col('证照类型代码', 'certificateTypeCode'),
    ],
  },
  {
    name: SHEET.itemMaterials,
    columns: [
      col(ITEM_KEY_HEADER, 'itemCode', text, true),
      col('材料编码', 'code', text, true),
      col('材料形式', 'form', labelled(MATERIAL_FORM_LABELS), true),
      col('原件份数', 'originals', int, true),
      col('复印件份数', 'copies', int, true),
      col('材料必要性', 'necessity', labelled(MATERIAL_NECESSITY_LABELS), true),
      // 容缺后补 only: what a missed supplement date does to the case (blank = 继续等待).
      col('容缺逾期处理', 'toleratedOverdue', labelled({ wait: '继续等待', terminate: '终止办理' })),
      col('空白表格', 'blankFormRef'),
      col('示例样表', 'sampleRef'),
      col('备注', 'notes'),
    ],
  },
  {
    name: SHEET.bundles,
    optional: true,
    columns: [
      col('一件事编码', 'code', text, true),
      col('一件事名称', 'name', text, true),
      col('说明', 'description'),
      col('服务对象代码', 'serviceObjects', list, true),
      // 行政许可法 Art. 42 ¶2: a bundle handled jointly runs on 45 working days (+15); empty = the strictest item.
      col('办理方式', 'jointHandling', labelled(BUNDLE_JOINT_HANDLING_LABELS)),
      col('示例数据', 'illustrative', bool),
      col('备注', 'notes'),
    ],
  },
  {
    name: SHEET.bundleItems,
    optional: true,
    columns: [
      col('一件事编码', 'bundleCode', text, true),
      col(ITEM_KEY_HEADER, 'itemCode', text, true),
      col('是否可选', 'optional', bool, true),
      col('前置事项编码', 'after', list),
    ],
  },
  {
    name: SHEET.bundleForm,
    optional: true,
    columns: [
      col('一件事编码', 'bundleCode', text, true),
      col('字段键', 'key', text, true),
      col('字段名称', 'label', text, true),
      col(
        '字段类型',
        'type',
        labelled({
          text: '文本',
          number: '数字',
          date: '日期',
          select: '选择',
          boolean: '是否',
          resident_id: '身份证号',
          uscc: '统一社会信用代码',
          mobile: '手机号',
          address: '地址',
        }),
        true,
      ),
      col('是否必填', 'required', bool, true),
      col('选项', 'options', list),
      col('使用事项编码', 'itemCodes', list, true),
    ],
  },
];

export const sheetSpec = (name: string): SheetSpec =>
  CATALOGUE_SHEETS.find((s) => s.name === name) as SheetSpec;
