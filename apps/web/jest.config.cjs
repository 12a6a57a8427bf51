const path = require('node:path');

const lib = (name) => path.join(__dirname, `../../libs/${name}/src/index.ts`);

// Component tests render React into jsdom; the shared libs are mapped to their TypeScript sources.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test/setup-tests.ts'],
  moduleNameMapper: {
    '^@onewindow/contracts$': lib('contracts'),
    '^@onewindow/standards$': lib('standards'),
    '\\.(css|less)$': '<rootDir>/src/test/style-stub.ts',
  },
});
