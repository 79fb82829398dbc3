import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { MailTransport, type OutgoingMail } from './mail-transport.js';

/**
 * Development delivery without an SMTP server: each message becomes an `.eml`
 * file (open it in any mail client) and one log line says where.
 */
export class EmlFileTransport extends MailTransport {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  private readonly directory: string;

  constructor(directory: string) {
    super();
    this.directory = resolve(directory);
    this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { message } = (await this.transporter.sendMail(mail)) as { message: Buffer };
    await mkdir(this.directory, { recursive: true });
    const id = mail.messageId.replace(/^<|>$/g, '').replace(/[^\w.-]+/g, '-');
    const path = join(
      this.directory,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`,
    );
    await writeFile(path, message);
    this.logger.log(`Mail to ${mail.to} saved to ${path}: "${mail.subject}"`);
  }

  async close(): Promise<void> {}
}
