import type { CalendarDataInput, CalendarYear } from '@onewindow/calendar';
import type { CaseWorkflowInput } from '@onewindow/workflows';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';
import { seedCatalogueItem } from './support/seed-catalogue-item';

/**
 * The calendar in force is read once per process and kept until a year is loaded, on the real
 * Express app over a migrated SQLite file. Temporal is not running, so an acceptance answers 503 after recording
 * the case: its stored workflow start command holds the calendar the case got.
 */
describe('the calendar in force is cached by the API and reloaded when a year is loaded', () => {
  let api: TestApi;
  let clerk: HttpSession;
  let admin: HttpSession;
  const implementationCode = '11370800MB28559184337011700201Y';

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoUsers(api.deps.db);
    await seedCatalogueItem(api.deps.db, {
      code: implementationCode,
      name: '食品经营许可',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
      results: [{ name: '批复', kind: 'approval_document' }],
    });
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    admin = await signedIn(api.baseUrl, 'admin', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  /** Accepts one application; returns the acceptance day and the calendar data in its workflow start command. */
  async function accept(): Promise<{ acceptedOn: string; calendar: CalendarDataInput }> {
    const before = new Set((await startCommands()).map((r) => r.key));
    const res = await clerk.request('POST', '/api/cases', {
      body: {
        items: [{ implementationCode }],
        applicant: { kind: 'person', idNumber: '11010519491231002X', name: '张三' },
        materials: [{ materialCode: 'M-ID', originals: 1, copies: 1 }],
      },
      csrf: true,
    });
    expect([res.status, await res.text()]).toEqual([503, expect.stringContaining('workflow not started')]);
    const added = (await startCommands()).filter((r) => !before.has(r.key));
    expect(added).toHaveLength(1);
    const input = JSON.parse(added[0].response) as CaseWorkflowInput;
    return { acceptedOn: input.acceptedOn, calendar: input.calendar! };
  }
  const startCommands = () =>
    api.deps.db.idempotencyRecord.findMany({ where: { key: { startsWith: 'workflow-start:' } } });

  it('a second acceptance reads no calendar row; a year loaded through the API is used by the next one', async () => {
    const reads = jest.spyOn(api.deps.db.calendarYear, 'findMany'); // counts only: the real query runs
    const first = await accept();
    expect(reads).toHaveBeenCalledTimes(1);
    const year = Number(first.acceptedOn.slice(0, 4));
    // The case gets its acceptance year and the next; a year without a notice carries the statutory holidays.
    expect(first.calendar.years.map((y) => y.year)).toEqual([year, year + 1]);
    const next = first.calendar.years[1];
    if (next.provisional) expect(next.holidays.map((h) => h.start)).toContain(`${year + 1}-01-01`);

    const second = await accept();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(second.calendar).toEqual(first.calendar);

    // A made-up notice (NOT an official one) for the next year; replaceOfficial in case that year is shipped.
    const notice: CalendarYear = {
      year: year + 1,
      source: 'TEST FIXTURE (not an official notice)',
      provisional: false,
      holidays: [{ name: '元旦', start: `${year + 1}-01-01`, end: `${year + 1}-01-01` }],
      adjustedWorkingDays: [],
    };
    reads.mockClear();
    const put = await admin.request('PUT', `/api/calendar/years/${year + 1}?replaceOfficial=true`, {
      body: notice,
      csrf: true,
    });
    expect(put.status).toBe(200);
    // Storing checks the upload against the stored years; the cache is dropped and read again for the open cases.
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockClear();

    const third = await accept();
    expect(third.calendar.years.find((y) => y.year === year + 1)).toEqual(notice);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  }, 60_000);
});
