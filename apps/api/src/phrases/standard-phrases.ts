// 常用语: the department's and each user's standard phrases, over the StandardPhrase table (phrases.router.ts).
import { randomUUID } from 'node:crypto';
import { PHRASES_PER_LIST, type StandardPhrase } from '@onewindow/contracts';
import { isUniqueViolation, type Db } from '@onewindow/db';
import { notFound, ProblemError, ProblemType } from '../http/problem';

/** Whose list: a department's (kept by its lead or an administrator) or one user's own. */
export type PhraseOwner = { scope: 'department'; departmentCode: string } | { scope: 'user'; userId: string };

const ownerKey = (owner: PhraseOwner) =>
  owner.scope === 'department' ? `department:${owner.departmentCode}` : `user:${owner.userId}`;
const listName = (owner: PhraseOwner) =>
  owner.scope === 'department' ? `the ${owner.departmentCode} department's phrases` : 'your phrases';

const toPhrase = (row: { id: string; scope: string; text: string; sortOrder: number }): StandardPhrase => ({
  id: row.id,
  scope: row.scope === 'department' ? 'department' : 'user',
  text: row.text,
  sortOrder: row.sortOrder,
});

const duplicate = (owner: PhraseOwner, text: string) =>
  new ProblemError(
    409,
    ProblemType.conflict,
    'Duplicate phrase',
    `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is already in ${listName(owner)}: use it, or write a different text`,
    [{ path: 'text', message: 'the same text is already in this list', code: 'phrase.duplicate' }],
  );

/** The owner's phrases in their order (then oldest first). */
export async function listPhrases(db: Db, owner: PhraseOwner): Promise<StandardPhrase[]> {
  const rows = await db.standardPhrase.findMany({
    where: { ownerKey: ownerKey(owner) },
    orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toPhrase);
}

async function findOwned(db: Db, owner: PhraseOwner, id: string) {
  const row = await db.standardPhrase.findFirst({ where: { id, ownerKey: ownerKey(owner) } });
  if (!row) throw notFound(`No phrase ${id} in ${listName(owner)}; reload the list`);
  return row;
}

/** Adds a phrase at the end of the list; the same text twice, or more than PHRASES_PER_LIST, is refused. */
export async function addPhrase(db: Db, owner: PhraseOwner, text: string): Promise<StandardPhrase> {
  const key = ownerKey(owner);
  const existing = await db.standardPhrase.findMany({
    where: { ownerKey: key },
    select: { text: true, sortOrder: true },
  });
  if (existing.some((p) => p.text === text)) throw duplicate(owner, text);
  if (existing.length >= PHRASES_PER_LIST)
    throw new ProblemError(
      422,
      ProblemType.validation,
      'Too many phrases',
      `${listName(owner)} already hold ${PHRASES_PER_LIST} phrases, the most a list may have: delete one first`,
      [{ path: 'text', message: `at most ${PHRASES_PER_LIST} phrases`, code: 'phrase.tooMany' }],
    );
  try {
    const row = await db.standardPhrase.create({
      data: {
        id: randomUUID(),
        scope: owner.scope,
        departmentCode: owner.scope === 'department' ? owner.departmentCode : null,
        userId: owner.scope === 'user' ? owner.userId : null,
        ownerKey: key,
        text,
        sortOrder: Math.max(-1, ...existing.map((p) => p.sortOrder)) + 1,
      },
    });
    return toPhrase(row);
  } catch (error) {
    // Two tabs adding the same text at once: the unique (ownerKey, text) index decides.
    if (isUniqueViolation(error)) throw duplicate(owner, text);
    throw error;
  }
}

/** Changes a phrase's text (it keeps its place); another phrase with the same text refuses it. */
export async function editPhrase(
  db: Db,
  owner: PhraseOwner,
  id: string,
  text: string,
): Promise<StandardPhrase> {
  await findOwned(db, owner, id);
  const same = await db.standardPhrase.findFirst({ where: { ownerKey: ownerKey(owner), text } });
  if (same && same.id !== id) throw duplicate(owner, text);
  try {
    return toPhrase(await db.standardPhrase.update({ where: { id }, data: { text } }));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(owner, text);
    throw error;
  }
}

export async function deletePhrase(db: Db, owner: PhraseOwner, id: string): Promise<void> {
  await findOwned(db, owner, id);
  await db.standardPhrase.delete({ where: { id } });
}

/** Puts the list in the order of `ids`, which must name every phrase of the list once. */
export async function reorderPhrases(db: Db, owner: PhraseOwner, ids: string[]): Promise<StandardPhrase[]> {
  const current = await listPhrases(db, owner);
  const known = new Set(current.map((p) => p.id));
  if (ids.length !== current.length || ids.some((id) => !known.has(id)))
    throw new ProblemError(
      409,
      ProblemType.conflict,
      'Phrase order out of date',
      `The order must name each of the ${current.length} phrases in ${listName(owner)} once; the list changed meanwhile: reload it and order again`,
      [{ path: 'ids', message: 'not the phrases of this list', code: 'phrase.orderMismatch' }],
    );
  await db.$transaction(
    ids.map((id, sortOrder) => db.standardPhrase.update({ where: { id }, data: { sortOrder } })),
  );
  return listPhrases(db, owner);
}
