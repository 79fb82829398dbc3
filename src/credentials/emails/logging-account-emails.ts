import { Logger } from '@nestjs/common';
import { AccountEmails, type AccountEmailRecipient } from './account-emails.js';

/**
 * Stand-in adapter until the mailer exists: writes to the log that an e-mail
 * would go out. Outside production the link is logged too, so a developer
 * can follow it; in production it never is, as it is a credential.
 */
export class LoggingAccountEmails extends AccountEmails {
  private readonly logger = new Logger('AccountEmails');

  constructor(private readonly showLinks: boolean) {
    super();
  }

  sendVerification(recipient: AccountEmailRecipient, link: string): Promise<void> {
    this.log('verification', recipient, link);
    return Promise.resolve();
  }

  sendPasswordReset(recipient: AccountEmailRecipient, link: string): Promise<void> {
    this.log('password reset', recipient, link);
    return Promise.resolve();
  }

  private log(kind: string, recipient: AccountEmailRecipient, link: string): void {
    this.logger.log(
      `No mailer configured: ${kind} e-mail for ${recipient.username} not sent` +
        (this.showLinks ? ` (link: ${link})` : ''),
    );
  }
}
