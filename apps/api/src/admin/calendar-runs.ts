import crypto from 'node:crypto';
import type { Db } from '@onewindow/db';
import type { Logger } from 'pino';
import { calendarForOpenCases, getCalendarInForce } from '../calendar/calendar-in-force';
import {
  refreshOpenCases,
  type RefreshedCase,
  type RefreshOpenCasesDeps,
} from '../calendar/refresh-open-cases';

/** A refresh of the open cases after a year was loaded, as the progress bar polls it. */
export interface CalendarRefreshRun {
  id: string;
  year: number;
  /** The run whose failed cases this one sends again. */
  retryOf?: string;
  status: 'running' | 'finished';
  /** Open cases to send (null until counted). */
  total: number | null;
  done: number;
  refreshed: number;
  unchanged: number;
  failed: number;
  /** Each case as it finished, in that order; a failure with its reason in Chinese. */
  results: RefreshedCase[];
  startedAt: string;
  finishedAt?: string;
}

/** Runs kept per process (the newest); an older one answers 404 and its failures can be sent by a new load. */
const KEPT = 20;

const registries = new WeakMap<Db, Map<string, CalendarRefreshRun>>();
const registryOf = (db: Db) => {
  let runs = registries.get(db);
  if (!runs) registries.set(db, (runs = new Map()));
  return runs;
};

/** The workflow's or the client's English reason, said in Chinese (an unknown one quoted after it). */
function chineseReason(reason: string): string {
  if (reason.startsWith('not sent: Temporal')) return '未发送：流程引擎无应答，请稍后点“重试失败的办件”';
  if (reason.startsWith('no running workflow'))
    return '该办件没有运行中的流程（已结束或从未启动），无法更新其期限';
  return `流程未接受新日历：${reason}`;
}

export const findRefreshRun = (db: Db, id: string): CalendarRefreshRun | undefined => registryOf(db).get(id);

/**
 * Starts sending the calendar in force to the open cases (all, or only `caseNos`) in the background and
 * returns the run at once; the run fills in as each case answers. Kept in this process's memory only: with
 * several API processes, the one that started a run answers for it (docs/decisions/0018).
 */
export function startRefreshRun(
  deps: RefreshOpenCasesDeps & { logger: Logger },
  input: { year: number; actor: string; caseNos?: string[]; retryOf?: string },
): CalendarRefreshRun {
  const runs = registryOf(deps.db);
  const run: CalendarRefreshRun = {
    id: crypto.randomUUID(),
    year: input.year,
    ...(input.retryOf ? { retryOf: input.retryOf } : {}),
    status: 'running',
    total: null,
    done: 0,
    refreshed: 0,
    unchanged: 0,
    failed: 0,
    results: [],
    startedAt: new Date().toISOString(),
  };
  runs.set(run.id, run);
  for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - KEPT))) runs.delete(old);
  void (async () => {
    try {
      const calendar = calendarForOpenCases(await getCalendarInForce(deps));
      await refreshOpenCases(deps, {
        actor: input.actor,
        calendar,
        ...(input.caseNos ? { caseNos: input.caseNos } : {}),
        onStart: (total) => {
          run.total = total;
        },
        onCase: (result) => {
          run.done += 1;
          run[result.outcome] += 1;
          run.results.push(
            result.outcome === 'failed' ? { ...result, reason: chineseReason(result.reason) } : result,
          );
        },
      });
    } catch (error) {
      // The open cases could not even be listed: the run ends with what it has, and says so.
      deps.logger.error({ err: error, run: run.id }, 'calendar refresh run failed');
      run.total ??= 0;
      run.results.push({
        caseNo: '—',
        outcome: 'failed',
        reason: `刷新中断：${error instanceof Error ? error.message : String(error)}`,
      });
      run.failed += 1;
    } finally {
      run.status = 'finished';
      run.finishedAt = new Date().toISOString();
      if (run.failed > 0)
        deps.logger.warn(
          { year: run.year, failed: run.failed },
          'calendar loaded; some open cases did not take it',
        );
    }
  })();
  return run;
}
