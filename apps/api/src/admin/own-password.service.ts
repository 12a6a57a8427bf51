// The signed-in user changes their own password (required after an administrator set it).
import { inOneTransaction, type Db } from '@onewindow/db';
import { recordAudit } from '@onewindow/audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { adminInvalid, type ChangeAuthor } from './admin-problems';

/** The current password must match; the other sessions of the user end, this one stays. */
export async function changeOwnPassword(
  db: Db,
  user: { id: string; username: string },
  currentSessionId: string,
  passwords: { currentPassword: string; newPassword: string },
  author: ChangeAuthor,
  now = new Date(),
): Promise<void> {
  const row = await db.user.findUnique({ where: { id: user.id } });
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, passwords.currentPassword)))
    throw adminInvalid('currentPassword', '当前密码不正确，请重新输入');
  const passwordHash = await hashPassword(passwords.newPassword);
  await inOneTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: currentSessionId } },
      data: { revokedAt: now },
    });
    await recordAudit(tx, { ...author, action: 'auth.password_changed', target: `user:${user.username}` });
  });
}
