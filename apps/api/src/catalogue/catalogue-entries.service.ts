// Certificate types and bundles (一件事) as the administrator edits them one at a time: checked against the
// standards' shapes and the catalogue they name, then written with their audit entry in one transaction.
import type { z } from 'zod';
import { recordAudit, type AuditInput } from '@onewindow/audit';
import type { BundleDetail, CatalogueEntrySaved, certificateTypeRequestSchema } from '@onewindow/contracts';
import { inOneTransaction, type Db } from '@onewindow/db';
import { bundleSchema, certificateTypeSchema, type Bundle, type CertificateType } from '@onewindow/standards';
import { ProblemError, ProblemType } from '../http/problem';
import { activeItems } from './catalogue-queries';

type CertificateTypeRequest = z.infer<typeof certificateTypeRequestSchema>;
type FieldError = { path: string; message: string };

/** Who changes the catalogue: the user's name for the catalogue version, the request's audit entry. */
export interface CatalogueChange {
  username: string;
  audit: AuditInput;
}

const invalid = (errors: FieldError[]) =>
  new ProblemError(
    400,
    ProblemType.validation,
    '输入有误',
    `未保存：${errors.map((e) => e.message).join('；')}`,
    errors,
  );

const notFound = (detail: string) => new ProblemError(404, ProblemType.notFound, '不存在', detail);

/** The Chinese for the standards' checks the administrator can trip over, by field; else the rule's own text. */
const FIELD_ZH: Record<string, string> = {
  'certificateType.code':
    '证照类型代码须为证照定义机构代码（18 位统一社会信用代码）加 3 位顺序号，共 21 位，例如 11100000000013338W011',
  'certificateType.definingAuthorityCode':
    '证照定义机构代码须为有效的统一社会信用代码（18 位，末位为校验位）',
  'certificateType.issuerDepartmentCode': '发证部门编码格式有误：请从部门列表中选择',
  'bundle.code': '一件事编码须为 1–50 位字母、数字或 . _ -（以字母或数字开头）',
  'bundle.name': '请填写一件事名称（最多 200 字）',
  'bundle.description': '说明最多 2000 字',
  'bundle.notes': '备注最多 2000 字',
  'bundle.serviceObjects': '请至少选择一个服务对象',
  'bundle.items': '一件事至少组合两个事项',
  'bundle.itemCode': '事项编码须为 31–33 位的实施编码或业务办理项编码：请从事项列表中选择',
  'bundle.jointHandling': '办理方式须为统一办理、联合办理或集中办理，或不填',
  'bundle.form': '一表申请的字段有误',
};

function chineseIssues(what: 'certificateType' | 'bundle', error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
    if (typeof zh === 'string') return { path, message: zh };
    const field = issue.path.length > 0 ? String(issue.path.at(-1)) : '';
    const top = issue.path.length > 0 ? String(issue.path[0]) : '';
    const known = FIELD_ZH[`${what}.${field}`] ?? FIELD_ZH[`${what}.${top}`];
    return { path, message: known ?? `${path || '整体'}：${issue.message}` };
  });
}

const json = (value: unknown) => JSON.stringify(value);

/** Every certificate type, by code, as the standards shape them. */
export async function listCertificateTypes(db: Db): Promise<CertificateType[]> {
  const rows = await db.certificateType.findMany({ orderBy: { code: 'asc' } });
  return rows.map((r) => JSON.parse(r.data) as CertificateType);
}

/**
 * Creates a certificate type (`create`: its code must be new) or changes one in place (`edit`): a type has no
 * versions; certificates already issued keep the validity they were issued with.
 */
