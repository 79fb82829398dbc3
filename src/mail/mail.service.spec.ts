import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { simpleParser } from 'mailparser';
import type { AllConfig } from '../config/config.type.js';
import type { JobOutbox } from '../jobs/job-outbox.service.js';
import { MailService } from './mail.service.js';
import { EmlFileTransport } from './transports/eml-file.transport.js';

describe('MailService with the development .eml transport', () => {
  let directory: string;
  let mail: MailService;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'inkwell-mail-'));
    const config = {
      getOrThrow: () => ({
        from: 'Inkwell <no-reply@inkwell.test>',
        publicAppUrl: 'http://localhost:3000',
      }),
    } as unknown as ConfigService<AllConfig, true>;
    mail = new MailService(new EmlFileTransport(directory), {} as JobOutbox, config);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(directory, { recursive: true, force: true });
  });

  it('writes each message as an .eml file and logs its path and subject', async () => {
    const log = vi.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await mail.send(
      {
        to: 'new@example.com',
        template: 'verify-email',
        data: { username: 'new', link: 'http://localhost:3000/verify-email?token=a-b&c=d' },
      },
      mail.messageIdFor(7),
    );

    const [file] = await readdir(directory);
    expect(file).toMatch(/\.eml$/);
    const path = join(directory, file);
    expect(log).toHaveBeenCalledWith(
      `Mail to new@example.com saved to ${path}: "Confirm your e-mail address"`,
    );
    const parsed = await simpleParser(await readFile(path));
    expect(parsed.messageId).toBe('<job-7@inkwell.test>');
    expect(parsed.text).toContain('http://localhost:3000/verify-email?token=a-b&c=d');
    // Escaped in the HTML attribute: the same link for a mail client.
    expect(parsed.html).toContain(
      'href="http://localhost:3000/verify-email?token&#x3D;a-b&amp;c&#x3D;d"',
    );
    expect(parsed.html).toContain('Confirm my address');
  });

  it('escapes user content in the HTML part only', () => {
    const message = mail.compose(
      {
        to: 'x@example.com',
        template: 'new-follower',
        data: { username: '<i>x</i>', followerUsername: 'eve"><script>' },
        unsubscribeUrl: 'http://localhost:3000/api/notifications/unsubscribe?token=t',
      },
      '<m@inkwell.test>',
    );
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;i&gt;x&lt;/i&gt;');
    expect(message.text).toContain('Hi <i>x</i>,');
    expect(message.subject).toBe('eve"><script> is now following you');
    expect(message.headers).toEqual({
      'List-Unsubscribe': '<http://localhost:3000/api/notifications/unsubscribe?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('gives account e-mails no unsubscribe headers', () => {
    const message = mail.compose(
      {
        to: 'x@example.com',
        template: 'password-reset',
        data: { username: 'x', link: 'http://localhost:3000/reset-password?token=t' },
      },
      '<m@inkwell.test>',
    );
    expect(message.headers).toEqual({});
    expect(message.text).not.toContain('Unsubscribe');
  });
});
