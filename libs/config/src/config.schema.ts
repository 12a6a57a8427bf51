import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const tcpPort = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a TCP port number 1-65535' })
    .int('expected a whole number')
    .min(1, 'expected a TCP port number 1-65535')
    .max(65535, 'expected a TCP port number 1-65535')
    .default(fallback);

/** Every environment variable OneWindow reads, parsed once at start-up. */
export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'expected "file:<path>" (SQLite) or "postgresql://user:pass@host:port/db"')
    .default('file:./var/onewindow.db'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$/, 'expected "host:port", e.g. "localhost:7233"')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1, 'expected a namespace name, e.g. "default"').default('default'),
  TASK_QUEUE: z.string().min(1, 'expected a task queue name, e.g. "onewindow-cases"').default('onewindow-cases'),
  PORT: tcpPort(3000),
  /** `npm start`'s embedded Temporal dev server (when TEMPORAL_ADDRESS is unset): gRPC and UI ports, state folder. */
  TEMPORAL_DEV_PORT: tcpPort(7233),
  TEMPORAL_UI_PORT: tcpPort(8233),
  /** Where `npm start` keeps its state (temporal.db), relative to the repository root unless absolute. */
  VAR_DIR: z.string().trim().min(1, 'expected a folder, e.g. "var"').default('var'),
  LOG_LEVEL: z.enum(logLevels, { error: `expected one of ${logLevels.join(', ')}` }).default('info'),
});

export type AppConfig = z.infer<typeof configSchema> & { databaseKind: 'sqlite' | 'postgresql' };
