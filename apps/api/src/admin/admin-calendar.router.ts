import { Router } from 'express';
import { CalendarError } from '@onewindow/calendar';
import { saveCalendarYear } from '@onewindow/db';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { invalidateCalendarInForce } from '../calendar/calendar-in-force';
import { adminConflict, adminNotFound } from './admin-problems';
import { previewCalendarYear } from './calendar-preview.service';
import { findRefreshRun, startRefreshRun } from './calendar-runs';
import { parseCalendarNotice } from './calendar-year-input';

/**
 * Calendar years in the administration workspace (calendar.write): a notice is previewed (which open cases'
 * due dates would move), then loaded, which starts a refresh run of the open cases that the page polls.
 */
export function adminCalendarRouter(deps: ApiDeps): Router {
  const router = Router();

  router.post('/admin/calendar/preview', authorize('calendar.write'), async (req, res) => {
    res.json(await previewCalendarYear(deps, parseCalendarNotice(req.body)));
  });

  router.post('/admin/calendar/years', authorize('calendar.write'), async (req, res) => {
    const year = parseCalendarNotice(req.body);
    const replaceOfficial = req.query.replaceOfficial === 'true';
    try {
      await saveCalendarYear(deps.db, year, signedInUser(req).username, { replaceOfficial });
    } catch (error) {
      if (error instanceof CalendarError)
        throw adminConflict(
          replaceOfficial
            ? `${year.year} 年的日历无法载入：${error.message}`
            : `${year.year} 年已有正式发布的日历：载入更正通知前请先预览并确认替换（replaceOfficial=true）。（${error.message}）`,
        );
      throw error;
    } finally {
      invalidateCalendarInForce(deps.db);
    }
    const run = startRefreshRun(deps, { year: year.year, actor: signedInUser(req).id });
    res.status(202).json(run);
  });

  router.get('/admin/calendar/runs/:id', authorize('calendar.write'), (req, res) => {
    const run = findRefreshRun(deps.db, String(req.params.id));
    if (!run)
      throw adminNotFound(
        '没有这次刷新记录（服务重启后不再保留）：请重新载入该年份，未更新的办件会再次发送。',
      );
    res.json(run);
  });

  router.post('/admin/calendar/runs/:id/retry', authorize('calendar.write'), (req, res) => {
    const run = findRefreshRun(deps.db, String(req.params.id));
    if (!run)
      throw adminNotFound(
        '没有这次刷新记录（服务重启后不再保留）：请重新载入该年份，未更新的办件会再次发送。',
      );
    if (run.status !== 'finished') throw adminConflict('这次刷新还在进行：请等它结束后再重试失败的办件。');
    const caseNos = run.results.flatMap((r) =>
      r.outcome === 'failed' && r.caseNo !== '—' ? [r.caseNo] : [],
    );
    if (caseNos.length === 0 && run.failed === 0) throw adminConflict('这次刷新没有失败的办件，无需重试。');
    const retry = startRefreshRun(deps, {
      year: run.year,
      actor: signedInUser(req).id,
      retryOf: run.id,
      ...(caseNos.length > 0 ? { caseNos } : {}),
    });
    res.status(202).json(retry);
  });

  return router;
}
