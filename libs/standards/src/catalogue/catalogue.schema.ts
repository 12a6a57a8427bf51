import { z } from 'zod';
import { bundleSchema } from '../bundle/bundle.schema';
import { certificateTypeSchema } from '../certificate/certificate.schema';
import { departmentSchema } from '../department/department.schema';
import { itemKey, itemSchema } from '../item/item.schema';
import { standardMaterialSchema } from '../material/material.schema';

/** A custom issue: `message` in English, `params.zh` the same in Chinese (the catalogue import shows it). */
const addIssue = (ctx: z.RefinementCtx, path: (string | number)[], message: string, zh: string) =>
  ctx.addIssue({ code: 'custom', path, message, params: { zh } });

const WHAT_ZH: Record<string, string> = {
  department: '部门编码',
  'certificate type': '证照类型代码',
  material: '材料编码',
  item: '事项编码',
  bundle: '一件事编码',
};

function duplicates<T>(
  ctx: z.RefinementCtx,
  list: T[],
  key: (t: T) => string,
  path: string,
  what: string,
): Map<string, T> {
  const map = new Map<string, T>();
  list.forEach((t, i) => {
    const k = key(t) as string | undefined;
    if (typeof k !== 'string') return; // a missing code is reported by the entry's own schema
    if (map.has(k))
      addIssue(
        ctx,
        [path, i],
        `${what} ${k} is defined twice`,
        `${WHAT_ZH[what] ?? what} ${k} 重复登记：每个编码只能出现一次`,
      );
    else map.set(k, t);
  });
  return map;
}

/** The check below also runs on entries that failed their own schema, so nested lists may be anything. */
const asArray = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

/** Cross-references are checked even when some entries are invalid, so an import lists every problem at once. */
function isCatalogueShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['departments', 'certificateTypes', 'materials', 'items', 'bundles'].every(
    (k) => Array.isArray(v[k]) && (v[k] as unknown[]).every((e) => typeof e === 'object' && e !== null),
  );
}

