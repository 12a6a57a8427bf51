import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import onewindow from './tools/lint-rules/index.mjs';

/** Every Node built-in by its bare name (builtinModules lists `fs/promises` and the like too); `node:*` is a pattern below. */
const nodeBuiltins = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];
const deterministicMessage =
  'Deterministic code (workflows and shared libs) must not do I/O or use Node built-ins: pass the value in, or move the code out of the deterministic projects.';

/**
 * Routes that anyone may call without authorize(…): file, method, path as written in the router (relative to
 * /api), and why. onewindow/require-route-authorization refuses any other route without authorize(…), and an
 * entry here that no longer matches a route.
 */
const publicRoutes = [
  {
    file: 'apps/api/src/health/health.router.ts',
    method: 'GET',
    path: '/health',
    reason: 'Liveness for operators and load balancers: up/down and the version, no case data',
  },
  {
    file: 'apps/api/src/openapi/openapi.router.ts',
    method: 'GET',
    path: '/openapi.json',
    reason: 'The API description: routes and schemas, no data; each route it lists guards itself',
  },
  {
    file: 'apps/api/src/auth/auth.router.ts',
    method: 'POST',
    path: '/auth/login',
    reason: 'Signing in happens before there is a session; loginRateLimit and the lock-out bound guessing',
  },
  {
    file: 'apps/api/src/auth/auth.router.ts',
    method: 'GET',
    path: '/auth/me',
    reason: "The caller's own session; 401 without one",
  },
  {
    file: 'apps/api/src/auth/auth.router.ts',
    method: 'POST',
    path: '/auth/logout',
    reason: "Ends the caller's own session; signedInUser() answers 401 without one",
  },
  {
    file: 'apps/api/src/auth/auth.router.ts',
    method: 'POST',
    path: '/auth/logout-all',
    reason: "Ends the caller's own sessions everywhere; signedInUser() answers 401 without one",
  },
  {
    file: 'apps/api/src/auth/oidc.router.ts',
    method: 'GET',
    path: '/auth/oidc/start',
    reason: 'OIDC sign-in starts before there is a session (redirect to the identity provider), rate-limited',
  },
  {
    file: 'apps/api/src/auth/oidc.router.ts',
    method: 'GET',
    path: '/auth/oidc/callback',
    reason: "The identity provider's redirect back; it creates the session, rate-limited",
  },
  {
    file: 'apps/api/src/admin/sign-in-options.router.ts',
    method: 'GET',
    path: '/auth/sign-in-options',
    reason: 'The sign-in page asks, before there is a session, whether OIDC sign-in is offered; no data',
  },
  {
    file: 'apps/api/src/admin/own-password.router.ts',
    method: 'POST',
    path: '/auth/password',
    reason:
      "The caller's own password (the only thing a user with a temporary password may do); signedInUser() answers 401 without a session, and the current password is checked",
  },
  {
    file: 'apps/api/src/cases/cases.router.ts',
    method: 'GET',
    path: '/cases/copied',
    reason:
      'Any signed-in user: signedInUser() answers 401 without a session; the page holds only copies (抄送) to the caller',
  },
  {
    file: 'apps/api/src/submissions/submissions.router.ts',
    method: 'POST',
    path: '/public/submissions',
    reason:
      '网上申报: anyone may apply online without an account (Art. 29); rate-limited per address, it only stores a submission for the window to review',
  },
  {
    file: 'apps/api/src/web/serve-web.ts',
    method: 'GET',
    path: '/',
    reason: 'The note that the web app is not built (only when apps/web/dist is missing)',
  },
  {
    file: 'apps/api/src/web/serve-web.ts',
    method: 'GET',
    path: '/^\\/(?!api\\/).*/',
    reason:
      "The web app's index.html for client-side routes; the data it shows comes from guarded API routes",
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      'var/**',
      'tmp/**',
      '.tools/**',
      '.nx/**',
      '**/*.cjs',
      '**/*.mjs',
      '**/vite.config.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:lib', 'type:workflows', 'type:testing'],
            },
            // type:testing for the workflow tests (workflows/test, *.spec.ts); workflows/src itself may not
            // import the test kit: no-restricted-imports in the deterministic block below.
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['deterministic', 'type:testing'] },
            { sourceTag: 'deterministic', onlyDependOnLibsWithTags: ['deterministic'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The test kit serves app tests, so it never imports an app (startStack lives in apps/e2e for that).
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:workflows'] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:lib', 'type:testing', 'type:app', 'type:workflows'],
            },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:lib', 'type:testing', 'type:app', 'type:workflows'],
            },
          ],
        },
      ],
    },
  },
  {
    // Every route is guarded by authorize(…) or named above (apps/api/src/auth/README.md).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { onewindow },
    rules: { 'onewindow/require-route-authorization': ['error', { publicRoutes }] },
  },
  {
    // Comments say what they mean in words: an issue number means nothing to a reader of the code.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { onewindow },
    rules: { 'onewindow/no-issue-citations': 'error' },
  },
  {
    // A taken key is recognised in one place: a raw statement reports it as P2010, not as P2002.
    files: ['apps/**/*.ts', 'tools/**/*.ts'],
    ignores: ['apps/web/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Literal[value='P2002']",
          message:
            "Use isUniqueViolation(error) from @onewindow/db: it also knows a raw statement's taken key (P2010).",
        },
      ],
    },
  },
  {
    // Routers parse and delegate: Prisma queries live in services and repositories beside them.
    files: ['apps/api/src/**/*.router.ts'],
    plugins: { onewindow },
    rules: { 'onewindow/no-prisma-in-routers': 'error' },
  },
  {
    // Workflow code and the libraries it uses must stay deterministic: no I/O, no Prisma, no Node built-ins,
    // and no test helpers outside their tests.
    files: [
      'workflows/src/**/*.ts',
      'libs/calendar/src/**/*.ts',
      'libs/standards/src/**/*.ts',
      'libs/flow-model/src/**/*.ts',
      'libs/contracts/src/**/*.ts',
    ],
    ignores: ['**/*.spec.ts', '**/test/**', '**/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...[...nodeBuiltins, '@prisma/client', 'better-sqlite3', '@onewindow/db'].map((name) => ({
              name,
              message: deterministicMessage,
            })),
            ...['@onewindow/testkit', '@temporalio/testing'].map((name) => ({
              name,
              message: 'Test helpers are for tests: import them in *.spec.ts or workflows/test only.',
            })),
          ],
          // Every `node:` form, including built-ins that exist only with the prefix (node:test, node:sqlite).
          patterns: [{ group: ['node:*', '@prisma/*'], message: deterministicMessage }],
        },
      ],
    },
  },
  {
    // Typed linting of the source (each file through the tsconfig.json nearest to it; tests are left out,
    // which keeps lint time down): a switch over a union without a default names every member, so a member
    // added to a union (a verb, a status) fails lint where it is not handled. A default is a decision to
    // treat the rest alike, and is kept.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**', 'libs/db/prisma.*.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    files: ['workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // The case engine owns its state: reducers return a Transition, CaseEngine.apply writes it and bumps `version`.
    files: ['workflows/src/case/**/*.ts'],
    ignores: ['workflows/src/case/engine/case-engine.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.type='MemberExpression'][left.property.name='version']",
          message: 'Only CaseEngine bumps `version`: return a Transition and call engine.apply(...).',
        },
        {
          selector: "UpdateExpression[argument.type='MemberExpression'][argument.property.name='version']",
          message: 'Only CaseEngine bumps `version`: return a Transition and call engine.apply(...).',
        },
        {
          selector:
            "AssignmentExpression[left.type='MemberExpression'][left.object.type='MemberExpression'][left.object.property.name='steps']",
          message:
            'Only CaseEngine writes `state.steps[…]`: return a Transition with `steps` and call engine.apply(...).',
        },
        {
          selector:
            "AssignmentExpression[left.type='MemberExpression'][left.object.type='MemberExpression'][left.object.object.type='MemberExpression'][left.object.object.property.name='steps']",
          message:
            'Only CaseEngine writes `state.steps[…]`: return a Transition with `steps` and call engine.apply(...).',
        },
        {
          selector:
            "AssignmentExpression[left.type='MemberExpression'][left.object.type='MemberExpression'][left.object.property.name='state']",
          message:
            'Only CaseEngine writes the case state: return a Transition and call engine.apply(...), or use an engine method.',
        },
        {
          selector: "UnaryExpression[operator='delete'] > MemberExpression[object.property.name='steps']",
          message:
            'Only CaseEngine writes `state.steps[…]`: return a Transition with `steps` and call engine.apply(...).',
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // The browser's own day is not the centre's: a browser on UTC is still on yesterday from 16:00 UTC.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='dayjs'][arguments.length=0]",
          message:
            "dayjs() is the browser's day and time zone. For today's date use centreToday() from ui/centre-day (the centre's day, Asia/Shanghai); for the present instant write dayjs(Date.now()).",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            "new Date() reads the browser's day and time zone. For today's date use centreToday() from ui/centre-day; for the present instant use Date.now().",
        },
      ],
    },
  },
);
