import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope. */
  envelopeTo: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server in the test process: the app talks SMTP to it exactly as
 * to a production server. It can be stopped and started again on the same
 * port to play "SMTP is down".
 */
export class TestSmtpServer {
  readonly inbox: ReceivedMail[] = [];
  /** Each message is held this long before the server accepts it (a slow server). */
  acceptDelayMs = 0;
  private server?: SMTPServer;
  private port = 0;

  get running(): boolean {
    return this.server !== undefined;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Going down drops pooled client connections at once, as a crashed server would.
      closeTimeout: 50,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (parsed) => {
            await sleep(this.acceptDelayMs);
            this.inbox.push({
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              parsed,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      const server = this.server!.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
      server.once('error', reject);
    });
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages sent to `address` so far; only those whose subject matches `subject`, if given. */
  to(address: string, subject?: RegExp): ReceivedMail[] {
    return this.inbox.filter(
      (mail) =>
        mail.envelopeTo.includes(address) && (!subject || subject.test(mail.parsed.subject ?? '')),
    );
  }

  /** Waits until `address` has received `count` such messages (and fails if it takes too long). */
  async waitFor(address: string, count = 1, subject?: RegExp): Promise<ReceivedMail[]> {
    await waitUntil(
      () => this.to(address, subject).length >= count,
      10_000,
      `${count} mail(s) to ${address}${subject ? ` matching ${subject}` : ''}`,
    );
    return this.to(address, subject);
  }
}

/** Polls `condition` until it holds; throws with `what` after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A header exactly as it was sent (mailparser restructures some, such as `List-*`). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

/** The `href`s of an HTML part, with entities decoded as a mail client would. */
export function hrefsIn(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map(([, href]) =>
    href
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCharCode(Number(dec)))
      .replace(/&amp;/g, '&'),
  );
}
