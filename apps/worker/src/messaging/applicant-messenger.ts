import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { AppConfig } from '@onewindow/config';

/** One message to the applicant, ready to go. */
export interface OutboundMessage {
  /** The applicant's e-mail address; undefined when they left none. */
  to: string | undefined;
  subject: string;
  text: string;
  /** Stable per event (`<event key>@onewindow`): a receiving system can tell a repeated delivery by it. */
  messageId: string;
  /** For the log: the case and the kind of message (no personal data). */
  caseNo: string;
  kind: string;
}

/**
 * How the applicant is told "ready for collection" and "supplement needed". `send` resolves once the channel
 * has accepted the message (an SMTP server's 250 after DATA) and rejects otherwise; the caller keeps the
 * outbox. `needsAddress`: a channel that cannot deliver without the applicant's e-mail.
 */
export interface ApplicantMessenger {
  readonly channel: 'log' | 'smtp';
  readonly needsAddress: boolean;
  send(message: OutboundMessage): Promise<void>;
}

/** The default channel: one log line per message (case, kind, subject; never the address or the body). */
export function logMessenger(logger: Pick<Logger, 'info'>): ApplicantMessenger {
  return {
    channel: 'log',
    needsAddress: false,
    send: async (message) => {
      logger.info(
        {
          caseNo: message.caseNo,
          kind: message.kind,
          subject: message.subject,
          messageId: message.messageId,
          hasAddress: message.to !== undefined,
        },
        'applicant message (log channel: not sent anywhere)',
      );
    },
  };
}

export type SmtpSettings = Pick<AppConfig, 'SMTP_PORT'> & {
  SMTP_HOST: string;
  SMTP_FROM: string;
  SMTP_USER?: string;
  SMTP_PASSWORD?: string;
};

/**
 * E-mail through one SMTP server (nodemailer). A send that gets no answer fails within seconds (connection,
 * greeting and socket timeouts below the activity's 30 s), so a retry can go to another worker.
 */
export function smtpMessenger(settings: SmtpSettings): ApplicantMessenger {
  const transport = nodemailer.createTransport({
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT,
    secure: settings.SMTP_PORT === 465,
    ...(settings.SMTP_USER ? { auth: { user: settings.SMTP_USER, pass: settings.SMTP_PASSWORD } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    channel: 'smtp',
    needsAddress: true,
    send: async (message) => {
      if (!message.to) throw new Error(`no e-mail address for ${message.caseNo}`);
      await transport.sendMail({
        from: settings.SMTP_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
      });
    },
  };
}

/** The channel the configuration names (APPLICANT_MESSAGE_CHANNEL; loadConfig checked the SMTP settings). */
export function applicantMessengerFor(
  config: Pick<
    AppConfig,
    'APPLICANT_MESSAGE_CHANNEL' | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_FROM' | 'SMTP_USER' | 'SMTP_PASSWORD'
  >,
  logger: Pick<Logger, 'info'>,
): ApplicantMessenger {
  if (config.APPLICANT_MESSAGE_CHANNEL === 'smtp' && config.SMTP_HOST && config.SMTP_FROM)
    return smtpMessenger({ ...config, SMTP_HOST: config.SMTP_HOST, SMTP_FROM: config.SMTP_FROM });
  return logMessenger(logger);
}
