import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pino from 'pino';
import { verifyAuditChain } from '@onewindow/audit';
import { createSqliteTestDatabase, sqliteFilePath, type TestDatabase } from '@onewindow/db';
import type { CaseActivities } from '@onewindow/workflows';
import { createActivities } from '../src/activities/create-activities';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const caseNo = 'YC20261201000007';
const at = '2026-12-01T02:00:00.000Z';
const key = (seq: number) => ({ idempotencyKey: `${caseNo}:${seq}`, caseNo, at });

async function runVerifier(databaseUrl: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/audit/verify-audit-chain.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('workflow decisions in the audit chain (worker activities on a real SQLite file)', () => {
  let database: TestDatabase;
  let acts: CaseActivities;
  const entriesOf = (seq: number) =>
    database.db.auditEntry.findMany({ where: { eventKey: `${caseNo}:${seq}` } });

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    acts = createActivities({ db: database.db, logger: pino({ level: 'silent' }) });
    await database.db.applicant.create({
      data: { id: 'A7', kind: 'person', idNumber: '11010519491231002X', name: '李四' },
    });
    await database.db.case.create({ data: { caseNo, applicantId: 'A7', kind: 'item', status: 'accepted' } });
    await database.db.certificate.create({
      data: {
        id: 'held-1',
        typeCode: 'BIZ-LIC',
        number: 'Z-1',
        holderIdNumber: '11010519491231002X',
        holderName: '李四',
        issuerDeptCode: 'SAMR',
        issuedAt: new Date(at),
        validFrom: '2026-01-01',
        status: 'valid',
        data: '{}',
      },
    });
    await acts.openTask({
      ...key(1),
      stepId: 'item_FOOD',
      name: '食品经营许可',
      departmentCode: 'SAMR',
      role: 'dept_approver',
      assignees: ['food-1'],
      dueDate: '2026-12-15',
      provisional: false,
      generation: 1,
    });
    await acts.recordClockEvent({ ...key(2), clock: 'statutory', event: 'started', dueDate: '2026-12-29' });
  }, 60_000);
  afterAll(() => database?.dispose());

  const calls: {
    name: string;
    seq: number;
    apply: () => Promise<unknown>;
    expected: Record<string, unknown>;
  }[] = [
    {
      name: 'recordDecision (a human decision, personal data masked)',
      seq: 3,
      apply: () =>
        acts.recordDecision({
          ...key(3),
          stepId: 'item_FOOD',
          action: 'return_for_supplement',
          actor: 'food-1',
          details: { materials: ['身份证'], note: '请致电 13812345678' },
        }),
      expected: {
        action: 'workflow.return_for_supplement',
        actorUserId: 'food-1',
        payload: JSON.stringify({
          stepId: 'item_FOOD',
          details: { materials: ['身份证'], note: '请致电 138****5678' },
        }),
      },
    },
    {
      name: 'recordDecision plan_error',
      seq: 4,
      apply: () =>
        acts.recordDecision({
          ...key(4),
          action: 'plan_error',
          actor: 'system',
          details: { gateway: 'gw1', reason: 'no condition holds' },
        }),
      expected: { action: 'workflow.plan_error', actorUserId: 'system' },
    },
    {
      name: 'sendReminder',
      seq: 5,
      apply: () =>
        acts.sendReminder({
          ...key(5),
          stepId: 'item_FOOD',
          departmentCode: 'SAMR',
          assignees: ['food-1'],
          dueDate: '2026-12-15',
          remainingWorkingDays: 2,
          on: '2026-12-11',
        }),
      expected: { action: 'workflow.reminder_sent', actorUserId: 'system' },
    },
    {
      name: 'escalateOverdue',
      seq: 6,
      apply: () =>
        acts.escalateOverdue({
          ...key(6),
          stepId: 'item_FOOD',
          departmentCode: 'SAMR',
          role: 'dept_lead',
          dueDate: '2026-12-15',
          on: '2026-12-16',
        }),
      expected: {
        action: 'workflow.escalated_overdue',
        actorUserId: 'system',
        payload: JSON.stringify({
          stepId: 'item_FOOD',
          departmentCode: 'SAMR',
          role: 'dept_lead',
          leads: [],
          windowDepartmentCode: null,
          dueDate: '2026-12-15',
          on: '2026-12-16',
        }),
      },
    },
    {
      name: 'runAutomaticStep (passed)',
      seq: 7,
      apply: () =>
        acts.runAutomaticStep({
          ...key(7),
          stepId: 'check',
          task: 'certificate_check',
          input: { certificateTypeCode: 'BIZ-LIC' },
          applicationData: {},
        }),
      expected: { action: 'workflow.automatic_step_passed', actorUserId: 'system' },
    },
    {
      name: 'runAutomaticStep (failed)',
      seq: 8,
      apply: () =>
        acts.runAutomaticStep({
          ...key(8),
          stepId: 'check2',
          task: 'certificate_check',
          input: { certificateTypeCode: 'NOPE' },
          applicationData: {},
        }),
      expected: { action: 'workflow.automatic_step_failed', actorUserId: 'system' },
    },
    {
      name: 'closeTask cancelled (the workflow cancels a step)',
      seq: 9,
      apply: () => acts.closeTask({ ...key(9), stepId: 'item_FOOD', generation: 1, status: 'cancelled' }),
      expected: { action: 'workflow.step_cancelled', actorUserId: 'system' },
    },
    {
      name: 'issueCertificate',
      seq: 10,
      apply: () =>
        acts.issueCertificate({
          ...key(10),
          stepId: 'item_FOOD',
          certificateTypeCode: 'FOOD-LIC',
          name: '食品经营许可证',
          issuedBy: 'window-1',
          on: '2026-12-20',
        }),
      expected: { action: 'workflow.certificate_issued', actorUserId: 'window-1' },
    },
    {
      name: 'completeCase (the delivery address stays out)',
      seq: 11,
      apply: () =>
        acts.completeCase({
          ...key(11),
          outcome: 'approved',
          reasons: [],
          delivery: { method: 'post', address: '示范市示范路1号' },
        }),
      expected: {
        action: 'workflow.case_completed',
        actorUserId: 'system',
        payload: JSON.stringify({ outcome: 'approved', reasons: [], delivery: 'post' }),
      },
    },
  ];

  it.each(calls)(
    '$name twice → one audit entry for the event, on the case, at the workflow time',
    async ({ seq, apply, expected }) => {
      await apply();
      const first = await entriesOf(seq);
      await apply();
      const second = await entriesOf(seq);
      expect(second).toEqual(first);
      expect(second).toHaveLength(1);
      expect(second[0]).toMatchObject({ target: `case:${caseNo}`, at: new Date(at), ip: null, ...expected });
    },
  );

  it('a closed task that was decided, not cancelled, adds no entry (the decision was audited)', async () => {
    await acts.openTask({
      ...key(12),
      stepId: 'item_FIRE',
      name: '消防',
      departmentCode: 'XFJY',
      role: 'dept_approver',
      assignees: ['fire-1'],
      dueDate: '2026-12-15',
      provisional: false,
      generation: 1,
    });
    await acts.closeTask({ ...key(13), stepId: 'item_FIRE', generation: 1, status: 'approved' });
    expect(await entriesOf(13)).toEqual([]);
  });

  it('a bad idempotency key is refused before anything is appended', async () => {
    const before = await database.db.auditEntry.count();
    await expect(
      acts.sendReminder({
        ...key(14),
        idempotencyKey: 'other-case:14',
        stepId: 'item_FOOD',
        departmentCode: 'SAMR',
        assignees: [],
        dueDate: '2026-12-15',
        remainingWorkingDays: 1,
        on: '2026-12-14',
      }),
    ).rejects.toThrow(/is not "<caseNo>:<seq>"/);
    expect(await database.db.auditEntry.count()).toBe(before);
  });

  it('the chain with the workflow entries verifies, and the command says so', async () => {
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: true, entries: calls.length });
    expect(await runVerifier(database.url)).toEqual({
      code: 0,
      stdout: expect.stringMatching(
        new RegExp(`^Audit chain intact: ${calls.length} entries verified\\.\\nHead hash: [0-9a-f]{64}\\n$`),
      ),
    });
  }, 60_000);

  it('an edited workflow entry (its actor or its event key) is detected by the verifier and the command', async () => {
    const [escalation] = await entriesOf(6);
    const raw = new Database(sqliteFilePath(database.url));
    try {
      expect(() =>
        raw
          .prepare('UPDATE "AuditEntry" SET "actorUserId" = ? WHERE "seq" = ?')
          .run('someone', escalation.seq),
      ).toThrow(/append-only/);
      raw.exec('DROP TRIGGER "AuditEntry_no_update"');
      raw
        .prepare('UPDATE "AuditEntry" SET "eventKey" = ? WHERE "seq" = ?')
        .run(`${caseNo}:99`, escalation.seq);
    } finally {
      raw.close();
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenAtSeq: escalation.seq,
      reason: expect.stringMatching(/was changed after it was written/),
    });
    const result = await runVerifier(database.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Audit chain BROKEN at entry #${escalation.seq}`);
  }, 60_000);
});

