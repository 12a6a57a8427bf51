const path = require('node:path');

const lib = (name) => path.join(__dirname, `../../libs/${name}/src/index.ts`);

// The tests' browser is 18 hours behind the centre (UTC−10 against Asia/Shanghai's UTC+8), so that a component
// that takes the browser's day for the centre's fails here. Set before Jest starts its workers, which inherit it.
process.env.TZ = 'Pacific/Honolulu';

// Component tests render React into jsdom; the shared libs are mapped to their TypeScript sources.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  testEnvironment: 'jsdom',
  // antd's icon and colour packages ship ESM-only files.
  transformIgnorePatterns: ['/node_modules/(?!(@ant-design|@rc-component|rc-[\\w-]+)/)'],
  setupFiles: ['<rootDir>/src/test/node-globals.cjs'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup-tests.ts'],
  moduleNameMapper: {
    '^@onewindow/contracts$': lib('contracts'),
    '^@onewindow/standards$': lib('standards'),
    '\\.(css|less)$': '<rootDir>/src/test/style-stub.ts',
  },
});
