import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'child_process',
  'crypto',
  'worker_threads',
  'process',
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
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['deterministic', 'type:testing'] },
            { sourceTag: 'deterministic', onlyDependOnLibsWithTags: ['deterministic'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:lib', 'type:workflows', 'type:app'],
            },
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
    // Workflow code and the libraries it uses must stay deterministic: no I/O, no Prisma, no Node built-ins.
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
            ...nodeBuiltins,
            ...nodeBuiltins.map((m) => `node:${m}`),
            '@prisma/client',
            'better-sqlite3',
            '@onewindow/db',
          ].map((name) => ({
            name,
            message: 'Deterministic code (workflows and shared libs) must not do I/O.',
          })),
          patterns: [{ group: ['node:*', '@prisma/*'], message: 'Deterministic code must not do I/O.' }],
        },
      ],
    },
  },
  {
    files: ['workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
