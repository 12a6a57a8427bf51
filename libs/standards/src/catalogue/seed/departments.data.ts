import type { Department } from '../../department/department.schema';

/** Fictional 示范市 (division 379900, not a real city; province prefix 37 only so codes validate). USCCs made up, check characters valid. */
export const SEED_DEPARTMENTS = {
  SCJG: { code: 'SFS-SCJG', name: '示范市市场监督管理局', regionCode: '379900', uscc: '11379900MB1000101Y', illustrative: true },
  WJW: { code: 'SFS-WJW', name: '示范市卫生健康委员会', regionCode: '379900', uscc: '11379900MB1000108L', illustrative: true },
  FYBJY: { code: 'SFS-WJW-FYBJY', name: '示范市妇幼保健院（助产机构）', parentCode: 'SFS-WJW', regionCode: '379900', uscc: '12379900MB10001159', illustrative: true },
  XFJY: { code: 'SFS-XFJY', name: '示范市消防救援支队', regionCode: '379900', uscc: '11379900MB10001224', illustrative: true },
  STHJ: { code: 'SFS-STHJ', name: '示范市生态环境局', regionCode: '379900', uscc: '11379900MB1000129R', illustrative: true },
  ZJJ: { code: 'SFS-ZJJ', name: '示范市住房和城乡建设局', regionCode: '379900', uscc: '11379900MB1000136H', illustrative: true },
  CGJ: { code: 'SFS-CGJ', name: '示范市城市管理局', regionCode: '379900', uscc: '11379900MB10001439', illustrative: true },
  ZRZY: { code: 'SFS-ZRZY', name: '示范市自然资源和规划局', regionCode: '379900', uscc: '11379900MB10001501', illustrative: true },
  GAJ: { code: 'SFS-GAJ', name: '示范市公安局', regionCode: '379900', uscc: '11379900MB1000157N', illustrative: true },
  GAJ_ZX: { code: 'SFS-GAJ-ZX', name: '示范市公安局中心区分局', parentCode: 'SFS-GAJ', regionCode: '379902', uscc: '11379900MB1000164E', illustrative: true },
  RSJ: { code: 'SFS-RSJ', name: '示范市人力资源和社会保障局', regionCode: '379900', uscc: '11379900MB10001716', illustrative: true },
  MZJ: { code: 'SFS-MZJ', name: '示范市民政局', regionCode: '379900', uscc: '11379900MB1000178U', illustrative: true },
  JTYS: { code: 'SFS-JTYS', name: '示范市交通运输局', regionCode: '379900', uscc: '11379900MB1000185K', illustrative: true },
  YBJ: { code: 'SFS-YBJ', name: '示范市医疗保障局', regionCode: '379900', uscc: '11379900MB1000192B', illustrative: true },
  SWJ: { code: 'SFS-SWJ', name: '国家税务总局示范市税务局', regionCode: '379900', uscc: '11379900MB10001991', illustrative: true },
  YCJ: { code: 'SFS-YCJ', name: '示范市烟草专卖局', regionCode: '379900', uscc: '11379900MB10002064', illustrative: true },
  GJJ: { code: 'SFS-GJJ', name: '示范市住房公积金管理中心', regionCode: '379900', uscc: '12379900MB1000213Q', illustrative: true },
  ZWFW: { code: 'SFS-ZWFW', name: '示范市政务服务中心', regionCode: '379900', uscc: '11379900MB10002279', illustrative: true },
} as const satisfies Record<string, Department>;

export type SeedDepartmentKey = keyof typeof SEED_DEPARTMENTS;
