import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const tcpPort = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a TCP port number 1-65535' })
    .int('expected a whole number')
    .min(1, 'expected a TCP port number 1-65535')
    .max(65535, 'expected a TCP port number 1-65535')
    .default(fallback);

/** Cases the worker keeps in its workflow cache unless WORKER_CACHED_CASES says otherwise. */
export const DEFAULT_WORKER_CACHED_CASES = 100;

/** Threads that run workflow code in a worker unless WORKER_WORKFLOW_THREADS says otherwise (the SDK's default). */
export const DEFAULT_WORKER_WORKFLOW_THREADS = 1;

/** Every environment variable OneWindow reads, parsed once at start-up. */
export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:.+|postgres(ql)?:\/\/.+)$/,
      'expected "file:<path>" (SQLite) or "postgresql://user:pass@host:port/db"',
    )
    .default('file:./var/onewindow.db'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$/, 'expected "host:port", e.g. "localhost:7233"')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1, 'expected a namespace name, e.g. "default"').default('default'),
  TASK_QUEUE: z
    .string()
    .min(1, 'expected a task queue name, e.g. "onewindow-cases"')
    .default('onewindow-cases'),
  PORT: tcpPort(3000),
  /** `npm start`'s embedded Temporal dev server (when TEMPORAL_ADDRESS is unset): gRPC and UI ports, state folder. */
  TEMPORAL_DEV_PORT: tcpPort(7233),
  TEMPORAL_UI_PORT: tcpPort(8233),
  /** Where `npm start` keeps its state (temporal.db), relative to the repository root unless absolute. */
  VAR_DIR: z.string().trim().min(1, 'expected a folder, e.g. "var"').default('var'),
  /**
   * Worker only: cases kept in the workflow cache. A cached case costs ~1.7 MB of worker memory (measured: 300
   * instead of 100 grew the worker by 632 instead of 309 MiB over 10,000 open cases); a case not cached is
   * replayed from its history on its next decision, which costs ~25 ms of CPU. Raise it where memory allows
   * and many cases are decided at once.
   */
  WORKER_CACHED_CASES: z.coerce
    .number({ error: 'expected a number of cases, e.g. 100' })
    .int('expected a whole number of cases, e.g. 100')
    .min(1, 'expected at least 1 case')
    .max(100_000, 'expected at most 100000 cases (each costs ~1.7 MB)')
    .default(DEFAULT_WORKER_CACHED_CASES),
  /**
   * Worker only: threads that run workflow code (Temporal's workflowThreadPoolSize). Each thread has its own V8
   * context with its own copy of the workflow bundle (the worker's RSS after a throughput run: 393 MiB with one
   * thread, 444 MiB with two), and the workflow cache is shared between them.
   * One thread runs one workflow task at a time, so replays of cases not cached queue behind each other; give
   * a worker more threads where it has idle cores (docs/decisions/0009).
   */
  WORKER_WORKFLOW_THREADS: z.coerce
    .number({ error: 'expected a number of threads, e.g. 2' })
    .int('expected a whole number of threads, e.g. 2')
    .min(1, 'expected at least 1 thread')
    .max(64, 'expected at most 64 threads')
    .default(DEFAULT_WORKER_WORKFLOW_THREADS),
  /** The service centre's name, printed at the top of every document and over its seal. */
  CENTRE_NAME: z
    .string()
    .trim()
    .min(2, 'expected the service centre’s name, e.g. "某某区政务服务中心"')
    .max(60)
    .default('政务服务中心'),
  /** A telephone number printed on notices for questions (optional). */
  CENTRE_CONTACT: z.string().trim().min(3).max(40).optional(),
  /** The address applicants reach the web app at: notices print the public lookup under it (and its QR code). */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL, e.g. "https://zwfw.example.gov.cn"' })
    .optional(),
  /** Working days a department has to follow up a 差评 (callback and rectification); Sichuan's rule is 15. */
  RECTIFICATION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  /** Who decides an administrative review of the centre's decisions, as refusals print it (复议机关). */
  REVIEW_AUTHORITY: z.string().trim().min(2).max(60).default('本级人民政府'),
  /** A folder with NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc, when not Debian's fonts-noto-cjk. */
  DOCUMENT_FONT_DIR: z.string().trim().min(1).optional(),
  /**
   * Which reverse proxies the API believes about the client's address (X-Forwarded-For), for the login and
   * lookup limits and the audit trail: `false` (the default: the address of the connection, whatever a header
   * says), a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs and the names
   * `loopback`, `linklocal`, `uniquelocal` (Express's `trust proxy`). Set it only when a proxy you run
   * rewrites X-Forwarded-For; otherwise any client could choose its own address and reset its limits.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .refine((v) => v !== 'true', {
      message:
        'trusting every proxy lets any client choose its address: name the proxies, e.g. "loopback" or "10.0.0.5"',
    })
    .refine(
      (v) =>
        v === 'false' ||
        /^\d{1,2}$/.test(v) ||
        v
          .split(',')
          .every((p) =>
            /^(loopback|linklocal|uniquelocal|[\d.]+(\/\d{1,2})?|[\da-fA-F:]+(\/\d{1,3})?)$/.test(p.trim()),
          ),
      {
        message:
          'expected "false", a number of proxy hops, or proxy addresses, e.g. "loopback" or "10.0.0.5,10.0.0.0/8"',
      },
    )
    .transform((v): false | number | string => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  LOG_LEVEL: z.enum(logLevels, { error: `expected one of ${logLevels.join(', ')}` }).default('info'),
  /**
   * Worker only: how the applicant is told "ready for collection" and "supplement needed": `log` (the default:
   * written to the worker's log, nothing leaves the machine) or `smtp` (e-mail through SMTP_HOST, from SMTP_FROM).
   */
  APPLICANT_MESSAGE_CHANNEL: z.enum(['log', 'smtp'], { error: 'expected "log" or "smtp"' }).default('log'),
  /** The SMTP server the `smtp` channel hands mail to (host name or address). */
  SMTP_HOST: z.string().trim().min(1, 'expected a host name, e.g. "smtp.example.gov.cn"').optional(),
  SMTP_PORT: tcpPort(25),
  /** The sender of applicant e-mail, e.g. "政务服务中心 <noreply@zwfw.example.gov.cn>". */
  SMTP_FROM: z
    .string()
    .trim()
    .regex(
      /^([^<>]*<)?[^@\s<>]+@[^@\s<>]+>?$/,
      'expected an e-mail address, e.g. "noreply@zwfw.example.gov.cn"',
    )
    .optional(),
  /** Optional SMTP login (both or neither). */
  SMTP_USER: z.string().trim().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
});

export type AppConfig = z.infer<typeof configSchema> & { databaseKind: 'sqlite' | 'postgresql' };