export async function saveCertificateType(
  db: Db,
  mode: 'create' | 'edit',
  code: string,
  body: CertificateTypeRequest,
  change: CatalogueChange,
): Promise<CatalogueEntrySaved> {
  if (mode === 'edit' && body.code !== undefined && body.code !== code)
    throw invalid([
      { path: 'code', message: `证照类型代码不能修改（${code}）：如需新代码，请新增一个证照类型` },
    ]);
  if (mode === 'create' && !code) throw invalid([{ path: 'code', message: '请填写证照类型代码' }]);
  const before = await db.certificateType.findUnique({ where: { code } });
  if (mode === 'create' && before)
    throw invalid([
      { path: 'code', message: `证照类型代码 ${code} 已存在：请改用其他代码，或在列表中编辑该证照类型` },
    ]);
  if (mode === 'edit' && !before) throw notFound(`证照类型 ${code} 不存在：请刷新列表后再试`);
  const old = before ? (JSON.parse(before.data) as CertificateType) : undefined;
  const parsed = certificateTypeSchema.safeParse({
    code,
    name: body.name,
    definingAuthority: body.definingAuthority,
    definingAuthorityCode: body.definingAuthorityCode,
    holderCodeType: body.holderCodeType,
    ...(body.validityYears != null ? { validityYears: body.validityYears } : {}),
    ...(body.issuerDepartmentCode ? { issuerDepartmentCode: body.issuerDepartmentCode } : {}),
    ...(old?.illustrative !== undefined ? { illustrative: old.illustrative } : {}),
    ...(body.notes?.trim() ? { notes: body.notes.trim() } : {}),
  });
  if (!parsed.success) throw invalid(chineseIssues('certificateType', parsed.error));
  const type = parsed.data;
  if (
    type.issuerDepartmentCode &&
    !(await db.department.findUnique({ where: { code: type.issuerDepartmentCode } }))
  )
    throw invalid([
      {
        path: 'issuerDepartmentCode',
        message: `发证部门 ${type.issuerDepartmentCode} 不存在：请从部门列表中选择，或先在“部门”中新建`,
      },
    ]);
  if (old && json(old) === json(type)) return { code, changed: false };
  await inOneTransaction(db, async (tx) => {
    await tx.catalogueVersion.create({
      data: { label: `certificate type ${code}`, source: 'admin', createdBy: change.username },
    });
    const row = { name: type.name, issuerDeptCode: type.issuerDepartmentCode ?? null, data: json(type) };
    if (before) await tx.certificateType.update({ where: { code }, data: row });
    else await tx.certificateType.create({ data: { code, ...row } });
    await recordAudit(tx, {
      ...change.audit,
      payload: {
        ...(change.audit.payload as object),
        certificateType: code,
        before: old ?? null,
        after: type,
      },
    });
  });
  return { code, changed: true };
}

/** A bundle's active version with its history and its items' names; undefined when none is active. */
export async function bundleDetail(db: Db, code: string): Promise<BundleDetail | undefined> {
  const versions = await db.bundle.findMany({ where: { code }, orderBy: { version: 'asc' } });
  const active = versions.findLast((v) => v.status === 'active');
  if (!active) return undefined;
  const bundle = bundleSchema.parse(JSON.parse(active.data));
  const { items } = await activeItems(
    db,
    bundle.items.map((i) => i.itemCode),
  );
  return {
    bundle,
    version: active.version,
    versions: versions.map((v) => ({ version: v.version, status: v.status })),
    itemNames: Object.fromEntries(items.map((i) => [i.handlingItemCode ?? i.implementationCode, i.name])),
  };
}

/**
 * Creates a bundle (`create`: version 1, its code must be new) or saves an edit as its next version (`edit`): the
 * version before is superseded; cases already accepted keep the items and flow they started with.
 */
export async function saveBundle(
  db: Db,
  mode: 'create' | 'edit',
  code: string,
  body: unknown,
  change: CatalogueChange,
): Promise<CatalogueEntrySaved> {
  const given = (body as { code?: unknown } | null)?.code;
  if (mode === 'edit' && given !== undefined && given !== code)
    throw invalid([{ path: 'code', message: `一件事编码不能修改（${code}）：如需新编码，请新增一个一件事` }]);
  const parsed = bundleSchema.safeParse({ ...(body as object), code });
  if (!parsed.success) throw invalid(chineseIssues('bundle', parsed.error));
  const bundle: Bundle = parsed.data;
  const versions = await db.bundle.findMany({ where: { code }, orderBy: { version: 'desc' } });
  if (mode === 'create' && versions.length > 0)
    throw invalid([
      { path: 'code', message: `一件事编码 ${code} 已存在：请改用其他编码，或在列表中编辑该一件事` },
    ]);
  const active = versions.find((v) => v.status === 'active');
  if (mode === 'edit' && !active) throw notFound(`一件事 ${code} 不存在或已停用：请刷新列表后再试`);
  const { missing } = await activeItems(
    db,
    bundle.items.map((i) => i.itemCode),
  );
  if (missing.length > 0)
    throw invalid(
      bundle.items
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => missing.includes(item.itemCode))
        .map(({ item, i }) => ({
          path: `items.${i}.itemCode`,
          message: `事项编码 ${item.itemCode} 不在目录中（没有现行版本）：请从事项列表中选择`,
        })),
    );
  if (active && json(JSON.parse(active.data)) === json(bundle))
    return { code, version: active.version, changed: false };
  const version = (versions[0]?.version ?? 0) + 1;
  await inOneTransaction(db, async (tx) => {
    await tx.catalogueVersion.create({
      data: { label: `bundle ${code} v${version}`, source: 'admin', createdBy: change.username },
    });
    await tx.bundle.updateMany({ where: { code, status: 'active' }, data: { status: 'superseded' } });
    await tx.bundle.create({ data: { code, version, name: bundle.name, data: json(bundle) } });
    await recordAudit(tx, {
      ...change.audit,
      payload: {
        ...(change.audit.payload as object),
        bundle: code,
        version,
        before: active ? { version: active.version, ...JSON.parse(active.data) } : null,
        after: bundle,
      },
    });
  });
  return { code, version, changed: true };
}
