import { loadConfig, ConfigError } from './load-config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      TEMPORAL_NAMESPACE: 'default',
      databaseKind: 'sqlite',
      TEMPORAL_DEV_PORT: 7233,
      TEMPORAL_UI_PORT: 8233,
      VAR_DIR: 'var',
      WORKER_CACHED_CASES: 100,
      WORKER_WORKFLOW_THREADS: 1,
    });
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
    expect(config.TRUST_PROXY).toBe(false);
  });

  it('reads TRUST_PROXY as Express takes it: off, a number of hops, or named proxies', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.0.0/8,::1' }).TRUST_PROXY).toBe(
      '10.0.0.5, 10.0.0.0/8,::1',
    );
  });

  it('sends applicant messages to the log unless the smtp channel is configured with a server and a sender', () => {
    expect(loadConfig({}).APPLICANT_MESSAGE_CHANNEL).toBe('log');
    const smtp = loadConfig({
      APPLICANT_MESSAGE_CHANNEL: 'smtp',
      SMTP_HOST: 'smtp.example.gov.cn',
      SMTP_PORT: '2525',
      SMTP_FROM: '政务服务中心 <noreply@zwfw.example.gov.cn>',
    });
    expect(smtp).toMatchObject({
      APPLICANT_MESSAGE_CHANNEL: 'smtp',
      SMTP_HOST: 'smtp.example.gov.cn',
      SMTP_PORT: 2525,
    });
    expect(() => loadConfig({ APPLICANT_MESSAGE_CHANNEL: 'smtp' })).toThrow(/SMTP_HOST.*SMTP_FROM/);
    expect(() => loadConfig({ APPLICANT_MESSAGE_CHANNEL: 'sms' })).toThrow(/expected "log" or "smtp"/);
    expect(() => loadConfig({ SMTP_FROM: 'nobody' })).toThrow(
      /SMTP_FROM="nobody": expected an e-mail address/,
    );
    expect(() => loadConfig({ SMTP_USER: 'centre' })).toThrow(/set both/);
  });

  it('recognises PostgreSQL URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@localhost:5432/ow' }).databaseKind).toBe(
      'postgresql',
    );
  });

  it.each([
    ['PORT', 'abc', /PORT="abc": expected a TCP port/],
    ['PORT', '70000', /PORT="70000": expected a TCP port number 1-65535/],
    ['TEMPORAL_DEV_PORT', '0', /TEMPORAL_DEV_PORT="0": expected a TCP port number 1-65535/],
    ['TEMPORAL_UI_PORT', 'ui', /TEMPORAL_UI_PORT="ui": expected a TCP port/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL="mysql:\/\/x": expected "file:<path>"/],
    ['TEMPORAL_ADDRESS', 'localhost', /TEMPORAL_ADDRESS="localhost": expected "host:port"/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud": expected one of fatal, error/],
    ['WORKER_CACHED_CASES', 'many', /WORKER_CACHED_CASES="many": expected a number of cases/],
    ['WORKER_CACHED_CASES', '0', /WORKER_CACHED_CASES="0": expected at least 1 case/],
    ['WORKER_CACHED_CASES', '2.5', /WORKER_CACHED_CASES="2.5": expected a whole number of cases/],
    ['WORKER_WORKFLOW_THREADS', 'two', /WORKER_WORKFLOW_THREADS="two": expected a number of threads/],
    ['WORKER_WORKFLOW_THREADS', '0', /WORKER_WORKFLOW_THREADS="0": expected at least 1 thread/],
    ['WORKER_WORKFLOW_THREADS', '65', /WORKER_WORKFLOW_THREADS="65": expected at most 64 threads/],
    ['TRUST_PROXY', 'true', /TRUST_PROXY="true": trusting every proxy lets any client choose its address/],
    ['TRUST_PROXY', 'my proxy', /TRUST_PROXY="my proxy": expected "false", a number of proxy hops/],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
