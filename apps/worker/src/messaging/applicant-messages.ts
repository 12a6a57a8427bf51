import type { Db } from '@onewindow/db';
import type { SendApplicantMessageInput } from '@onewindow/workflows';
import type { Logger } from 'pino';
import type { ApplicantMessenger, OutboundMessage } from './applicant-messenger';

export interface MessagingDeps {
  db: Db;
  logger: Pick<Logger, 'info' | 'warn'>;
  messenger: ApplicantMessenger;
  /** The service centre's name (CENTRE_NAME): the subject's prefix and the signature. */
  centreName: string;
}

/** The materials a 补正 asked for: the step's latest return_for_supplement decision (written before this runs). */
async function supplementMaterials(db: Db, caseNo: string, stepId: string | undefined): Promise<string[]> {
  const decision = await db.decision.findFirst({
    where: { caseNo, verb: 'return_for_supplement', ...(stepId ? { stepId } : {}) },
    orderBy: { eventSeq: 'desc' },
    select: { payload: true },
  });
  const materials = decision?.payload
    ? (JSON.parse(decision.payload) as { materials?: unknown }).materials
    : undefined;
  return Array.isArray(materials) ? materials.map(String) : [];
}

/** The message of an event, in Chinese, from the case as the database has it. */
export async function composeApplicantMessage(
  deps: Pick<MessagingDeps, 'db' | 'centreName'>,
  input: SendApplicantMessageInput,
): Promise<OutboundMessage> {
  const { db, centreName } = deps;
  const found = await db.case.findUnique({
    where: { caseNo: input.caseNo },
    select: {
      applicant: { select: { name: true, email: true } },
      items: { select: { implementationCode: true } },
    },
  });
  if (!found) throw new Error(`case ${input.caseNo} is not in the database (yet)`);
  const codes = found.items.map((i) => i.implementationCode);
  const items = await db.item.findMany({
    where: { implementationCode: { in: codes } },
    select: { name: true },
    distinct: ['implementationCode'],
  });
  const names = items.map((i) => i.name).join('、');
  const about = names ? `办件 ${input.caseNo}（${names}）` : `办件 ${input.caseNo}`;
  const greeting = `${found.applicant.name}，您好：`;
  const lines =
    input.kind === 'ready_for_collection'
      ? {
          subject: `【${centreName}】${about}已办结，请领取办理结果`,
          body: [
            `您申请的${about}已审批完毕，办理结果可以领取。`,
            '请携带本人有效身份证件到政务服务中心综合出件窗口领取；选择邮寄或电子送达的，将按您选择的方式送达。',
          ],
        }
      : {
          subject: `【${centreName}】${about}需要补正材料`,
          body: [
            `您申请的${about}需要补正材料：`,
            ...(await supplementMaterials(db, input.caseNo, input.stepId)).map((m, i) => `  ${i + 1}. ${m}`),
            '请尽快将补正材料提交至政务服务中心综合受理窗口。补正期间办理时限暂停计算，收到补正材料后继续计算。',
          ],
        };
  return {
    to: found.applicant.email ?? undefined,
    subject: lines.subject,
    text: [
      greeting,
      '',
      ...lines.body,
      '',
      '办理进度可凭办件号和查询码在网上查询。',
      '',
      centreName,
      '',
    ].join('\n'),
    messageId: `<${input.eventKey}@onewindow>`,
    caseNo: input.caseNo,
    kind: input.kind,
  };
}

/**
 * The sendApplicantMessage activity: at most one message per event key. The outbox row (ApplicantMessage,
 * keyed by the event) is written first; a row already `sent` (or `no_contact`) means a retry or a repeat:
 * nothing is sent. Otherwise the message goes out and the row is marked sent once the channel accepted it.
 * A worker that dies mid-send leaves the row pending and the server never accepted the message; the retry on
 * another worker sends it. Only a death between the server's acceptance and the mark would send twice; the
 * Message-ID is the event's, so the receiving side can tell.
 */
export async function sendApplicantMessage(
  deps: MessagingDeps,
  input: SendApplicantMessageInput,
): Promise<void> {
  const { db, messenger, logger } = deps;
  const message = await composeApplicantMessage(deps, input);
  const row = await db.applicantMessage.upsert({
    where: { eventKey: input.eventKey },
    create: {
      eventKey: input.eventKey,
      caseNo: input.caseNo,
      kind: input.kind,
      channel: messenger.channel,
      state: 'pending',
      subject: message.subject,
    },
    update: {},
  });
  if (row.state !== 'pending') return;
  if (messenger.needsAddress && !message.to) {
    await db.applicantMessage.update({ where: { eventKey: input.eventKey }, data: { state: 'no_contact' } });
    logger.warn(
      { caseNo: input.caseNo, kind: input.kind },
      'applicant message not sent: the applicant left no e-mail address',
    );
    return;
  }
  await db.applicantMessage.update({
    where: { eventKey: input.eventKey },
    data: { attempts: { increment: 1 } },
  });
  await messenger.send(message);
  await db.applicantMessage.update({
    where: { eventKey: input.eventKey },
    data: { state: 'sent', sentAt: new Date(), channel: messenger.channel },
  });
}
