import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { MailConfig } from '../../config/mail.config.js';
import { MailTransport, type OutgoingMail } from './mail-transport.js';

/** Real delivery through the SMTP server named by `SMTP_URL`. */
export class SmtpTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(config: MailConfig & { smtpUrl: string }) {
    super();
    const options: SMTPTransport.Options = {
      url: config.smtpUrl,
      // Reuse connections across messages (and jobs) instead of one handshake per e-mail.
      pool: true,
      requireTLS: config.requireTls,
      tls: { rejectUnauthorized: config.tlsRejectUnauthorized },
      // A stuck server fails the attempt (and the job retries) instead of holding it for minutes.
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    };
    this.transporter = nodemailer.createTransport(options);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(mail);
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
