import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { AllConfig } from '../config/config.type.js';
import type { MailConfig } from '../config/mail.config.js';
import { JobOutbox } from '../jobs/job-outbox.service.js';
import { JobName } from '../jobs/job-name.enum.js';
import { MailRenderer } from './mail-renderer.js';
import type { TemplatedMail } from './mail-templates.js';
import { MailTransport, type OutgoingMail } from './transports/mail-transport.js';

/**
 * Sends templated e-mail. Features call `enqueue` inside the transaction of
 * the change the e-mail is about; `send` delivers at once (jobs use it).
 */
@Injectable()
export class MailService {
  private readonly config: MailConfig;
  private readonly renderer: MailRenderer;
  private readonly messageIdDomain: string;

  constructor(
    private readonly transport: MailTransport,
    private readonly outbox: JobOutbox,
    config: ConfigService<AllConfig, true>,
  ) {
    this.config = config.getOrThrow('mail', { infer: true });
    this.renderer = new MailRenderer(this.config.publicAppUrl);
    this.messageIdDomain = /@([^>\s]+)/.exec(this.config.from)?.[1] ?? 'inkwell.localhost';
  }

  /** Sends `mail` once the transaction of `manager` commits, and never if it rolls back. */
  async enqueue(
    manager: EntityManager,
    mail: TemplatedMail,
    idempotencyKey?: string,
  ): Promise<void> {
    await this.outbox.enqueue(manager, { name: JobName.SendEmail, payload: mail, idempotencyKey });
  }

  /** A `Message-ID` that is the same on every attempt of one job. */
  messageIdFor(jobId: number): string {
    return `<job-${jobId}@${this.messageIdDomain}>`;
  }

  async send(mail: TemplatedMail, messageId: string): Promise<void> {
    await this.transport.send(this.compose(mail, messageId));
  }

  compose(mail: TemplatedMail, messageId: string): OutgoingMail {
    const rendered = this.renderer.render(mail);
    return {
      from: this.config.from,
      ...(this.config.replyTo ? { replyTo: this.config.replyTo } : {}),
      to: mail.to,
      messageId,
      ...rendered,
      headers: mail.unsubscribeUrl
        ? {
            // RFC 8058: mail clients unsubscribe with one POST, no page, no login.
            'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {},
    };
  }
}
