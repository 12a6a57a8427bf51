import { Writable } from 'node:stream';
import pino from 'pino';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import { createActivities } from '../../src/activities/create-activities';
import { smtpMessenger } from '../../src/messaging/applicant-messenger';
import { startTestSmtpServer, type TestSmtpServer } from './support/test-smtp-server';

/**
 * The applicant's messages over a real SQLite file and a real SMTP server (smtp-server on 127.0.0.1): the
 * sendApplicantMessage activity as the worker registers it. The restart in the middle of a send, with Temporal,
 * is in applicant-messages-restart.spec.ts.
 */
describe('sendApplicantMessage', () => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  const caseNo = 'YC20261207000001';
  const silent = pino({ level: 'silent' });

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    smtp = await startTestSmtpServer();
    const db = database.db;
    await db.applicant.create({
      data: {
        id: 'A1',
        kind: 'person',
        idNumber: '11010519491231002X',
        name: '张三',
        email: 'zhangsan@example.com',
      },
    });
    await db.applicant.create({
      data: { id: 'A2', kind: 'person', idNumber: '110105194912310029', name: '李四' },
    });
    await db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'in_review' } });
    await db.case.create({
      data: { caseNo: 'YC20261207000002', applicantId: 'A2', kind: 'item', status: 'in_review' },
    });
    await db.decision.create({
      data: {
        id: `${caseNo}:5`,
        caseNo,
        eventSeq: 5,
        stepId: 'item_FIRE',
        verb: 'return_for_supplement',
        actorUserId: 'fire-1',
        payload: JSON.stringify({ materials: ['消防平面图', '营业执照副本'] }),
        decidedAt: new Date('2026-12-07T02:00:00Z'),
      },
    });
  }, 60_000);
  afterAll(async () => {
    await smtp?.close();
    await database?.dispose();
  });

  const smtpActivities = () =>
    createActivities({
      db: database.db,
      logger: silent,
      centreName: '某某区政务服务中心',
      messenger: smtpMessenger({
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: smtp.port,
        SMTP_FROM: '政务服务中心 <noreply@zwfw.example.gov.cn>',
      }),
    });

  it('e-mails "supplement needed" once per event, in Chinese, naming the materials; a repeat sends nothing', async () => {
    const acts = smtpActivities();
    const input = {
      eventKey: `${caseNo}:message:supplement_needed:item_FIRE:4`,
      caseNo,
      kind: 'supplement_needed' as const,
      stepId: 'item_FIRE',
    };
    await acts.sendApplicantMessage(input);
    await acts.sendApplicantMessage(input);
    await smtpActivities().sendApplicantMessage(input); // another worker's retry
    expect(smtp.accepted).toHaveLength(1);
    const [mail] = smtp.accepted;
    expect(mail.to).toEqual(['zhangsan@example.com']);
    expect(mail.subject).toBe(`【某某区政务服务中心】办件 ${caseNo}需要补正材料`);
    expect(mail.text).toContain('张三，您好：');
    expect(mail.text).toContain('1. 消防平面图');
    expect(mail.text).toContain('2. 营业执照副本');
    expect(mail.text).toContain('补正期间办理时限暂停计算');
    expect(mail.messageId).toBe(`<${input.eventKey}@onewindow>`);
    const row = await database.db.applicantMessage.findUniqueOrThrow({ where: { eventKey: input.eventKey } });
    expect(row).toMatchObject({ state: 'sent', channel: 'smtp', attempts: 1, kind: 'supplement_needed' });
  });

  it('e-mails "ready for collection" as a message of its own', async () => {
    await smtpActivities().sendApplicantMessage({
      eventKey: `${caseNo}:message:ready_for_collection:case:9`,
      caseNo,
      kind: 'ready_for_collection',
    });
    expect(smtp.accepted).toHaveLength(2);
    expect(smtp.accepted[1].subject).toBe(`【某某区政务服务中心】办件 ${caseNo}已办结，请领取办理结果`);
    expect(smtp.accepted[1].text).toContain('请携带本人有效身份证件到政务服务中心综合出件窗口领取');
  });

  it('sends nothing to an applicant who left no e-mail, and says so on the outbox row', async () => {
    const eventKey = 'YC20261207000002:message:ready_for_collection:case:3';
    await smtpActivities().sendApplicantMessage({
      eventKey,
      caseNo: 'YC20261207000002',
      kind: 'ready_for_collection',
    });
    expect(smtp.accepted).toHaveLength(2);
    expect(await database.db.applicantMessage.findUniqueOrThrow({ where: { eventKey } })).toMatchObject({
      state: 'no_contact',
      attempts: 0,
    });
  });

  it('a refused send (the server says no) leaves the row pending for the retry', async () => {
    const closed = smtpMessenger({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: 1,
      SMTP_FROM: 'noreply@zwfw.example.gov.cn',
    });
    const acts = createActivities({ db: database.db, logger: silent, messenger: closed });
    const eventKey = `${caseNo}:message:ready_for_collection:case:20`;
    await expect(
      acts.sendApplicantMessage({ eventKey, caseNo, kind: 'ready_for_collection' }),
    ).rejects.toThrow();
    expect(await database.db.applicantMessage.findUniqueOrThrow({ where: { eventKey } })).toMatchObject({
      state: 'pending',
      attempts: 1,
    });
    await smtpActivities().sendApplicantMessage({ eventKey, caseNo, kind: 'ready_for_collection' });
    expect(smtp.accepted).toHaveLength(3);
    expect(await database.db.applicantMessage.findUniqueOrThrow({ where: { eventKey } })).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('by default writes the message to the log only: the case, the kind and the subject, never the address', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const acts = createActivities({ db: database.db, logger: pino({ level: 'info' }, sink) });
    const eventKey = `${caseNo}:message:supplement_needed:item_FIRE:30`;
    await acts.sendApplicantMessage({ eventKey, caseNo, kind: 'supplement_needed', stepId: 'item_FIRE' });
    await acts.sendApplicantMessage({ eventKey, caseNo, kind: 'supplement_needed', stepId: 'item_FIRE' });
    expect(smtp.accepted).toHaveLength(3);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      caseNo,
      kind: 'supplement_needed',
      subject: `【政务服务中心】办件 ${caseNo}需要补正材料`,
      hasAddress: true,
    });
    expect(lines[0]).not.toContain('zhangsan@example.com');
    expect(await database.db.applicantMessage.findUniqueOrThrow({ where: { eventKey } })).toMatchObject({
      state: 'sent',
      channel: 'log',
    });
  });
});
