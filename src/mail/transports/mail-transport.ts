/** A fully rendered message, ready for the wire. */
export interface OutgoingMail {
  from: string;
  replyTo?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per job, so a receiving server can recognise a duplicate. */
  messageId: string;
  headers: Record<string, string>;
}

/** Port: how messages leave the application. Picked by `MailModule` from config. */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<void>;

  /** Releases connections on shutdown. */
  abstract close(): Promise<void>;
}
