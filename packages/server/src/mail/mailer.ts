import nodemailer from "nodemailer";
import type { ServerConfig } from "../config";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** False without OPENKAM_SMTP_URL: callers skip e-mail and say so in the log. */
  readonly enabled: boolean;
  /** Sends one message; resolves with the SMTP server's message id. */
  send(message: MailMessage): Promise<string>;
  close(): void;
}

const SEND_TIMEOUT_MS = 30_000;

/**
 * Outgoing mail over SMTP, configured by one URL (smtp://user:pass@host:587, smtps:// for TLS
 * from the start). One transport per process, closed with the app.
 */
export function createMailer(config: Pick<ServerConfig, "smtpUrl" | "mailFrom">): Mailer {
  if (!config.smtpUrl) {
    return {
      enabled: false,
      send: () => Promise.reject(new Error("E-mail is not configured (set OPENKAM_SMTP_URL)")),
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  return {
    enabled: true,
    async send(message) {
      const info = await transport.sendMail({ from: config.mailFrom, ...message });
      return String(info.messageId ?? "");
    },
    close: () => transport.close(),
  };
}
