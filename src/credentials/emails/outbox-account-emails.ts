import { TransactionRunner } from '../../database/transaction-runner.js';
import type { MailService } from '../../mail/mail.service.js';
import { AccountEmails, type AccountEmailRecipient } from './account-emails.js';

/**
 * Account e-mails through the mailer's job outbox: each one is recorded in
 * the database, then sent (and retried while SMTP is down) by a job, at most
 * once. Without `SMTP_URL` the development transport writes `.eml` files.
 */
export class OutboxAccountEmails extends AccountEmails {
  constructor(
    private readonly mail: MailService,
    private readonly transactions: TransactionRunner,
  ) {
    super();
  }

  sendVerification(recipient: AccountEmailRecipient, link: string): Promise<void> {
    return this.transactions.run((manager) =>
      this.mail.enqueue(manager, {
        to: recipient.email,
        template: 'verify-email',
        data: { username: recipient.username, link },
      }),
    );
  }

  sendPasswordReset(recipient: AccountEmailRecipient, link: string): Promise<void> {
    return this.transactions.run((manager) =>
      this.mail.enqueue(manager, {
        to: recipient.email,
        template: 'password-reset',
        data: { username: recipient.username, link },
      }),
    );
  }
}
