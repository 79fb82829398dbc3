/** Who an account e-mail goes to. */
export interface AccountEmailRecipient {
  email: string;
  username: string;
}

/**
 * Port: the e-mails the account system sends. The links carry single-use
 * tokens, so an adapter must never log them in production.
 */
export abstract class AccountEmails {
  abstract sendVerification(recipient: AccountEmailRecipient, link: string): Promise<void>;

  abstract sendPasswordReset(recipient: AccountEmailRecipient, link: string): Promise<void>;
}
