import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { demoPassword, seedDemoUsers } from '@onewindow/api';
import { verifyAuditChain } from '@onewindow/audit';
import {
  mergeCalendarYear,
  nextWorkingDay,
  OFFICIAL_CALENDAR_DATA,
  WorkingCalendar,
  type CalendarYear,
} from '@onewindow/calendar';
import type { Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import {
  application,
  clerk as clerkUser,
  eventually,
  items,
  password,
  seedCatalogue,
} from '../cases/case-fixtures';
import { ApiSession } from '../cases/http-session';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../../..');

/**
 * A year published or corrected by an administrator reaches the running cases. The real stack
 * (Temporal dev server, worker, API, SQLite): a case's step is due on day D; a correction makes D a holiday;
 * the step's due date in the workflow and the Task row move to the next working day.
 */
describe('a corrected calendar year reaches open cases (real stack)', () => {
  let stack: RunningStack;
  let db: Db;
  let clerk: ApiSession;
  let admin: ApiSession;
  beforeAll(async () => {
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
    await seedDemoUsers(db);
    clerk = await ApiSession.signIn(stack.baseUrl, clerkUser.id, password);
    admin = await ApiSession.signIn(stack.baseUrl, 'admin', demoPassword);
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const item = items[2];
  const caseView = async (caseNo: string) => {
    const res = await clerk.call('GET', `/api/cases/${caseNo}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const stepDue = (body: { view: { steps: { clock: { dueDate: string | null } }[] } }) =>
    body.view.steps[0].clock.dueDate;

  /** The year of `day` as published, with `day` added as a holiday (a correction notice). */
  function correctedYear(day: string): CalendarYear {
    const year = Number(day.slice(0, 4));
    const published = OFFICIAL_CALENDAR_DATA.years.find((y) => y.year === year) ?? {
      year,
      source: 'none',
      provisional: false,
      holidays: [],
      adjustedWorkingDays: [],
    };
    return {
      ...published,
      source: `e2e correction: ${day} is a holiday`,
      provisional: false,
      holidays: [...published.holidays, { name: '更正假日', start: day, end: day }].sort((a, b) =>
        a.start.localeCompare(b.start),
      ),
      adjustedWorkingDays: published.adjustedWorkingDays.filter((d) => d !== day),
    };
  }

  it('moves the open step due date and Task.dueDate to the next working day; a closed case and a case without a workflow are reported, not fatal', async () => {
    const accepted = await clerk.call('POST', '/api/cases', application([item.implementationCode]), {
      'idempotency-key': 'calendar-refresh-1',
    });
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    const before = await eventually(async () => {
      const body = await caseView(caseNo);
      return body.source === 'workflow' && stepDue(body) && body.tasks[0]?.dueDate ? body : undefined;
    });
    const due = stepDue(before)!;
    expect(before.tasks[0].dueDate).toBe(due);

    // A second case that is withdrawn (closed: not sent) and an open Case row whose workflow does not exist.
    const other = await clerk.call('POST', '/api/cases', application([item.implementationCode]), {
      'idempotency-key': 'calendar-refresh-2',
    });
    expect(other.status).toBe(201);
    const withdrawn = await eventually(async () => {
      const res = await clerk.call('POST', `/api/cases/${other.body.caseNo}/actions`, {
        verb: 'withdraw',
        by: 'applicant',
        reason: '申请人撤回',
      });
      return res.status === 200 ? res : undefined;
    });
    expect(withdrawn.status).toBe(200);
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo: other.body.caseNo } }))?.status === 'withdrawn'
        ? true
        : undefined,
    );
    const applicantId = (await db.case.findUniqueOrThrow({ where: { caseNo } })).applicantId;
    const ghost = 'YC20991231999999';
    await db.case.create({ data: { caseNo: ghost, applicantId, kind: 'item', status: 'in_review' } });

    // Bad input changes nothing: a notice whose holiday lies outside its year.
    const notice = correctedYear(due);
    const bad = await admin.call('PUT', `/api/calendar/years/${notice.year}?replaceOfficial=true`, {
      ...notice,
      holidays: [{ name: 'x', start: `${notice.year + 1}-01-05`, end: `${notice.year + 1}-01-05` }],
    });
    expect(bad.status).toBe(400);
    expect(await db.calendarYear.count()).toBe(0);

    const put = await admin.call('PUT', `/api/calendar/years/${notice.year}?replaceOfficial=true`, notice);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      year: notice.year,
      openCases: 2,
      refreshed: 1,
      unchanged: 0,
      failed: [{ caseNo: ghost, reason: expect.stringMatching(/workflow/i) }],
    });
    expect(await db.calendarYear.count({ where: { year: notice.year } })).toBe(1);

    const expected = nextWorkingDay(
      WorkingCalendar.fromData(mergeCalendarYear(OFFICIAL_CALENDAR_DATA, notice, { replaceOfficial: true })),
      due,
    );
    expect(expected > due).toBe(true);
    const after = await eventually(async () => {
      const body = await caseView(caseNo);
      return stepDue(body) === expected && body.tasks[0].dueDate === expected ? body : undefined;
    });
    expect(after.view.history.at(-1)).toMatchObject({
      action: 'calendar_refreshed',
      actor: 'demo-admin',
      details: { changes: [{ from: due, to: expected }] },
    });

    // The decision is in the projection and, once, in the audit chain, which still verifies.
    expect(await db.decision.findMany({ where: { caseNo, verb: 'calendar_refreshed' } })).toHaveLength(1);
    const audited = await eventually(async () => {
      const rows = await db.auditEntry.findMany({
        where: { target: `case:${caseNo}`, action: 'workflow.calendar_refreshed' },
      });
      return rows.length > 0 ? rows : undefined;
    });
    expect(audited).toMatchObject([{ actorUserId: 'demo-admin' }]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // The same notice again: the same Update id, so the case records nothing new and keeps its dates.
    const again = await admin.call('PUT', `/api/calendar/years/${notice.year}?replaceOfficial=true`, notice);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ openCases: 2, failed: [{ caseNo: ghost }] });
    expect(await db.decision.count({ where: { caseNo, verb: 'calendar_refreshed' } })).toBe(1);
    const still = await caseView(caseNo);
    expect([stepDue(still), still.tasks[0].dueDate]).toEqual([expected, expected]);

    // The operator command does the same fan-out: exit 1 naming the case it could not refresh, 0 for the open one alone.
    const command = async (args: string[]) => {
      const env = {
        ...process.env,
        DATABASE_URL: stack.databaseUrl,
        TEMPORAL_ADDRESS: stack.temporalAddress,
        TASK_QUEUE: stack.taskQueue,
        LOG_LEVEL: 'silent',
      };
      try {
        const { stdout } = await run(
          process.execPath,
          ['--import', 'tsx', 'tools/calendar/refresh-open-cases.ts', ...args],
          { cwd: root, env },
        );
        return { code: 0, stdout };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout + failed.stderr };
      }
    };
    const all = await command(['--actor', 'demo-admin']);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain(`FAILED ${ghost}: no running workflow`);
    const one = await command(['--actor', 'demo-admin', '--case', caseNo, '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ openCases: 1, failed: [] });
    expect(await command(['--case', caseNo])).toMatchObject({
      code: 2,
      stdout: expect.stringContaining('usage: npx tsx tools/calendar/refresh-open-cases.ts'),
    });
    expect(await db.decision.count({ where: { caseNo, verb: 'calendar_refreshed' } })).toBe(1);
  }, 180_000);
});
