import type { Problem } from '@onewindow/contracts';
import { ProblemError, ProblemType } from '../http/problem';

type FieldError = NonNullable<Problem['errors']>[number];

/** Known sentences of the acceptance's checks, in Chinese for the applicant. */
function chineseMessage(e: FieldError): string {
  const m = e.message;
  let found: RegExpMatchArray | null;
  if ((found = m.match(/no active catalogue item with code (\S+)/)))
    return `目录中没有可申报的事项（编码 ${found[1]}），请重新选择事项`;
  if ((found = m.match(/has several handling items/))) return '该事项有多个办理项，请选择具体的办理项';
  if ((found = m.match(/no active bundle (\S+)/)))
    return `没有可申报的一件事（编码 ${found[1]}），请重新选择`;
  if ((found = m.match(/item (\S+) (\S+) is not part of bundle/)))
    return `事项 ${found[2]} 不属于所选的一件事，请去掉该事项`;
  if ((found = m.match(/bundle \S+ also requires (.+)/)))
    return `所选一件事还必须包含事项 ${found[1]}，请一并选择`;
  if (/two handling items of one implementation/.test(m))
    return '同一事项的两个办理项不能在一次申报中同时申报';
  if (/is listed twice/.test(m)) return '同一材料声明了两次';
  if (/Unrecognized key/i.test(m)) return `表单中有无法识别的字段（${e.path}），请使用申报页面提交`;
  if (e.path === 'applicant.idNumber') {
    const position = m.match(/character (\d+)/)?.[1];
    return position
      ? `证件号码第 ${position} 位不正确，请核对证件后重新填写`
      : '证件号码不正确：个人请填写 18 位居民身份证号码，单位请填写 18 位统一社会信用代码';
  }
  return m;
}

/**
 * The acceptance's validation problem (English for the clerk's API) as the applicant reads it: every field in
 * Chinese, in one 400. Other errors pass through.
 */
export function forApplicant(error: unknown): unknown {
  if (!(error instanceof ProblemError) || error.status !== 400 || !error.errors) return error;
  const errors = error.errors.map((e) => ({ path: e.path, message: chineseMessage(e) }));
  return new ProblemError(
    400,
    ProblemType.validation,
    'Invalid submission',
    `申报内容有误，请修改后重新提交：${errors.map((e) => e.message).join('；')}`,
    errors,
  );
}
