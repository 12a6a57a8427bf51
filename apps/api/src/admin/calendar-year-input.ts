import { calendarYearSchema, type CalendarYear } from '@onewindow/calendar';
import { z } from 'zod';
import { ProblemError, ProblemType } from '../http/problem';

/** The longest notice reference (`source`) of a calendar year, in UTF-8 bytes (as `PUT /calendar/years/:year`). */
const MAX_SOURCE_BYTES = 2048;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const dateSchema = (what: string) =>
  z
    .string({ error: `${what}必须是日期文字，格式为 YYYY-MM-DD` })
    .refine(realDate, { message: `${what}不是有效日期，格式应为 YYYY-MM-DD，例如 2027-01-01` });

/** A year's notice as the administrator enters or uploads it; every message in Chinese. */
const noticeSchema = z.strictObject(
  {
    year: z
      .number({ error: '年份（year）必须是数字，例如 2027' })
      .int('年份必须是整数')
      .min(2000, '年份不能早于 2000 年')
      .max(2199, '年份不能晚于 2199 年'),
    source: z
      .string({ error: '请填写通知文号（source）' })
      .trim()
      .min(1, '请填写通知文号（source），例如“国办发明电〔2026〕7号”')
      .refine((s) => Buffer.byteLength(s, 'utf8') <= MAX_SOURCE_BYTES, {
        message: `通知文号不能超过 ${MAX_SOURCE_BYTES} 字节：只填写通知的文号或标题`,
      }),
    provisional: z.boolean({ error: 'provisional 必须是 true 或 false' }).default(false),
    holidays: z
      .array(
        z.strictObject(
          {
            name: z.string({ error: '请填写假期名称' }).trim().min(1, '请填写假期名称，例如“春节”'),
            nameEn: z.string().trim().min(1).optional(),
            start: dateSchema('假期开始日期'),
            end: dateSchema('假期结束日期'),
          },
          { error: '每个假期须是 {name, start, end}' },
        ),
        { error: 'holidays 必须是假期的列表' },
      )
      .max(366, '假期不能超过 366 条'),
    adjustedWorkingDays: z
      .array(dateSchema('调休上班日'), { error: 'adjustedWorkingDays 必须是日期的列表' })
      .max(366, '调休上班日不能超过 366 条'),
  },
  { error: '日历数据必须是一个 JSON 对象：{year, source, holidays, adjustedWorkingDays}' },
);

interface Issue {
  path: string;
  message: string;
}

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

/** What the calendar library checks across the dates, said in Chinese: in the year, no overlaps, 调休 on weekends. */
function crossChecks(notice: z.infer<typeof noticeSchema>): Issue[] {
  const issues: Issue[] = [];
  const inYear = (d: string) => d.startsWith(`${notice.year}-`);
  notice.holidays.forEach((h, i) => {
    const label = `第 ${i + 1} 个假期“${h.name}”`;
    for (const [key, what] of [
      ['start', '开始'],
      ['end', '结束'],
    ] as const)
      if (!inYear(h[key]))
        issues.push({
          path: `holidays.${i}.${key}`,
          message: `${label}的${what}日期 ${h[key]} 不在 ${notice.year} 年内：跨年的假期请分别录入到各自的年份`,
        });
    if (h.end < h.start)
      issues.push({
        path: `holidays.${i}.end`,
        message: `${label}的结束日期 ${h.end} 早于开始日期 ${h.start}`,
      });
  });
  const sorted = notice.holidays.map((h, i) => ({ h, i })).sort((a, b) => a.h.start.localeCompare(b.h.start));
  for (let k = 1; k < sorted.length; k++) {
    const [prev, cur] = [sorted[k - 1], sorted[k]];
    if (cur.h.start <= prev.h.end)
      issues.push({
        path: `holidays.${cur.i}`,
        message: `假期“${cur.h.name}”（${cur.h.start}～${cur.h.end}）与“${prev.h.name}”（${prev.h.start}～${prev.h.end}）日期重叠：请合并为一个假期或改正日期`,
      });
  }
  const seen = new Set<string>();
  notice.adjustedWorkingDays.forEach((d, i) => {
    const path = `adjustedWorkingDays.${i}`;
    if (!inYear(d)) issues.push({ path, message: `调休上班日 ${d} 不在 ${notice.year} 年内` });
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6)
      issues.push({
        path,
        message: `调休上班日 ${d} 是星期${WEEKDAY[dow]}：调休上班日只能是周六或周日（原本休息、调为上班的日子）`,
      });
    const inside = notice.holidays.find((h) => h.start <= d && d <= h.end);
    if (inside) issues.push({ path, message: `调休上班日 ${d} 落在假期“${inside.name}”之内` });
    if (seen.has(d)) issues.push({ path, message: `调休上班日 ${d} 重复填写` });
    seen.add(d);
  });
  return issues;
}

const refusal = (issues: Issue[]): ProblemError => {
  // The detail says how many; each issue (errors) says which date is wrong and how to fix it.
  return new ProblemError(
    400,
    ProblemType.validation,
    '输入有误',
    `日历年份有 ${issues.length} 处错误，请逐项改正后重试；未做任何更改。`,
    issues,
  );
};

/**
 * Parses a year's notice (the form's or an uploaded JSON file's): a 400 in Chinese naming every wrong date
 * (outside the year, overlapping, a 调休 day that is not a weekend day, …); the calendar library's own schema
 * checks it again after.
 */
export function parseCalendarNotice(body: unknown): CalendarYear {
  const shape = noticeSchema.safeParse(body);
  if (!shape.success)
    throw refusal(
      shape.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(整体)',
        message:
          issue.code === 'unrecognized_keys'
            ? `不认识的字段 ${issue.keys.join('、')}，请删除`
            : issue.message,
      })),
    );
  const notice = shape.data;
  const issues = crossChecks(notice);
  if (issues.length > 0) throw refusal(issues);
  const year = calendarYearSchema.safeParse(notice);
  if (!year.success)
    throw refusal(
      year.error.issues.map((i) => ({ path: i.path.join('.'), message: `日历校验未通过：${i.message}` })),
    );
  return year.data;
}
