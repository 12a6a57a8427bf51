import { z } from 'zod';

/** 事项类型代码, GB/T 39046 Annex A.1 [N]; 11–19 and 21–29 are extension ranges. */
export const ITEM_TYPES = {
  '00': '行政权力事项',
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
} as const;
export type ItemTypeCode = keyof typeof ITEM_TYPES;
export const itemTypeCodeSchema = z
  .string()
  .regex(/^(0\d|1\d|2\d)$/, 'item type code must be two digits 00–29 (GB/T 39046 A.1)');

/** Name for an item type code, including the extension ranges. */
export function itemTypeName(code: string): string | undefined {
  if (code in ITEM_TYPES) return ITEM_TYPES[code as ItemTypeCode];
  if (/^1[1-9]$/.test(code)) return '行政权力事项（扩展）';
  if (/^2[1-9]$/.test(code)) return '公共服务事项（扩展）';
  return undefined;
}

/** 行使层级代码, A.2 [N]. */
export const EXERCISE_LEVELS = {
  '1': '国家级',
  '2': '省级',
  '3': '市级',
  '4': '县级',
  '5': '镇(乡、街道)级',
  '6': '村(社区)级',
  '7': '分级管理',
} as const;
export const exerciseLevelSchema = z.enum(['1', '2', '3', '4', '5', '6', '7'], {
  error: 'exercise level must be 1–7 (GB/T 39046 A.2)',
});

/** 实施主体性质代码, A.3 [N]. */
export const IMPLEMENTING_BODY_NATURES = {
  '1': '法定机关',
  '2': '授权组织',
  '3': '受委托组织',
  '9': '其他',
} as const;
export const implementingBodyNatureSchema = z.enum(['1', '2', '3', '9']);

/** 服务对象代码, A.4 [N]. */
export const SERVICE_OBJECTS = {
  '1': '自然人',
  '2': '企业法人',
  '3': '事业法人',
  '4': '社会组织法人',
  '5': '行政机关',
  '6': '其他组织',
} as const;
export const serviceObjectSchema = z.enum(['1', '2', '3', '4', '5', '6'], {
  error: 'service object must be 1–6 (GB/T 39046 A.4)',
});

/** 办件类型代码, A.6 [N]: 1 即办件 (on the spot), 2 承诺件, 9 其他. */
export const HANDLING_TYPES = { '1': '即办件', '2': '承诺件', '9': '其他' } as const;
export const handlingTypeSchema = z.enum(['1', '2', '9'], {
  error: 'handling type must be 1 即办件, 2 承诺件 or 9 其他 (GB/T 39046 A.6)',
});

/** 办理形式代码, A.5 [N]. */
export const HANDLING_FORMS = {
  '1': '窗口办理',
  '2': '电脑端网上办理',
  '3': '移动端网上申请',
  '4': '快递申请',
  '9': '其他',
} as const;
export const handlingFormSchema = z.enum(['1', '2', '3', '4', '9']);

/** 时限单位: working or natural days; numeric codes UNCONFIRMED so only these names are stored. */
export const TIME_LIMIT_UNITS = { working_day: '工作日', natural_day: '自然日' } as const;
export const timeLimitUnitSchema = z.enum(['working_day', 'natural_day'], {
  error: "time-limit unit must be 'working_day' (工作日) or 'natural_day' (自然日)",
});
