import { z } from 'zod';
import { dayOfWeek, isIsoDate, parseIsoDate, yearOfDayNumber } from '../dates/iso-date.util';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a real calendar date in the form YYYY-MM-DD' });

export const holidayRangeSchema = z
  .object({
    name: z.string().trim().min(1, 'holiday name is required'),
    nameEn: z.string().trim().min(1).optional(),
    start: isoDateSchema,
    end: isoDateSchema,
  })
  .refine((h) => h.start <= h.end, { message: 'holiday end must not be before its start', path: ['end'] });
export type HolidayRange = z.infer<typeof holidayRangeSchema>;

type Report = (path: (string | number)[], message: string) => void;
type Rules = { holidays: HolidayRange[]; adjustedWorkingDays: string[] };

const describe = (h: HolidayRange) => `"${h.name}" (${h.start}…${h.end})`;
const containing = (holidays: HolidayRange[], date: string) =>
  holidays.find((h) => h.start <= date && date <= h.end);

/** Checks one rule set on its own: dates inside the year, no overlaps, 调休 days are free weekend days. */
function checkOwnRules(rules: Rules, year: number, label: string, report: Report): void {
  const inYear = (date: string) => yearOfDayNumber(parseIsoDate(date)) === year;
  rules.holidays.forEach((h, i) => {
    for (const key of ['start', 'end'] as const) {
      if (isIsoDate(h[key]) && !inYear(h[key]))
        report(['holidays', i, key], `${label}: holiday "${h.name}" ${key} ${h[key]} is not inside ${year}`);
    }
  });
  const sorted = rules.holidays
    .map((h, i) => ({ h, i }))
    .sort((a, b) => (a.h.start < b.h.start ? -1 : a.h.start > b.h.start ? 1 : 0));
  for (let k = 1; k < sorted.length; k++) {
    const [prev, cur] = [sorted[k - 1], sorted[k]];
    if (cur.h.start <= prev.h.end)
      report(['holidays', cur.i], `${label}: holiday ${describe(cur.h)} overlaps ${describe(prev.h)}`);
  }
  const seen = new Set<string>();
  rules.adjustedWorkingDays.forEach((date, i) => {
    if (!isIsoDate(date)) return;
    const path = ['adjustedWorkingDays', i];
    if (!inYear(date)) report(path, `${label}: adjusted working day ${date} is not inside ${year}`);
    const dow = dayOfWeek(parseIsoDate(date));
    if (dow !== 0 && dow !== 6)
      report(
        path,
        `${label}: adjusted working day ${date} is not a Saturday or Sunday (调休 days are weekend days that become working days)`,
      );
    const inside = containing(rules.holidays, date);
    if (inside)
      report(path, `${label}: adjusted working day ${date} lies inside holiday ${describe(inside)}`);
    if (seen.has(date)) report(path, `${label}: adjusted working day ${date} is listed twice`);
    seen.add(date);
  });
}

/** A regional rule must not contradict the national year it sits on. */
function checkAgainstNational(rule: Rules, national: Rules, label: string, report: Report): void {
  rule.holidays.forEach((h, i) => {
    const clash = national.holidays.find((n) => h.start <= n.end && n.start <= h.end);
    if (clash)
      report(
        ['holidays', i],
        `${label}: local holiday ${describe(h)} overlaps national holiday ${describe(clash)}`,
      );
  });
  rule.adjustedWorkingDays.forEach((date, i) => {
    const inside = containing(national.holidays, date);
    if (inside)
      report(
        ['adjustedWorkingDays', i],
        `${label}: adjusted working day ${date} lies inside national holiday ${describe(inside)}`,
      );
    if (national.adjustedWorkingDays.includes(date))
      report(
        ['adjustedWorkingDays', i],
        `${label}: adjusted working day ${date} is already a national adjusted working day`,
      );
  });
}

const reporter =
  (ctx: z.RefinementCtx, prefix: (string | number)[] = []): Report =>
  (path, message) =>
    ctx.addIssue({ code: 'custom', path: [...prefix, ...path], message });

export const calendarYearSchema = z
  .object({
    year: z.number().int().min(1900, 'year must be 1900 or later').max(2199, 'year must be 2199 or earlier'),
    /** The notice this year comes from, e.g. 国办发明电〔2024〕12号. */
    source: z.string().trim().min(1, 'source (the notice reference) is required'),
    /** True while the year is an estimate, not the published State Council notice. */
    provisional: z.boolean(),
    holidays: z.array(holidayRangeSchema),
    adjustedWorkingDays: z.array(isoDateSchema),
  })
  .superRefine((y, ctx) => checkOwnRules(y, y.year, `${y.year}`, reporter(ctx)));
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/** Local rules (e.g. Art. 4 minority festivals) applied on top of the national year. */
export const regionalRuleSchema = z
  .object({
    regionCode: z
      .string()
      .regex(/^\d{6}$/, 'regionCode must be a 6-digit administrative division code (GB/T 2260)'),
    regionName: z.string().trim().min(1, 'regionName is required'),
    year: z.number().int().min(1900).max(2199),
    source: z.string().trim().min(1, 'source (the local notice reference) is required'),
    holidays: z.array(holidayRangeSchema),
    adjustedWorkingDays: z.array(isoDateSchema).default([]),
  })
  .superRefine((r, ctx) => checkOwnRules(r, r.year, `${r.regionName} ${r.year}`, reporter(ctx)));
export type RegionalRule = z.output<typeof regionalRuleSchema>;

export const calendarDataSchema = z
  .object({
    years: z.array(calendarYearSchema),
    regionalRules: z.array(regionalRuleSchema).default([]),
  })
  .superRefine((data, ctx) => {
    const byYear = new Map<number, CalendarYear>();
    data.years.forEach((y, i) => {
      if (byYear.has(y.year))
        ctx.addIssue({
          code: 'custom',
          path: ['years', i, 'year'],
          message: `year ${y.year} appears more than once`,
        });
      byYear.set(y.year, y);
    });
    const seen = new Set<string>();
    data.regionalRules.forEach((rule, i) => {
      const label = `${rule.regionName} ${rule.year}`;
      const key = `${rule.regionCode}/${rule.year}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['regionalRules', i],
          message: `${label}: regional rules for ${key} appear more than once`,
        });
      seen.add(key);
      const national = byYear.get(rule.year);
      if (!national)
        ctx.addIssue({
          code: 'custom',
          path: ['regionalRules', i, 'year'],
          message: `${label}: regional rules need the national ${rule.year} calendar first`,
        });
      else checkAgainstNational(rule, national, label, reporter(ctx, ['regionalRules', i]));
    });
  });
/** Validated calendar data: national years plus optional regional rules. */
export type CalendarData = z.output<typeof calendarDataSchema>;
export type CalendarDataInput = z.input<typeof calendarDataSchema>;
