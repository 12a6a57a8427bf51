// Shared Jest settings: swc transpiles TS (type checks run in the separate `typecheck` target).
const path = require('node:path');

/** @param {string} projectDir @param {import('jest').Config} [extra] */
module.exports = function jestPreset(projectDir, extra = {}) {
  return {
    rootDir: projectDir,
    testEnvironment: 'node',
    // Jest's 5 s default makes a test depend on the host's speed: on 2 cores shared by two projects, rendering
    // antd into jsdom took over 5 s. No test here measures time (the benchmarks in tools/bench do).
    testTimeout: 30_000,
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', tsx: true },
            transform: { react: { runtime: 'automatic' } },
          },
          module: { type: 'commonjs' },
        },
      ],
      '^.+\\.mjs$': ['@swc/jest', { module: { type: 'commonjs' } }],
    },
    // ESM-only packages that must be transpiled for Jest.
    transformIgnorePatterns: [
      '/node_modules/(?!(feelin|@bpmn-io|lezer-feel|@lezer|min-dash|temporal-polyfill|temporal-spec|temporal-utils)/)',
    ],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    moduleNameMapper: {},
    cacheDirectory: path.join(__dirname, 'node_modules/.cache/jest'),
    ...extra,
  };
};
