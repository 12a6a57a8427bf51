import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from './no-prisma-in-routers.mjs';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('no-prisma-in-routers', rule, {
  valid: [
    // delegating: services take deps (or the client) and query it themselves
    `export function thingsRouter(deps: ApiDeps) { router.get('/things', async (_req, res) => res.json(await listThings(deps))); }`,
    `export function thingsRouter(deps: ApiDeps) { return loadCalendarData(deps.db); }`,
    `export function authRouter({ db, security }: ApiDeps) { return revokeSession(db, security.id); }`,
    `export function thingsRouter(deps: ApiDeps) { const { db } = deps; return searchItems(db, {}); }`,
    // other things called db, or properties called db of other objects, are not the client
    `const result = { db: 1 }.db;`,
    `export function thingsRouter(deps: ApiDeps) { return deps.temporal.client.workflow.getHandle('x'); }`,
  ],
  invalid: [
    {
      code: `export function casesRouter(deps: ApiDeps) { return deps.db.caseCopy.count({ where: {} }); }`,
      errors: [
        {
          message:
            'Routers parse and delegate: move this database query into a service or repository beside the router (e.g. <resource>.service.ts taking deps), and call that',
        },
      ],
    },
    {
      code: `export function f(deps: ApiDeps) { return deps.db.$transaction(async (tx) => tx.caseFile.findUnique({})); }`,
      errors: [{ messageId: 'query' }],
    },
    {
      code: `export function tasksRouter(deps: ApiDeps) { const { db } = deps; return db.task.findMany({}); }`,
      errors: [{ messageId: 'query' }],
    },
    {
      code: `export function oidcRouter({ db: client = fallback }: ApiDeps) { return client.user.findUnique({}); }`,
      errors: [{ messageId: 'query' }],
    },
    {
      code: `export function f(deps: ApiDeps) { const prisma = deps.db; return prisma.case.findMany(); }`,
      errors: [{ messageId: 'query' }],
    },
    {
      code: `export function f(deps: ApiDeps) { const { caseFile } = deps.db; return caseFile; }`,
      errors: [{ messageId: 'destructure' }],
    },
    {
      code: `export function f(deps: ApiDeps) { return deps['db'].case.findMany(); }`,
      errors: [{ messageId: 'query' }],
    },
  ],
});
