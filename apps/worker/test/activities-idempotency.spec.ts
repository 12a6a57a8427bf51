import pino from 'pino';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import { OFFICIAL_CALENDAR_DATA } from '@onewindow/calendar';
import type { CaseActivities } from '@onewindow/workflows';
import { createActivities } from '../src/activities/create-activities';

const caseNo = 'YC20261123000001';
const at = '2026-11-23T02:00:00.000Z';
const key = (seq: number) => ({ idempotencyKey: `${caseNo}:${seq}`, caseNo, at });

describe('case activities over a real SQLite file', () => {
  let database: TestDatabase;
  let acts: CaseActivities;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    acts = createActivities({ db: database.db, logger: pino({ level: 'silent' }) });
    await database.db.applicant.create({ data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' } });
    await database.db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'accepted' } });
  }, 60_000);
  afterAll(() => database?.dispose());

  /** Applies an activity twice and returns the rows of one table before and after the second call. */
  async function twice<T>(apply: () => Promise<unknown>, read: () => Promise<T>): Promise<[T, T]> {
    await apply();
    const first = await read();
    await apply();
    return [first, await read()];
  }

  const openInput = {
    ...key(1),
    stepId: 'item_FOOD',
    name: '食品经营许可',
    departmentCode: 'SAMR',
    role: 'dept_approver',
    assignees: ['food-1'],
    dueDate: '2026-12-07',
    provisional: false,
    generation: 1,
  };

  it('openTask twice → one open task row', async () => {
    const [a, b] = await twice(() => acts.openTask(openInput), () => database.db.task.findMany({ where: { caseNo } }));
    expect(b).toEqual(a);
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ id: `${caseNo}:item_FOOD:1`, state: 'open', dueDate: '2026-12-07', assigneeUserId: 'food-1', seq: 1 });
  });

  it('recordClockEvent twice → one event; the case and task due dates follow it', async () => {
    const started = { ...key(2), clock: 'statutory' as const, event: 'started' as const, dueDate: '2026-12-21' };
    const [a, b] = await twice(() => acts.recordClockEvent(started), () => database.db.clockEvent.findMany({ where: { caseNo } }));
    expect(b).toEqual(a);
    expect(b).toHaveLength(1);
    expect(await database.db.case.findUnique({ where: { caseNo } })).toMatchObject({ statutoryDueDate: '2026-12-21', status: 'in_review' });

    const extended = { ...key(3), clock: 'step' as const, stepId: 'item_FOOD', event: 'extended' as const, dueDate: '2026-12-14', reason: '现场核查', approvedBy: 'lead-1' };
    await acts.recordClockEvent(extended);
    await acts.recordClockEvent(extended);
    expect(await database.db.clockEvent.count({ where: { caseNo } })).toBe(2);
    expect(await database.db.task.findUnique({ where: { id: `${caseNo}:item_FOOD:1` } })).toMatchObject({ dueDate: '2026-12-14' });
  });

  it('suspend/resume applied out of order leave the case status of the later event', async () => {
    const suspended = { ...key(4), clock: 'statutory' as const, event: 'suspended' as const, reason: '补正' };
    const resumed = { ...key(5), clock: 'statutory' as const, event: 'resumed' as const, dueDate: '2026-12-23' };
    await acts.recordClockEvent(resumed);
    await acts.recordClockEvent(suspended);
    expect(await database.db.case.findUnique({ where: { caseNo } })).toMatchObject({ status: 'in_review', statutoryDueDate: '2026-12-23' });
  });

  it('recordDecision twice → one decision row', async () => {
    const input = { ...key(6), stepId: 'item_FOOD', action: 'refuse', actor: 'food-1', details: { reasons: ['选址不符合要求'] } };
    const [a, b] = await twice(() => acts.recordDecision(input), () => database.db.decision.findMany({ where: { caseNo } }));
    expect(b).toEqual(a);
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ eventSeq: 6, verb: 'refuse', actorUserId: 'food-1', reason: '选址不符合要求' });
  });

  it('closeTask twice → closed once, closedAt of the first close', async () => {
    const input = { ...key(7), stepId: 'item_FOOD', generation: 1, status: 'approved' as const };
    const [a, b] = await twice(() => acts.closeTask(input), () => database.db.task.findMany({ where: { caseNo } }));
    expect(b).toEqual(a);
    expect(b[0]).toMatchObject({ state: 'done', outcome: 'approved', closedAt: new Date(at) });
  });

  it('a late duplicate openTask never reopens a closed task', async () => {
    await acts.openTask(openInput);
    expect(await database.db.task.findUnique({ where: { id: `${caseNo}:item_FOOD:1` } })).toMatchObject({ state: 'done' });
  });

  it('closeTask before its openTask landed fails (retryable) instead of losing the close', async () => {
    await expect(acts.closeTask({ ...key(8), stepId: 'item_FIRE', generation: 1, status: 'approved' })).rejects.toThrow(/not in the projection yet/);
  });

  it('sendReminder and escalateOverdue twice → one clock event each', async () => {
    const reminder = { ...key(9), stepId: 'item_FOOD', departmentCode: 'SAMR', assignees: ['food-1'], dueDate: '2026-12-14', remainingWorkingDays: 2, on: '2026-12-10' };
    const overdue = { ...key(10), stepId: 'item_FOOD', departmentCode: 'SAMR', role: 'department_lead' as const, dueDate: '2026-12-14', on: '2026-12-15' };
    const read = () => database.db.clockEvent.findMany({ where: { caseNo, kind: { in: ['reminder', 'overdue'] } } });
    const [a, b] = await twice(async () => {
      await acts.sendReminder(reminder);
      await acts.escalateOverdue(overdue);
    }, read);
    expect(b).toEqual(a);
    expect(b.map((e) => e.kind)).toEqual(['reminder', 'overdue']);
  });

  it('issueCertificate twice → one certificate in the library, same number, held by the applicant', async () => {
    const input = { ...key(11), stepId: 'item_FOOD', itemCode: 'FOOD', certificateTypeCode: 'FOOD-LIC', name: '食品经营许可证', issuedBy: 'window-1', on: '2026-12-15' };
    const first = await acts.issueCertificate(input);
    const second = await acts.issueCertificate(input);
    expect(second).toEqual(first);
    const rows = await database.db.certificate.findMany({ where: { sourceCaseNo: caseNo } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ number: first.certificateNo, holderIdNumber: '11010519491231002X', holderName: '张三', status: 'valid', issuerDeptCode: 'SAMR', validFrom: '2026-12-15' });
  });

  it('runAutomaticStep finds the certificate just issued (证照复用)', async () => {
    const base = { ...key(12), stepId: 'check', task: 'certificate_check', applicationData: {} };
    expect(await acts.runAutomaticStep({ ...base, input: { certificateTypeCode: 'FOOD-LIC' } })).toEqual({ outcome: 'passed' });
    expect(await acts.runAutomaticStep({ ...base, input: { certificateTypeCode: 'NOPE' } })).toMatchObject({ outcome: 'failed' });
  });

  it('completeCase twice → status issued; later clock events do not move it back', async () => {
    const input = { ...key(13), outcome: 'approved' as const, reasons: [], delivery: { method: 'window' } };
    await acts.completeCase(input);
    await acts.completeCase(input);
    await acts.recordClockEvent({ ...key(14), clock: 'issuance', event: 'stopped' });
    expect(await database.db.case.findUnique({ where: { caseNo } })).toMatchObject({ status: 'issued' });
  });

  it('loadCalendar merges an uploaded year over the shipped official data and skips a bad row', async () => {
    const year2027 = { year: 2027, source: 'provisional estimate', provisional: true, holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-01' }], adjustedWorkingDays: [] };
    await database.db.calendarYear.create({ data: { region: 'CN', year: 2027, data: JSON.stringify(year2027), provisional: true, source: 'upload', uploadedBy: 'admin' } });
    await database.db.calendarYear.create({ data: { region: 'CN', year: 2026, data: '{"year": 2026', provisional: false, source: 'upload', uploadedBy: 'admin' } });
    const data = await acts.loadCalendar({ idempotencyKey: `${caseNo}:calendar`, caseNo, at, years: [2026, 2027] });
    expect(data.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(data.years.find((y) => y.year === 2026)).toEqual(OFFICIAL_CALENDAR_DATA.years.find((y) => y.year === 2026));
    expect(data.years.find((y) => y.year === 2027)).toMatchObject({ provisional: true });
  });
});
