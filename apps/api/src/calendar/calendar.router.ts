import { Router } from 'express';
import {
  addNaturalDays,
  addWorkingDays,
  CalendarError,
  holidaysCrossed,
  isProvisionalPeriod,
  provisionalReason,
} from '@onewindow/calendar';
import {
  deadlineQuerySchema,
  putCalendarYearQuerySchema,
  putCalendarYearRequestSchema,
  type CalendarRefreshSummary,
  type DeadlineResponse,
} from '@onewindow/contracts';
import { saveCalendarYear } from '@onewindow/db';
import type { ApiDeps } from '../api-deps';
import { parse } from '../http/parse';
import { ProblemError, ProblemType } from '../http/problem';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { refreshOpenCases } from './refresh-open-cases';
import {
  calendarForOpenCases,
  calendarYears,
  getCalendarInForce,
  invalidateCalendarInForce,
} from './calendar-in-force';

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** The longest notice reference (`source`) of a calendar year, in UTF-8 bytes. */
const MAX_SOURCE_BYTES = 2048;

export function calendarRouter(deps: ApiDeps): Router {
  const router = Router();

  // The holiday schedule and deadline arithmetic are public information, like the State Council notice.
  // The years in force up to next year: the notices, and the provisional statutory years without one.
  router.get('/calendar', authorize('public.lookup'), async (_req, res) => {
    const inForce = await getCalendarInForce(deps);
    res.json({ years: calendarYears(inForce.data, Number.MIN_SAFE_INTEGER, inForce.currentYear + 1).years });
  });

  router.put('/calendar/years/:year', authorize('calendar.write'), async (req, res) => {
    const year = parse(putCalendarYearRequestSchema, req.body, 'calendar year');
    // The year goes into every open case's workflow (refreshCalendar): a notice reference, not a document.
    if (Buffer.byteLength(year.source, 'utf8') > MAX_SOURCE_BYTES)
      throw new ProblemError(
        400,
        ProblemType.validation,
        'Invalid request',
        `source（通知文号）不能超过 ${MAX_SOURCE_BYTES} 字节（约 ${MAX_SOURCE_BYTES / 3} 个汉字），本次为 ${Buffer.byteLength(year.source, 'utf8')} 字节：只填写通知的文号或标题，例如“国办发明电〔2024〕12号”。`,
        [
          {
            path: 'source',
            message: `source must be at most ${MAX_SOURCE_BYTES} bytes (a notice reference)`,
          },
        ],
      );
    if (year.holidays.length > 366 || year.adjustedWorkingDays.length > 366)
      throw new ProblemError(
        400,
        ProblemType.validation,
        'Invalid request',
        '一年的假期（holidays）和调休上班日（adjustedWorkingDays）各不能超过 366 条，请检查提交的数据。',
      );
    if (String(year.year) !== req.params.year) {
      throw new ProblemError(
        400,
        ProblemType.validation,
        'Invalid request',
        `The body is for ${year.year} but the URL names ${String(req.params.year)}`,
      );
    }
    const query = parse(putCalendarYearQuerySchema, req.query, 'query string');
    try {
      await saveCalendarYear(deps.db, year, signedInUser(req).username, {
        replaceOfficial: query.replaceOfficial === 'true',
      });
    } catch (error) {
      if (error instanceof CalendarError)
        throw new ProblemError(409, ProblemType.conflict, 'Calendar conflict', error.message);
      throw error;
    } finally {
      // Whatever happened, the next reader takes the calendar from the database again.
      invalidateCalendarInForce(deps.db);
    }
    // Stored: from here on nothing fails the request; open cases that miss the new calendar are listed.
    const calendar = calendarForOpenCases(await getCalendarInForce(deps));
    const refresh = await refreshOpenCases(deps, { actor: signedInUser(req).id, calendar });
    if (refresh.failed.length > 0)
      deps.logger.warn(
        { year: year.year, failed: refresh.failed.length },
        'calendar published; some open cases did not take it',
      );
    const body: CalendarRefreshSummary = { year: year.year, ...refresh };
    res.json(body);
  });

  router.get('/calendar/deadline', authorize('public.lookup'), async (req, res) => {
    const q = parse(deadlineQuerySchema, req.query, 'query string');
    const { calendar } = await getCalendarInForce(deps);
    const options = { countStartDay: q.countStartDay === 'true' };
    const due =
      q.unit === 'working_day'
        ? addWorkingDays(calendar, q.from, q.days, options)
        : addNaturalDays(calendar, q.from, q.days, options);
    const body: DeadlineResponse = {
      from: q.from,
      days: q.days,
      unit: q.unit,
      due,
      provisional: isProvisionalPeriod(calendar, q.from, due),
      ...optional('provisionalReason', provisionalReason(calendar, q.from, due)),
      holidaysCrossed: holidaysCrossed(calendar, q.from, due).map(
        ({ name, nameEn, start, end, daysInPeriod }) => ({ name, nameEn, start, end, daysInPeriod }),
      ),
    };
    res.json(body);
  });

  return router;
}
