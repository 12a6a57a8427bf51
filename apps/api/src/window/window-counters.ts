import type { WindowCounters } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { shanghaiDate } from '../documents/acceptance-notice.content';

/** The instants a centre's calendar day spans (Asia/Shanghai, UTC+8 all year): [from, to). */
const dayRange = (day: string) => {
  const from = new Date(`${day}T00:00:00+08:00`);
  return { gte: from, lt: new Date(from.getTime() + 24 * 3600_000) };
};

/**
 * 今日工作量 of one clerk, by user id (two clerks may share a display name): acceptances by who accepted
 * (Case.acceptedBy), the one-time notices, refusals and 送达回证 by who issued them (Notice.issuedById), applications taken in as the first document of
 * each case the clerk issued that day or accepted without one, and the certificates reused in what was accepted.
 */
export async function windowCounters(
  db: Db,
  clerk: { id: string },
  day: string = shanghaiDate(new Date()),
): Promise<WindowCounters> {
  const range = dayRange(day);
  const issuedToday = (kind: string) =>
    db.notice.count({ where: { kind, issuedAt: range, issuedById: clerk.id } });
  const [accepted, acceptedAfterNotice, notices, refused, issued, reusedCertificates] = await Promise.all([
    db.case.count({ where: { acceptedBy: clerk.id, acceptedAt: range } }),
    // Accepted today after an earlier one-time notice: received when the notice was given, not today.
    db.case.count({
      where: {
        acceptedBy: clerk.id,
        acceptedAt: range,
        notices: { some: { kind: 'correction_notice', issuedAt: { lt: range.gte } } },
      },
    }),
    issuedToday('correction_notice'),
    issuedToday('acceptance_refusal'),
    issuedToday('delivery_receipt'),
    db.caseMaterial.count({
      where: { provenance: 'reused_certificate', case: { acceptedBy: clerk.id, acceptedAt: range } },
    }),
  ]);
  // A notice given and the application accepted the same day is one application received.
  const noticedAndAccepted = await db.case.count({
    where: {
      acceptedBy: clerk.id,
      acceptedAt: range,
      notices: { some: { kind: 'correction_notice', issuedAt: range } },
    },
  });
  return {
    day,
    received: accepted - acceptedAfterNotice - noticedAndAccepted + notices + refused,
    accepted,
    notices,
    refused,
    issued,
    reusedCertificates,
  };
}
