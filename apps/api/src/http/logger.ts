import crypto from 'node:crypto';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { maskDeep, maskPersonalData } from '@onewindow/audit';

/** Error messages and stacks may quote input; they are masked like everything else. */
function maskedError(error: Error) {
  const serialized = pino.stdSerializers.err(error);
  return {
    ...serialized,
    message: maskPersonalData(serialized.message),
    stack: maskPersonalData(serialized.stack ?? ''),
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'onewindow-api' },
    // Personal data never reaches the logs through request bodies or auth headers.
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
    ],
    // Resident IDs, credit codes and phone numbers are masked in every message and logged field.
    formatters: { log: (object) => maskDeep(object) },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg)) as Parameters<
            typeof method
          >,
        );
      },
    },
    serializers: { err: maskedError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Request logging with a request id on every line (incoming X-Request-Id is honoured if sane). */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      err: maskedError,
      req: (req) => ({ id: req.id, method: req.method, url: maskPersonalData(String(req.url)) }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  });
}
