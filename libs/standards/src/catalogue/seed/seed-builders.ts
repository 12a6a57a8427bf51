import type { ItemInput } from '../../item/item.schema';
import type { MaterialForm, MaterialNecessity, MaterialRequirement } from '../../material/material.schema';
import { SEED_DEPARTMENTS, type SeedDepartmentKey } from './departments.data';
import { seedMaterial } from './materials.data';

interface NeedOptions {
  originals?: number;
  copies?: number;
  notes?: string;
}

/** An item's requirement for a seed material; paper counts default to 1 of the chosen form. */
export function need(
  code: string,
  form: MaterialForm = 'original',
  necessity: MaterialNecessity = 'required',
  opts: NeedOptions = {},
): MaterialRequirement {
  const { illustrative: _ignored, ...std } = seedMaterial(code);
  return {
    ...std,
    form,
    originals: opts.originals ?? (form === 'original' ? 1 : 0),
    copies: opts.copies ?? (form === 'copy' ? 1 : 0),
    necessity,
    ...(opts.notes ? { notes: opts.notes } : {}),
  };
}

/** Statutory 20 working days: 行政许可法 Art. 42 ¶1, the default when no other law sets a limit. */
export const LICENCE_STATUTORY_NOTE =
  '法定时限按《行政许可法》第四十二条：20个工作日（其他法律另有规定的从其规定）；承诺时限为示例值';
export const ILLUSTRATIVE_LIMIT_NOTE =
  '非行政许可事项：docs/domain.md 未给出法定时限，数值为示例，按本地实施清单配置';

export interface SeedItemSpec extends Omit<
  ItemInput,
  | 'basicCode'
  | 'implementationCode'
  | 'handlingItemCode'
  | 'departmentCode'
  | 'statutoryLimit'
  | 'promisedLimit'
  | 'level'
  | 'implementingBodyNature'
  | 'version'
  | 'fees'
> {
  dept: SeedDepartmentKey;
  /** 5-digit main item and optional 3-digit sub-item of the (made-up) basic code. */
  main: string;
  sub?: string;
  level?: '3' | '4';
  nature?: '1' | '2' | '3' | '9';
  handlingSeq?: string;
  limits: [statutory: number, promised: number, unit?: 'working_day' | 'natural_day'];
  fees?: ItemInput['fees'];
}

/** Builds a seed item: codes follow docs/domain.md §1.2 (basic code 00+type+main+sub; implementation = dept USCC + level + basic). */
export function seedItem(spec: SeedItemSpec): ItemInput {
  const { dept, main, sub = '000', level = '3', nature = '1', handlingSeq, limits, fees, ...rest } = spec;
  const basicCode = `00${spec.itemType}${main}${sub}`;
  const implementationCode = `${SEED_DEPARTMENTS[dept].uscc}${level}${basicCode}`;
  const unit = limits[2] ?? 'working_day';
  return {
    ...rest,
    basicCode,
    implementationCode,
    ...(handlingSeq ? { handlingItemCode: implementationCode + handlingSeq } : {}),
    departmentCode: SEED_DEPARTMENTS[dept].code,
    level,
    implementingBodyNature: nature,
    statutoryLimit: { value: limits[0], unit },
    promisedLimit: { value: limits[1], unit },
    limitNote: rest.limitNote ?? (spec.itemType === '01' ? LICENCE_STATUTORY_NOTE : ILLUSTRATIVE_LIMIT_NOTE),
    fees: fees ?? { charged: false, items: [] },
    version: 1,
    illustrative: true,
  };
}
