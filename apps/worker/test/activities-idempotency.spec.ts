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
    await database.db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
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
    const [a, b] = await twice(
      () => acts.openTask(openInput),
      () => database.db.task.findMany({ where: { caseNo } }),
    );
    expect(b).toEqual(a);
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({
      id: `${caseNo}:item_FOOD:1`,
      state: 'open',
      dueDate: '2026-12-07',
      assigneeUserId: 'food-1',
      seq: 1,
    });
  });

  it('recordClockEvent twice → one event; the case and task due dates follow it', async () => {
    const started = {
      ...key(2),
      clock: 'statutory' as const,
      event: 'started' as const,
      dueDate: '2026-12-21',
    };
    const [a, b] = await twice(
      () => acts.recordClockEvent(started),
      () => database.db.clockEvent.findMany({ where: { caseNo } }),
    );
    expect(b).toEqual(a);
    expect(b).toHaveLength(1);
    expect(await database.db.case.findUnique({ where: { caseNo } })).toMatchObject({
      statutoryDueDate: '2026-12-21',
      status: 'in_review',
    });

    const extended = {
      ...key(3),
      clock: 'step' as const,
      stepId: 'item_FOOD',
      event: 'extended' as const,
      dueDate: '2026-12-14',
      reason: '现场核查',
      approvedBy: 'lead-1',
    };
    await acts.recordClockEvent(extended);
    await acts.recordClockEvent(extended);
    expect(await database.db.clockEvent.count({ where: { caseNo } })).toBe(2);
    expect(await database.db.task.findUnique({ where: { id: `${caseNo}:item_FOOD:1` } })).toMatchObject({
      dueDate: '2026-12-14',
    });
  });

  it('suspend/resume applied out of order leave the case status of the later event', async () => {
    const suspended = { ...key(4), clock: 'statutory' as const, event: 'suspended' as const, reason: '补正' };
    const resumed = {
      ...key(5),
      clock: 'statutory' as const,
      event: 'resumed' as const,
      dueDate: '2026-12-23',
    };
    await acts.recordClockEvent(resumed);
    await acts.recordClockEvent(suspended);
    expect(await database.db.case.findUnique({ where: { caseNo } })).toMatchObject({
      status: 'in_review',
      statutoryDueDate: '2026-12-23',
    });
  });

  it('recordDecision twice → one decision row', async () => {
    const input = {
      ...key(6),
      stepId: 'item_FOOD',
      action: 'refuse',
      actor: 'food-1',
      details: { reasons: ['选址不符合要求'] },
    };
    const [a, b] = await twice(
      () => acts.recordDecision(input),
      () => database.db.decision.findMany({ where: { caseNo } }),
    );
    expect(b).toEqual(a);
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({
      eventSeq: 6,
      verb: 'refuse',
      actorUserId: 'food-1',
      reason: '选址不符合要求',
    });
  });

  it('closeTask twice → closed once, closedAt of the first close', async () => {
    const input = { ...key(7), stepId: 'item_FOOD', generation: 1, status: 'approved' as const };
    const [a, b] = await twice(
      () => acts.closeTask(input),
      () => database.db.task.findMany({ where: { caseNo } }),
    );
    expect(b).toEqual(a);
    expect(b[0]).toMatchObject({ state: 'done', outcome: 'approved', closedAt: new Date(at) });
  });

  it('a late duplicate openTask never reopens a closed task', async () => {
    await acts.openTask(openInput);
    expect(await database.db.task.findUnique({ where: { id: `${caseNo}:item_FOOD:1` } })).toMatchObject({
      state: 'done',
    });
  });

  it('closeTask before its openTask landed fails (retryable) instead of losing the close', async () => {
    await expect(
      acts.closeTask({ ...key(8), stepId: 'item_FIRE', generation: 1, status: 'approved' }),
    ).rejects.toThrow(/not in the projection yet/);
  });

  it('sendReminder and escalateOverdue twice → one clock event each', async () => {
    const reminder = {
      ...key(9),
      stepId: 'item_FOOD',
      departmentCode: 'SAMR',
      assignees: ['food-1'],
      dueDate: '2026-12-14',
      remainingWorkingDays: 2,
      on: '2026-12-10',
    };
    const overdue = {
      ...key(10),
      stepId: 'item_FOOD',
      departmentCode: 'SAMR',
      role: 'dept_lead' as const,
      dueDate: '2026-12-14',
      on: '2026-12-15',
    };
    const read = () =>
      database.db.clockEvent.findMany({ where: { caseNo, kind: { in: ['reminder', 'overdue'] } } });
    const [a, b] = await twice(async () => {
      await acts.sendReminder(reminder);
      await acts.escalateOverdue(overdue);
    }, read);
    expect(b).toEqual(a);
    expect(b.map((e) => e.kind)).toEqual(['reminder', 'overdue']);
  });

  it('issueCertificate twice → one certificate in the library, same number, held by the applicant', async () => {
    const input = {
      ...key(11),
      stepId: 'item_FOOD',
      itemCode: 'FOOD',
      certificateTypeCode: 'FOOD-LIC',
      name: '食品经营许可证',
      issuedBy: 'window-1',
      on: '2026-12-15',
    };
    const first = await acts.issueCertificate(input);
    const second = await acts.issueCertificate(input);
    expect(second).toEqual(first);
    const rows = await database.db.certificate.findMany({ where: { sourceCaseNo: caseNo } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      number: first.certificateNo,
      holderIdNumber: '11010519491231002X',
      holderName: '张三',
      status: 'valid',
      issuerDeptCode: 'SAMR',
      validFrom: '2026-12-15',
    });
  });

  it('issueCertificate takes the validity from the catalogue: 5 years from the issue day for a 5-year type', async () => {
    await database.db.certificateType.create({
      data: { code: 'FOOD-LIC-5Y', name: '食品经营许可证', data: JSON.stringify({ validityYears: 5 }) },
    });
    const { certificateNo } = await acts.issueCertificate({
      ...key(21),
      stepId: 'item_FOOD',
      itemCode: 'FOOD',
      certificateTypeCode: 'FOOD-LIC-5Y',
      name: '食品经营许可证',
      issuedBy: 'window-1',
      on: '2026-12-15',
    });
    expect(await database.db.certificate.findUnique({ where: { number: certificateNo } })).toMatchObject({
      validFrom: '2026-12-15',
      validUntil: '2031-12-14',
    });
    // A type the catalogue gives no validity (or does not know): long-term, no end date.
    const longTerm = await database.db.certificate.findFirst({ where: { typeCode: 'FOOD-LIC' } });
    expect(longTerm?.validUntil).toBeNull();
  });

  it('runAutomaticStep finds the certificate just issued (证照复用)', async () => {
    const base = { ...key(12), stepId: 'check', task: 'certificate_check', applicationData: {} };
    expect(await acts.runAutomaticStep({ ...base, input: { certificateTypeCode: 'FOOD-LIC' } })).toEqual({
      outcome: 'passed',
    });
    expect(await acts.runAutomaticStep({ ...base, input: { certificateTypeCode: 'NOPE' } })).toMatchObject({
      outcome: 'failed',
    });
  });

  it('completeCase twice → status issued; later clock events do not move it back', async () => {
    const input = { ...key(13), outcome: 'approved' as const, reasons: [], delivery: { method: 'window' } };
    await acts.completeCase(input);
    await acts.completeCase(input);
    await acts.recordClockEvent({ ...key(14), clock: 'issuance', event: 'stopped' });
    expect(await database.db.case.findUnique({ where: { caseNo } })).toMatchObject({ status: 'issued' });
  });

  describe('approval verbs: the people on a step change (转办, 委派, 加签/减签) and 抄送', () => {
    const stepId = 'item_SIGN';
    const open = (
      seq: number,
      generation: number,
      assignees: string[],
      dueDate: string | null = '2026-12-09',
    ) => ({
      ...key(seq),
      stepId,
      name: '户外招牌设施设置',
      departmentCode: 'CGJ',
      role: 'dept_approver',
      assignees,
      dueDate,
      provisional: false,
      generation,
    });
    const holdersOf = async (generation: number) =>
      (
        await database.db.taskHolder.findMany({
          where: { taskId: `${caseNo}:${stepId}:${generation}` },
          orderBy: { userId: 'asc' },
        })
      ).map((h) => h.userId);
    const openInbox = () => database.db.task.findMany({ where: { caseNo, stepId, state: 'open' } });

    it('a transfer supersedes the old generation and opens the next for the new holder; applied twice, nothing changes', async () => {
      await acts.openTask(open(20, 1, ['cgj-1']));
      const transfer = async () => {
        await acts.closeTask({ ...key(21), stepId, generation: 1, status: 'transferred' });
        await acts.openTask(open(22, 2, ['cgj-2']));
      };
      const [a, b] = await twice(transfer, () =>
        database.db.task.findMany({ where: { caseNo, stepId }, orderBy: { seq: 'asc' } }),
      );
      expect(b).toEqual(a);
      expect(b.map((t) => [t.seq, t.state, t.outcome, t.assigneeUserId])).toEqual([
        [1, 'superseded', 'transferred', 'cgj-1'],
        [2, 'open', null, 'cgj-2'],
      ]);
      expect(await holdersOf(2)).toEqual(['cgj-2']);
      expect((await openInbox()).map((t) => t.seq)).toEqual([2]);
    });

    it('a delegated generation is held by the delegate; several holders leave assigneeUserId empty and list every holder', async () => {
      await acts.closeTask({ ...key(23), stepId, generation: 2, status: 'delegated' });
      await acts.openTask(open(24, 3, ['cgj-3']));
      await acts.closeTask({ ...key(25), stepId, generation: 3, status: 'delegation_resolved' });
      const added = open(26, 4, ['cgj-2', 'cgj-4']);
      await acts.closeTask({ ...key(27), stepId, generation: 3, status: 'delegation_resolved' });
      await acts.openTask(added);
      await acts.openTask({ ...added, assignees: ['someone-else'] });
      const rows = await database.db.task.findMany({ where: { caseNo, stepId }, orderBy: { seq: 'asc' } });
      expect(rows.map((t) => [t.seq, t.state, t.outcome])).toEqual([
        [1, 'superseded', 'transferred'],
        [2, 'superseded', 'delegated'],
        [3, 'superseded', 'delegation_resolved'],
        [4, 'open', null],
      ]);
      expect(rows[3].assigneeUserId).toBeNull();
      expect(await holdersOf(4)).toEqual(['cgj-2', 'cgj-4']);
      await acts.closeTask({ ...key(28), stepId, generation: 4, status: 'signers_changed' });
      await acts.closeTask({ ...key(28), stepId, generation: 4, status: 'signers_changed' });
      expect(await database.db.task.findUnique({ where: { id: `${caseNo}:${stepId}:4` } })).toMatchObject({
        state: 'superseded',
        outcome: 'signers_changed',
      });
    });

    it('退回 closes the row as done/returned; the next generation may open with no due date (step clock stopped)', async () => {
      await acts.openTask(open(29, 5, ['cgj-2'], null));
      await acts.openTask(open(29, 5, ['cgj-2'], '2026-12-31'));
      expect(await database.db.task.findUnique({ where: { id: `${caseNo}:${stepId}:5` } })).toMatchObject({
        state: 'open',
        dueDate: null,
      });
      await acts.closeTask({ ...key(30), stepId, generation: 5, status: 'returned' });
      await acts.closeTask({ ...key(30), stepId, generation: 5, status: 'returned' });
      expect(await database.db.task.findUnique({ where: { id: `${caseNo}:${stepId}:5` } })).toMatchObject({
        state: 'done',
        outcome: 'returned',
      });
      expect(await openInbox()).toEqual([]);
    });

    it('recordDecision cc twice → one Decision row and one CaseCopy row per person; copying the same person again keeps the first', async () => {
      const cc = {
        ...key(31),
        stepId,
        action: 'cc',
        actor: 'cgj-2',
        details: { to: ['zjj-1', 'wsjk-1'], note: '请知悉' },
      };
      const read = async () => ({
        decisions: await database.db.decision.findMany({ where: { caseNo, verb: 'cc' } }),
        copies: await database.db.caseCopy.findMany({ where: { caseNo }, orderBy: { userId: 'asc' } }),
      });
      const [a, b] = await twice(() => acts.recordDecision(cc), read);
      expect(b).toEqual(a);
      expect(b.decisions).toHaveLength(1);
      expect(b.decisions[0]).toMatchObject({ verb: 'cc', reason: '请知悉' });
      expect(b.copies.map((c) => [c.userId, c.stepId, c.copiedBy, c.note, c.eventKey])).toEqual([
        ['wsjk-1', stepId, 'cgj-2', '请知悉', `${caseNo}:31`],
        ['zjj-1', stepId, 'cgj-2', '请知悉', `${caseNo}:31`],
      ]);
      await acts.recordDecision({
        ...key(32),
        stepId,
        action: 'cc',
        actor: 'cgj-4',
        details: { to: ['zjj-1'] },
      });
      expect(await database.db.caseCopy.count({ where: { caseNo } })).toBe(2);
      expect(await database.db.caseCopy.findFirst({ where: { caseNo, userId: 'zjj-1' } })).toMatchObject({
        copiedBy: 'cgj-2',
      });
    });

    it('records the reason of each new verb', async () => {
      const verbs = [
        {
          action: 'transfer',
          details: { from: 'cgj-1', to: ['cgj-2'], reason: '休假', authority: 'assignee' },
          reason: '休假',
        },
        {
          action: 'delegation_resolved',
          details: { owner: 'cgj-2', opinion: 'agree', comment: '现场符合' },
          reason: '现场符合',
        },
        { action: 'send_back', details: { to: 'window', reason: '缺签字', generation: 5 }, reason: '缺签字' },
        { action: 'resubmitted_from_window', details: {}, reason: null },
      ];
      for (const [i, v] of verbs.entries()) {
        const input = { ...key(40 + i), stepId, action: v.action, actor: 'cgj-2', details: v.details };
        await acts.recordDecision(input);
        await acts.recordDecision(input);
        expect(
          await database.db.decision.findUnique({ where: { caseNo_eventSeq: { caseNo, eventSeq: 40 + i } } }),
        ).toMatchObject({ verb: v.action, reason: v.reason });
      }
    });
  });

  it('setTaskHolders twice → the same holders; an older write never overwrites a newer one; a closed row is left alone', async () => {
    const stepId = 'item_HOLD';
    const holdersOf = async () =>
      (
        await database.db.taskHolder.findMany({
          where: { taskId: `${caseNo}:${stepId}:1` },
          orderBy: { userId: 'asc' },
        })
      ).map((h) => h.userId);
    await acts.openTask({ ...openInput, ...key(40), stepId, assignees: ['c1', 'c2', 'c3'] });
    const [a, b] = await twice(
      () => acts.setTaskHolders({ ...key(42), stepId, generation: 1, holders: ['c3'] }),
      holdersOf,
    );
    expect(b).toEqual(a);
    expect(b).toEqual(['c3']);
    expect(await database.db.task.findUnique({ where: { id: `${caseNo}:${stepId}:1` } })).toMatchObject({
      assigneeUserId: 'c3',
      holdersSeq: 42,
    });
    await acts.setTaskHolders({ ...key(41), stepId, generation: 1, holders: ['c2', 'c3'] }); // late, older
    expect(await holdersOf()).toEqual(['c3']);
    await acts.closeTask({ ...key(43), stepId, generation: 1, status: 'approved' });
    await acts.setTaskHolders({ ...key(44), stepId, generation: 1, holders: ['x'] });
    expect(await holdersOf()).toEqual(['c3']);
    await expect(
      acts.setTaskHolders({ ...key(45), stepId: 'item_NONE', generation: 1, holders: ['x'] }),
    ).rejects.toThrow(/not in the projection yet/);
  });

  it('签收: a group task opens unclaimed; claiming supersedes it and the next row says who claimed it and when', async () => {
    const stepId = 'item_GROUP';
    const base = {
      stepId,
      name: '组审',
      departmentCode: 'SAMR',
      role: 'dept_approver',
      dueDate: '2026-12-07',
      provisional: false,
    };
    await acts.openTask({
      ...key(60),
      ...base,
      assignees: ['group:SAMR/dept_approver'],
      generation: 1,
      claim: { state: 'unclaimed' },
    });
    const claim = async () => {
      await acts.closeTask({ ...key(61), stepId, generation: 1, status: 'claimed' });
      await acts.openTask({
        ...key(62),
        ...base,
        assignees: ['food-2'],
        generation: 2,
        claim: { state: 'claimed', by: 'food-2', at: '2026-11-23T02:02:00.000Z' },
      });
    };
    const [a, b] = await twice(claim, () =>
      database.db.task.findMany({ where: { caseNo, stepId }, orderBy: { seq: 'asc' } }),
    );
    expect(b).toEqual(a);
    expect(
      b.map((t) => [
        t.seq,
        t.state,
        t.outcome,
        t.claimState,
        t.claimedBy,
        t.claimedAt?.toISOString() ?? null,
      ]),
    ).toEqual([
      [1, 'superseded', 'claimed', 'unclaimed', null, null],
      [2, 'open', null, 'claimed', 'food-2', '2026-11-23T02:02:00.000Z'],
    ]);
    // Rows of named seats carry no claim state.
    expect(await database.db.task.findUnique({ where: { id: `${caseNo}:item_FOOD:1` } })).toMatchObject({
      claimState: null,
      claimedBy: null,
    });
  });

  it('loadCalendar merges an uploaded year over the shipped official data and skips a bad row', async () => {
    const year2027 = {
      year: 2027,
      source: 'provisional estimate',
      provisional: true,
      holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-01' }],
      adjustedWorkingDays: [],
    };
    await database.db.calendarYear.create({
      data: {
        region: 'CN',
        year: 2027,
        data: JSON.stringify(year2027),
        provisional: true,
        source: 'upload',
        uploadedBy: 'admin',
      },
    });
    await database.db.calendarYear.create({
      data: {
        region: 'CN',
        year: 2026,
        data: '{"year": 2026',
        provisional: false,
        source: 'upload',
        uploadedBy: 'admin',
      },
    });
    const data = await acts.loadCalendar({
      idempotencyKey: `${caseNo}:calendar`,
      caseNo,
      at,
      years: [2026, 2027],
    });
    expect(data.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(data.years.find((y) => y.year === 2026)).toEqual(
      OFFICIAL_CALENDAR_DATA.years.find((y) => y.year === 2026),
    );
    expect(data.years.find((y) => y.year === 2027)).toMatchObject({ provisional: true });
    expect(data.years.find((y) => y.year === 2027)?.source).toBe('provisional estimate');
    // Years of the case without a notice get the statutory holidays of the 放假办法, still provisional.
    const later = await acts.loadCalendar({
      idempotencyKey: `${caseNo}:calendar2`,
      caseNo,
      at,
      years: [2028, 2029],
    });
    expect(later.years.filter((y) => y.year >= 2028).map((y) => [y.year, y.provisional])).toEqual([
      [2028, true],
      [2029, true],
    ]);
    expect(later.years.find((y) => y.year === 2028)?.holidays.map((h) => h.start)).toContain('2028-01-01');
  });
});