/** The whole catalogue: every cross-reference must resolve (同一事项、同一标准、同一编码). */
export const catalogueSchema = z
  .object({
    departments: z.array(departmentSchema),
    certificateTypes: z.array(certificateTypeSchema),
    materials: z.array(standardMaterialSchema),
    items: z.array(itemSchema),
    bundles: z.array(bundleSchema),
  })
  .superRefine(
    (cat, ctx) => {
      const depts = duplicates(ctx, cat.departments, (d) => d.code, 'departments', 'department');
      const types = duplicates(
        ctx,
        cat.certificateTypes,
        (t) => t.code,
        'certificateTypes',
        'certificate type',
      );
      const materials = duplicates(ctx, cat.materials, (m) => m.code, 'materials', 'material');
      const items = duplicates(ctx, cat.items, itemKey, 'items', 'item');
      duplicates(ctx, cat.bundles, (b) => b.code, 'bundles', 'bundle');

      cat.departments.forEach((d, i) => {
        if (d.parentCode !== undefined && !depts.has(d.parentCode))
          addIssue(
            ctx,
            ['departments', i, 'parentCode'],
            `unknown parent department ${d.parentCode}`,
            `上级部门编码 ${d.parentCode} 不在“部门”表中`,
          );
        const seen = new Set<string>([d.code]);
        for (let p = d.parentCode; p !== undefined; p = depts.get(p)?.parentCode) {
          if (seen.has(p)) {
            addIssue(
              ctx,
              ['departments', i, 'parentCode'],
              `department ${d.code} is its own ancestor`,
              `部门 ${d.code} 的上级部门链回到了它自己：请改正上级部门编码`,
            );
            break;
          }
          seen.add(p);
        }
      });
      cat.certificateTypes.forEach((t, i) => {
        if (t.issuerDepartmentCode !== undefined && !depts.has(t.issuerDepartmentCode))
          addIssue(
            ctx,
            ['certificateTypes', i, 'issuerDepartmentCode'],
            `unknown issuing department ${t.issuerDepartmentCode}`,
            `发证部门编码 ${t.issuerDepartmentCode} 不在“部门”表中`,
          );
      });
      cat.materials.forEach((m, i) => {
        if (m.certificateTypeCode !== undefined && !types.has(m.certificateTypeCode))
          addIssue(
            ctx,
            ['materials', i, 'certificateTypeCode'],
            `unknown certificate type ${m.certificateTypeCode}`,
            `证照类型代码 ${m.certificateTypeCode} 不在“证照类型”表中`,
          );
      });
      cat.items.forEach((item, i) => {
        const dept = depts.get(item.departmentCode);
        if (!dept)
          addIssue(
            ctx,
            ['items', i, 'departmentCode'],
            `unknown department ${item.departmentCode}`,
            `实施部门编码 ${item.departmentCode} 不在“部门”表中`,
          );
        else if (
          dept.uscc !== undefined &&
          typeof item.implementationCode === 'string' &&
          item.implementationCode.slice(0, 18) !== dept.uscc
        )
          addIssue(
            ctx,
            ['items', i, 'implementationCode'],
            `characters 1–18 of the implementation code must be the USCC of department ${dept.code} (${dept.uscc})`,
            `实施编码的第 1–18 位应为实施部门 ${dept.code} 的统一社会信用代码 ${dept.uscc}`,
          );
        asArray(item.coDepartmentCodes).forEach((c, j) => {
          if (!depts.has(c))
            addIssue(
              ctx,
              ['items', i, 'coDepartmentCodes', j],
              `unknown department ${c}`,
              `共同实施部门编码 ${c} 不在“部门”表中`,
            );
        });
        asArray(item.results).forEach((r, j) => {
          if (
            typeof r === 'object' &&
            r?.certificateTypeCode !== undefined &&
            !types.has(r.certificateTypeCode)
          )
            addIssue(
              ctx,
              ['items', i, 'results', j, 'certificateTypeCode'],
              `unknown certificate type ${r.certificateTypeCode}`,
              `证照类型代码 ${r.certificateTypeCode} 不在“证照类型”表中`,
            );
        });
        asArray(item.materials).forEach((req, j) => {
          const std = materials.get(req?.code);
          if (typeof req !== 'object' || req === null) return;
          if (!std)
            return addIssue(
              ctx,
              ['items', i, 'materials', j, 'code'],
              `unknown standard material ${req.code}`,
              `材料编码 ${req.code} 不在“材料”表中`,
            );
          for (const field of ['name', 'kind', 'source', 'certificateTypeCode', 'issuer'] as const) {
            if (req[field] !== std[field])
              addIssue(
                ctx,
                ['items', i, 'materials', j, field],
                `${field} '${req[field] ?? ''}' differs from standard material ${std.code} ('${std[field] ?? ''}')`,
                `${field}“${req[field] ?? ''}”与“材料”表中 ${std.code} 的登记（“${std[field] ?? ''}”）不一致`,
              );
          }
        });
      });
      cat.bundles.forEach((b, i) =>
        asArray(b.items).forEach((bi, j) => {
          if (typeof bi === 'object' && bi !== null && !items.has(bi.itemCode))
            addIssue(
              ctx,
              ['bundles', i, 'items', j, 'itemCode'],
              `unknown item ${bi.itemCode}`,
              `事项编码 ${bi.itemCode} 不在“事项”表中`,
            );
        }),
      );
    },
    { when: (payload) => isCatalogueShaped(payload.value) },
  );
export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;

/** Thrown when catalogue data fail validation; the message names each bad entry by path and code. */
export class CatalogueValidationError extends Error {
  override readonly name = 'CatalogueValidationError';
  /** Stable code for the API's problem+json mapping. */
  readonly code = 'INVALID_CATALOGUE' as const;
  constructor(
    readonly issues: { path: string; entry?: string; message: string }[],
    source: string,
  ) {
    super(
      `${source} is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `- ${i.path}${i.entry ? ` [${i.entry}]` : ''}: ${i.message}`).join('\n'),
    );
  }
}

function entryName(input: unknown, path: PropertyKey[]): string | undefined {
  if (path.length < 2 || typeof input !== 'object' || input === null) return undefined;
  const list = (input as Record<string, unknown>)[String(path[0])];
  const entry = Array.isArray(list) ? list[Number(path[1])] : undefined;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const e = entry as Record<string, unknown>;
  const key = e.handlingItemCode ?? e.implementationCode ?? e.code;
  return [key, e.name].filter((x) => typeof x === 'string').join(' ');
}

/** Parses catalogue data, throwing CatalogueValidationError that names every bad entry. */
export function parseCatalogue(input: unknown, source = 'catalogue'): Catalogue {
  const result = catalogueSchema.safeParse(input);
  if (result.success) return result.data;
  throw new CatalogueValidationError(
    result.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      entry: entryName(input, i.path),
      message: i.message,
    })),
    source,
  );
}
