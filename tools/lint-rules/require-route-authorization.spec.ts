import path from 'node:path';
import { Linter, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from './require-route-authorization.mjs';

// The rule names files relative to ESLint's working directory (the repository root in `npm test`).
const file = 'apps/api/src/things/things.router.ts';
const filename = path.resolve(file);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const run = (name: string, tests: Parameters<RuleTester['run']>[2]) =>
  tester.run(name, rule, {
    valid: tests.valid.map((t) => (typeof t === 'string' ? { code: t, filename } : { filename, ...t })),
    invalid: tests.invalid.map((t) => ({ filename, ...t })),
  });

const publicRoutes = (...routes: [method: string, path: string][]) => [
  {
    publicRoutes: routes.map(([method, p]) => ({
      file,
      method,
      path: p,
      reason: 'anyone may call it, see the docs',
    })),
  },
];

run('require-route-authorization', {
  valid: [
    // authorize() in the handler chain, directly, as a variable, or inside a function of this file
    `const router = Router(); router.get('/things', authorize('thing.read'), (req, res) => res.json([]));`,
    `const router = express.Router(); router.post('/things', limit, authorize('thing.write', ofThing), handler);`,
    `const read = authorize('public.lookup'); const router = Router(); router.get('/things', read, handler);`,
    `const router = Router();
     const byVerb: RequestHandler = (req, res, next) => authorize(req.body.verb === 'x' ? 'a' : 'b')(req, res, next);
     router.post('/things/:id/actions', byVerb, handler);`,
    `function gate(req, res, next) { return authorize('thing.read')(req, res, next); }
     const router = Router(); router.get('/things', gate, handler);`,
    // on the public allow-list: method and path as written (a regular expression by its source)
    {
      code: `const router = Router(); router.get('/health', handler);`,
      options: publicRoutes(['GET', '/health']),
    },
    {
      code: 'const router = Router(); router.get(/^\\/(?!api\\/).*/, handler);',
      options: publicRoutes(['GET', '/^\\/(?!api\\/).*/']),
    },
    {
      code: `const p = '/things'; const router = Router(); router.put(p, handler);`,
      options: publicRoutes(['PUT', '/things']),
    },
    // not routes: middleware, reading an app setting, other objects' get/post
    `const router = Router(); router.use(express.static('dist'));`,
    `const app = express(); const proxy = app.get('trust proxy');`,
    `const value = req.get('content-type'); const r = client.post('/things', body);`,
  ],
  invalid: [
    {
      code: `const router = Router(); router.post('/demo-cases', async (_req, res) => res.status(201).json({}));`,
      errors: [
        {
          message:
            "POST /demo-cases is neither behind authorize(…) nor on the public allow-list: add authorize('<action>') before the handler, or (for a route anyone may call) an entry { file: 'apps/api/src/things/things.router.ts', method: 'POST', path: '/demo-cases', reason: '…' } to publicRoutes of onewindow/require-route-authorization in eslint.config.mjs",
        },
      ],
    },
    // a function that does not call authorize() is no gate; nor is an allow-list entry for another method
    {
      code: `const check = (req, res, next) => next(); const router = Router(); router.delete('/things/:id', check, handler);`,
      options: publicRoutes(['GET', '/things/:id']),
      // sorted by place: the stale entry is reported on the file (line 1, column 1)
      errors: [{ messageId: 'staleEntry' }, { messageId: 'unauthorized' }],
    },
    // the same path in another router file is not on the list
    {
      code: `const router = Router(); router.get('/health', handler);`,
      filename: path.resolve('apps/api/src/other/other.router.ts'),
      options: publicRoutes(['GET', '/health']),
      errors: [{ messageId: 'unauthorized' }],
    },
    {
      code: `const router = Router(); router.get('/things', authorize('thing.read'), handler);`,
      options: publicRoutes(['GET', '/things']),
      errors: [{ messageId: 'needlesslyPublic' }],
    },
    {
      code: `const router = Router(); router.get('/things', handler);`,
      options: publicRoutes(['GET', '/things'], ['POST', '/gone']),
      errors: [{ messageId: 'staleEntry', data: { method: 'POST', path: '/gone' } }],
    },
    {
      code: `const app = express(); app.get('/things', handler);`,
      errors: [{ messageId: 'unauthorized' }],
    },
    {
      code: `const router = Router(); router.route('/things').get(authorize('thing.read'), handler);`,
      errors: [{ messageId: 'routeChain' }],
    },
  ],
});

it('refuses an allow-list entry without a reason', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (entry: object) =>
    linter.verify('const x = 1;', [
      {
        plugins: { onewindow: { rules: { 'require-route-authorization': rule } } },
        rules: { 'onewindow/require-route-authorization': ['error', { publicRoutes: [entry] }] },
      },
    ]);
  expect(lint({ file, method: 'GET', path: '/health', reason: 'liveness probe, no data' })).toEqual([]);
  expect(() => lint({ file, method: 'GET', path: '/health' })).toThrow(/required property 'reason'/);
  expect(() => lint({ file, method: 'GET', path: '/health', reason: 'public' })).toThrow(
    /"public" should NOT be shorter than 10 characters/,
  );
});
