import { configSchema, type AppConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError whose message names each bad variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const blankToUndefined = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])])}: ${issue.message}`,
      ),
    );
  }
  const databaseKind = parsed.data.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgresql';
  return { ...parsed.data, databaseKind };
}

/** For process entry points: print one clear line and exit instead of a stack trace. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  return exitOnConfigError(() => loadConfig(env));
}

/** Runs a configuration loader; a ConfigError prints one line per bad variable and exits 78 (EX_CONFIG). */
export function exitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`Configuration error: ${problem}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
