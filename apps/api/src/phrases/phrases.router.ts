import { Router, type Request } from 'express';
import {
  phraseOrderRequestSchema,
  phraseRequestSchema,
  type PhraseList,
  type PhraseLists,
} from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { decide } from '../auth/access-policy';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import {
  addPhrase,
  deletePhrase,
  editPhrase,
  listPhrases,
  reorderPhrases,
  type PhraseOwner,
} from './standard-phrases';

/** Your own department (your phrases serve the opinions you write there, so case.decide in it). */
const ownDepartment = (req: Request) => ({ departmentCodes: [signedInUser(req).departmentCode ?? ''] });
/** The department named in the path (phrase.manage: its lead, or an administrator). */
const namedDepartment = (req: Request) => ({ departmentCodes: [String(req.params.code)] });

const mine = (req: Request): PhraseOwner => ({ scope: 'user', userId: signedInUser(req).id });
const departmentOf = (req: Request): PhraseOwner => ({
  scope: 'department',
  departmentCode: String(req.params.code),
});

/**
 * 常用语. GET /phrases: the signed-in approver's own phrases and their department's, for the pickers beside
 * every opinion and reason (case.decide in one's own department). /phrases/mine…: a user keeps their own
 * list (add, edit, delete, reorder). /phrases/departments/:code…: the department's list, kept by its lead
 * or an administrator (phrase.manage). Texts are trimmed, 1..PHRASE_MAX_LENGTH characters, unique per list.
 */
export function phrasesRouter(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/phrases', authorize('case.decide', ownDepartment), async (req, res) => {
    const user = signedInUser(req);
    const code = user.departmentCode ?? '';
    const body: PhraseLists = {
      mine: await listPhrases(db, mine(req)),
      department: {
        code,
        items: await listPhrases(db, { scope: 'department', departmentCode: code }),
        canManage: decide(user, 'phrase.manage', { departmentCodes: [code] }).allowed,
      },
    };
    res.json(body);
  });

  // One's own list.
  router.post('/phrases/mine', authorize('case.decide', ownDepartment), async (req, res) => {
    const { text } = parse(phraseRequestSchema, req.body, 'phrase');
    res.status(201).json(await addPhrase(db, mine(req), text));
  });
  router.put('/phrases/mine/order', authorize('case.decide', ownDepartment), async (req, res) => {
    const { ids } = parse(phraseOrderRequestSchema, req.body, 'order');
    const body: PhraseList = { items: await reorderPhrases(db, mine(req), ids) };
    res.json(body);
  });
  router.put('/phrases/mine/:id', authorize('case.decide', ownDepartment), async (req, res) => {
    const { text } = parse(phraseRequestSchema, req.body, 'phrase');
    res.json(await editPhrase(db, mine(req), String(req.params.id), text));
  });
  router.delete('/phrases/mine/:id', authorize('case.decide', ownDepartment), async (req, res) => {
    await deletePhrase(db, mine(req), String(req.params.id));
    res.status(204).end();
  });

  // A department's list.
  router.get('/phrases/departments/:code', authorize('phrase.manage', namedDepartment), async (req, res) => {
    const body: PhraseList = { items: await listPhrases(db, departmentOf(req)) };
    res.json(body);
  });
  router.post('/phrases/departments/:code', authorize('phrase.manage', namedDepartment), async (req, res) => {
    const { text } = parse(phraseRequestSchema, req.body, 'phrase');
    res.status(201).json(await addPhrase(db, departmentOf(req), text));
  });
  router.put(
    '/phrases/departments/:code/order',
    authorize('phrase.manage', namedDepartment),
    async (req, res) => {
      const { ids } = parse(phraseOrderRequestSchema, req.body, 'order');
      const body: PhraseList = { items: await reorderPhrases(db, departmentOf(req), ids) };
      res.json(body);
    },
  );
  router.put(
    '/phrases/departments/:code/:id',
    authorize('phrase.manage', namedDepartment),
    async (req, res) => {
      const { text } = parse(phraseRequestSchema, req.body, 'phrase');
      res.json(await editPhrase(db, departmentOf(req), String(req.params.id), text));
    },
  );
  router.delete(
    '/phrases/departments/:code/:id',
    authorize('phrase.manage', namedDepartment),
    async (req, res) => {
      await deletePhrase(db, departmentOf(req), String(req.params.id));
      res.status(204).end();
    },
  );
  return router;
}
