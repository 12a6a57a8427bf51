import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError } from '@onewindow/config';
import { loadSecurityConfig } from '../src/security/security-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadSecurityConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('security settings from the environment', () => {
  it('applies the documented defaults', () => {
    expect(loadSecurityConfig({})).toMatchObject({
      SESSION_TTL_MINUTES: 480,
      COOKIE_SECURE: 'auto',
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCK_MINUTES: 15,
      PUBLIC_RATE_LIMIT: 600,
      BODY_LIMIT_BYTES: 1048576,
      UPLOAD_MAX_BYTES: 20971520,
      LOOKUP_FAILURE_LIMIT: 60,
    });
  });

  it('reads the upload limit and refuses a bad one', () => {
    expect(loadSecurityConfig({ UPLOAD_MAX_BYTES: '1024' }).UPLOAD_MAX_BYTES).toBe(1024);
    expect(problemsOf({ UPLOAD_MAX_BYTES: '20MB' })).toEqual([
      'UPLOAD_MAX_BYTES="20MB": expected bytes, e.g. 20971520',
    ]);
  });

  it('names each bad variable with its value and what it expects', () => {
    expect(problemsOf({ LOGIN_MAX_FAILURES: 'many', COOKIE_SECURE: 'yes' })).toEqual([
      'COOKIE_SECURE="yes": expected auto, always or never',
      'LOGIN_MAX_FAILURES="many": expected a count, e.g. 5',
    ]);
  });

  it('asks for the whole OIDC set and never prints the client secret', () => {
    const problems = problemsOf({ OIDC_ISSUER_URL: 'not a url', OIDC_CLIENT_SECRET: 's3cret-value' });
    expect(problems).toContain(
      'OIDC_ISSUER_URL="not a url": expected the issuer URL, e.g. https://id.example.gov.cn',
    );
    expect(problems.some((p) => p.startsWith('OIDC_CLIENT_ID=undefined: OIDC login needs'))).toBe(true);
    expect(problems.join('\n')).not.toContain('s3cret-value');
  });

  it('the API process stops on a bad value with one line and exit 78, not a stack trace', () => {
    const root = path.join(__dirname, '../../..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { ...process.env, SESSION_TTL_MINUTES: '-5', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toBe('Configuration error: SESSION_TTL_MINUTES="-5": expected minutes, e.g. 480\n');
  }, 60_000);
});