describe('calendar_refreshed moves the projected due dates (a year published or corrected)', () => {
  let database: TestDatabase;
  let acts: CaseActivities;
  const refreshCase = 'YC20261201000008';
  const k = (seq: number) => ({ idempotencyKey: `${refreshCase}:${seq}`, caseNo: refreshCase, at });

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    acts = createActivities({ db: database.db, logger: pino({ level: 'silent' }) });
    await database.db.applicant.create({
      data: { id: 'A8', kind: 'person', idNumber: '110105194912310021', name: '王五' },
    });
    await database.db.case.create({
      data: { caseNo: refreshCase, applicantId: 'A8', kind: 'item', status: 'accepted' },
    });
    await acts.openTask({
      ...k(1),
      stepId: 's1',
      name: '许可',
      departmentCode: 'SAMR',
      role: 'dept_approver',
      assignees: ['a'],
      dueDate: '2026-12-15',
      provisional: false,
      generation: 1,
    });
    await acts.recordClockEvent({ ...k(2), clock: 'statutory', event: 'started', dueDate: '2026-12-29' });
  }, 60_000);
  afterAll(() => database?.dispose());

  it('twice → the open task and the case take the new dates, one Decision and one audit entry; a later suspension keeps them', async () => {
    const refresh = {
      ...k(3),
      action: 'calendar_refreshed',
      actor: 'admin-1',
      details: {
        years: [2026],
        changes: [{ stepId: 's1', from: '2026-12-15', to: '2026-12-16', provisional: false }],
        statutory: { from: '2026-12-29', to: '2026-12-30' },
      },
    };
    await acts.recordDecision(refresh);
    await acts.recordDecision(refresh);
    expect(await database.db.task.findUnique({ where: { id: `${refreshCase}:s1:1` } })).toMatchObject({
      dueDate: '2026-12-16',
    });
    expect(await database.db.case.findUnique({ where: { caseNo: refreshCase } })).toMatchObject({
      statutoryDueDate: '2026-12-30',
    });
    expect(await database.db.decision.count({ where: { caseNo: refreshCase } })).toBe(1);
    expect(await database.db.auditEntry.findMany({ where: { target: `case:${refreshCase}` } })).toMatchObject(
      [{ action: 'workflow.calendar_refreshed', actorUserId: 'admin-1' }],
    );

    // Stopped for 补正: the applicant must bring materials (not a special procedure).
    await acts.recordClockEvent({ ...k(4), clock: 'statutory', event: 'suspended', reason: '补正' });
    expect(await database.db.case.findUnique({ where: { caseNo: refreshCase } })).toMatchObject({
      statutoryDueDate: '2026-12-30',
      status: 'awaiting_supplement',
    });
    await acts.recordClockEvent({ ...k(5), clock: 'statutory', event: 'resumed', dueDate: '2027-01-05' });
    expect(await database.db.case.findUnique({ where: { caseNo: refreshCase } })).toMatchObject({
      statutoryDueDate: '2027-01-05',
      status: 'in_review',
    });
  });
});
