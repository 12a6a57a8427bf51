import { z } from 'zod';
import { ConfigError } from '@onewindow/config';

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .positive(`expected ${what}`);

/** Security settings read from the environment (parsed once; every field has a safe default). */
export const securityConfigSchema = z
  .object({
    SESSION_TTL_MINUTES: positiveInt('minutes, e.g. 480').default(480),
    /** auto: Secure cookies when the request came over HTTPS (directly or via a trusted proxy). */
    COOKIE_SECURE: z
      .enum(['auto', 'always', 'never'], { error: 'expected auto, always or never' })
      .default('auto'),
    LOGIN_MAX_FAILURES: positiveInt('a count, e.g. 5').default(5),
    LOGIN_LOCK_MINUTES: positiveInt('minutes, e.g. 15').default(15),
    /** Login attempts per client IP per 15 minutes. */
    LOGIN_RATE_LIMIT: positiveInt('a count, e.g. 30').default(30),
    /** Requests per client IP per minute without a session (generous: citizens in a service hall share one NAT address). */
    PUBLIC_RATE_LIMIT: positiveInt('a count, e.g. 600').default(600),
    BODY_LIMIT_BYTES: positiveInt('bytes, e.g. 1048576').default(1024 * 1024),
    /** Largest case file (PDF, JPEG, PNG, OFD) a window clerk may upload. */
    UPLOAD_MAX_BYTES: positiveInt('bytes, e.g. 20971520').default(20 * 1024 * 1024),
    /** Failed public status lookups (wrong case number or code) per client IP per 15 minutes, on top of PUBLIC_RATE_LIMIT. */
    LOOKUP_FAILURE_LIMIT: positiveInt('a count, e.g. 60').default(60),
    OIDC_ISSUER_URL: z.url({ error: 'expected the issuer URL, e.g. https://id.example.gov.cn' }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URL: z
      .url({ error: 'expected our callback URL, e.g. https://onewindow.example/api/auth/oidc/callback' })
      .optional(),
    OIDC_SCOPES: z.string().default('openid profile'),
    /** Where the browser goes after an OIDC login. */
    OIDC_POST_LOGIN_PATH: z.string().startsWith('/', 'expected a path on this site, e.g. /').default('/'),
  })
  .superRefine((config, ctx) => {
    const oidcKeys = [
      'OIDC_ISSUER_URL',
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'OIDC_REDIRECT_URL',
    ] as const;
    const set = oidcKeys.filter((key) => config[key] !== undefined);
    if (set.length > 0 && set.length < oidcKeys.length) {
      for (const key of oidcKeys.filter((k) => config[k] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `OIDC login needs ${oidcKeys.join(', ')} together; ${key} is missing`,
        });
      }
    }
  });

export type SecurityConfig = z.infer<typeof securityConfigSchema>;

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scopes: string;
  postLoginPath: string;
}

export function oidcConfigOf(config: SecurityConfig): OidcConfig | undefined {
  if (
    !config.OIDC_ISSUER_URL ||
    !config.OIDC_CLIENT_ID ||
    !config.OIDC_CLIENT_SECRET ||
    !config.OIDC_REDIRECT_URL
  )
    return undefined;
  return {
    issuerUrl: config.OIDC_ISSUER_URL,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUrl: config.OIDC_REDIRECT_URL,
    scopes: config.OIDC_SCOPES,
    postLoginPath: config.OIDC_POST_LOGIN_PATH,
  };
}

/** Parses the security settings; the ConfigError names each bad variable, its value and what it expects. */
export function loadSecurityConfig(env: Record<string, string | undefined> = process.env): SecurityConfig {
  const keys = Object.keys(securityConfigSchema.shape);
  const present = Object.fromEntries(keys.map((key) => [key, env[key] === '' ? undefined : env[key]]));
  const parsed = securityConfigSchema.safeParse(present);
  if (!parsed.success) {
    const shown = (key: string) =>
      /SECRET/.test(key) && env[key] !== undefined ? '"(hidden)"' : JSON.stringify(env[key]);
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}=${shown(String(issue.path[0]))}: ${issue.message}`,
      ),
    );
  }
  return parsed.data;
}
