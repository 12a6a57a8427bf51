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
  const smtp = smtpProblems(parsed.data, env);
  if (smtp.length > 0) throw new ConfigError(smtp);
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

/** The `smtp` channel needs a server and a sender; a login needs both its halves. */
function smtpProblems(
  config: Pick<
    AppConfig,
    'APPLICANT_MESSAGE_CHANNEL' | 'SMTP_HOST' | 'SMTP_FROM' | 'SMTP_USER' | 'SMTP_PASSWORD'
  >,
  env: Record<string, string | undefined>,
): string[] {
  const problems: string[] = [];
  const channel = `APPLICANT_MESSAGE_CHANNEL=${JSON.stringify(env.APPLICANT_MESSAGE_CHANNEL)}`;
  if (config.APPLICANT_MESSAGE_CHANNEL === 'smtp') {
    if (!config.SMTP_HOST) problems.push(`${channel}: set SMTP_HOST to the SMTP server's host name`);
    if (!config.SMTP_FROM) problems.push(`${channel}: set SMTP_FROM to the sender's e-mail address`);
  }
  if (Boolean(config.SMTP_USER) !== Boolean(config.SMTP_PASSWORD))
    problems.push('SMTP_USER/SMTP_PASSWORD: set both (an SMTP login) or neither');
  return problems;
}
