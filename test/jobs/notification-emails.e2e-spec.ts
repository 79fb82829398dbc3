import type { ParsedMail } from 'mailparser';
import { Clock } from '../../src/common/clock/clock.js';
import { Job, JobStatus } from '../../src/jobs/entities/job.entity.js';
import { jobRunnerCases } from '../support/job-runners.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { hrefsIn, rawHeader, TestSmtpServer } from '../support/test-smtp-server.js';
import { follow, registerUser, type TestUser } from '../support/test-users.js';

const HOUR_MS = 60 * 60_000;
const NEW_FOLLOWER = /is now following you/;
const NEW_COMMENT = /commented on/;
const DIGEST = /New articles from authors you follow/;

/** Links in a plain-text part, in order. */
const linksIn = (text: string) => text.match(/https?:\/\/\S+/g) ?? [];

for (const { runner, available, env } of jobRunnerCases) {
  describe.skipIf(!available)(`notification e-mails (${runner} runner)`, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let author: TestUser;
    let reader: TestUser;

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      t = await createTestApp({
        ...env,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Inkwell <no-reply@inkwell.test>',
        MAIL_REPLY_TO: 'support@inkwell.test',
        PUBLIC_APP_URL: 'https://app.inkwell.test',
        PUBLIC_API_URL: 'https://api.inkwell.test',
      });
      author = await registerUser(t, 'author');
      reader = await registerUser(t, 'reader');
    });

    afterAll(async () => {
      await t?.close();
      await smtp?.stop();
    });

    afterEach(() => vi.restoreAllMocks());

    it('mails a verification link on registration that verifies the address', async () => {
      const [mail] = await smtp.waitFor(reader.email, 1, /Confirm your e-mail address/);
      const [link] = hrefsIn(mail.parsed.html || '');
      expect(link).toMatch(/^https:\/\/app\.inkwell\.test\/verify-email\?token=[\w-]{43}$/);
      expect(mail.parsed.text).toContain(link);
      // Account mail is not a notification: nothing to unsubscribe from.
      expect(rawHeader(mail.parsed, 'List-Unsubscribe')).toBeUndefined();

      await t.http
        .post('/api/auth/verify-email')
        .send({ token: new URL(link).searchParams.get('token') })
        .expect((response) => expect(response.status).toBeLessThan(300));
      const me = await t.http.get('/api/user').set('Authorization', reader.auth).expect(200);
      expect(me.body.user.emailVerified).toBe(true);
    });

    it('tells a user about a new follower, once, with both parts, links and unsubscribe headers', async () => {
      await follow(t, reader, author.username);
      // Following again (and again after unfollowing) is not news a second time.
      await follow(t, reader, author.username);

      const [mail] = await smtp.waitFor(author.email, 1, NEW_FOLLOWER);
      const { parsed } = mail;
      expect(mail.envelopeTo).toEqual([author.email]);
      expect(parsed.from?.text).toBe('"Inkwell" <no-reply@inkwell.test>');
      expect(parsed.replyTo?.text).toBe('support@inkwell.test');
      expect(parsed.subject).toBe('reader is now following you');
      expect(parsed.messageId).toMatch(/^<job-\d+@inkwell\.test>$/);
      expect(parsed.text).toContain('reader is now following you on Inkwell');
      expect(parsed.html).toContain('<a href="https://app.inkwell.test/profile/reader">reader</a>');

      const [profileLink, unsubscribeLink] = linksIn(parsed.text ?? '');
      expect(profileLink).toBe('https://app.inkwell.test/profile/reader');
      expect(unsubscribeLink).toMatch(
        /^https:\/\/api\.inkwell\.test\/api\/notifications\/unsubscribe\?token=/,
      );
      expect(hrefsIn(parsed.html || '')).toEqual([profileLink, unsubscribeLink]);
      expect(rawHeader(parsed, 'List-Unsubscribe')).toBe(`<${unsubscribeLink}>`);
      expect(rawHeader(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

      await waitForIdleJobs(t);
      const jobs = await t.dataSource
        .getRepository(Job)
        .find({ select: { status: true }, where: { name: 'notify-new-follower' } });
      expect(jobs).toEqual([expect.objectContaining({ status: JobStatus.Completed })]);
      await t.http
        .delete(`/api/profiles/${author.username}/follow`)
        .set('Authorization', reader.auth)
        .expect(200);
      await follow(t, reader, author.username);
      await waitForIdleJobs(t);
      expect(smtp.to(author.email, NEW_FOLLOWER)).toHaveLength(1);
    });

    it('unsubscribes in one click without logging in, and honours it', async () => {
      const unsubscribeUrl = unsubscribeUrlOf(smtp.to(author.email, NEW_FOLLOWER)[0].parsed);
      const path = `${unsubscribeUrl.pathname}${unsubscribeUrl.search}`;

      const page = await t.http.get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<form method="post"');
      // Opening the link (as a link scanner would) changes nothing.
      await expectPreferences(author, { newFollower: true });

      await t.http
        .post(path)
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(200)
        .expect('Content-Type', /text\/html/);
      await expectPreferences(author, { newFollower: false, newComment: true });

      const other = await registerUser(t, 'other-reader');
      await follow(t, other, author.username);
      await waitForIdleJobs(t);
      expect(smtp.to(author.email, NEW_FOLLOWER)).toHaveLength(1);
    });

    it('refuses forged or missing unsubscribe tokens', async () => {
      const token = unsubscribeUrlOf(smtp.to(author.email, NEW_FOLLOWER)[0].parsed)
        .searchParams.get('token')!
        .replace(/^\d+/, '999');
      const forged = await t.http
        .post(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`)
        .expect(422);
      expect(forged.body).toEqual({ errors: { token: ['is invalid'] } });
      await t.http.get('/api/notifications/unsubscribe').expect(422);
    });

    it('tells an author about a comment by someone else, not about their own', async () => {
      const article = await t.http
        .post('/api/articles')
        .set('Authorization', author.auth)
        .send({ article: { title: 'Tides & <Moons>', description: 'd', body: 'b' } })
        .expect(201);
      const slug: string = article.body.article.slug;

      await t.http
        .post(`/api/articles/${slug}/comments`)
        .set('Authorization', author.auth)
        .send({ comment: { body: 'my own note' } })
        .expect(200);
      await t.http
        .post(`/api/articles/${slug}/comments`)
        .set('Authorization', reader.auth)
        .send({ comment: { body: 'Lovely <b>piece</b>' } })
        .expect(200);

      await smtp.waitFor(author.email, 1, NEW_COMMENT);
      await waitForIdleJobs(t);
      const comments = smtp.to(author.email, NEW_COMMENT);
      expect(comments).toHaveLength(1);
      const { parsed } = comments[0];
      expect(parsed.subject).toBe('reader commented on "Tides & <Moons>"');
      expect(parsed.text).toContain('Lovely <b>piece</b>');
      expect(parsed.text).toContain(`https://app.inkwell.test/article/${slug}`);
      // Escaped in HTML: user content never becomes markup.
      expect(parsed.html).toContain('Lovely &lt;b&gt;piece&lt;/b&gt;');
      expect(parsed.html).toContain('Tides &amp; &lt;Moons&gt;');
      expect(parsed.html).not.toContain('<b>piece</b>');
      expect(rawHeader(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    });

    it('sends followers at most one digest an hour, listing every new article', async () => {
      const fan = await registerUser(t, 'fan');
      const muted = await registerUser(t, 'muted');
      for (const follower of [fan, muted]) {
        await follow(t, follower, author.username);
      }
      await t.http
        .put('/api/user/notifications')
        .set('Authorization', muted.auth)
        .send({ notifications: { followedAuthorArticles: false } })
        .expect(200);

      for (const title of ['First light', 'Second wind']) {
        await t.http
          .post('/api/articles')
          .set('Authorization', author.auth)
          .send({ article: { title, description: `About ${title}`, body: 'b' } })
          .expect(201);
      }
      await waitForIdleJobs(t);
      expect(smtp.to(fan.email, DIGEST)).toHaveLength(0);

      // The hour ends.
      const clock = t.app.get(Clock);
      const later = new Date(clock.now().getTime() + HOUR_MS);
      vi.spyOn(clock, 'now').mockReturnValue(later);
      const [digest] = await smtp.waitFor(fan.email, 1, DIGEST);
      await waitForIdleJobs(t);
      expect(smtp.to(fan.email, DIGEST)).toHaveLength(1);
      expect(smtp.to(muted.email, DIGEST)).toHaveLength(0);
      expect(digest.parsed.subject).toBe('New articles from authors you follow');
      expect(digest.parsed.text).toContain('First light by author');
      expect(digest.parsed.text).toContain('Second wind by author');
      expect(digest.parsed.text).toContain('https://app.inkwell.test/article/first-light');
      expect(unsubscribeUrlOf(digest.parsed).searchParams.get('token')).toMatch(
        /\.followedAuthorArticles\./,
      );

      // An article in the new hour waits for the next digest.
      await t.http
        .post('/api/articles')
        .set('Authorization', author.auth)
        .send({ article: { title: 'Third time', description: 'd', body: 'b' } })
        .expect(201);
      await waitForIdleJobs(t);
      expect(smtp.to(fan.email, DIGEST)).toHaveLength(1);
      vi.spyOn(clock, 'now').mockReturnValue(new Date(later.getTime() + HOUR_MS));
      const digests = await smtp.waitFor(fan.email, 2, DIGEST);
      expect(digests[1].parsed.text).toContain('Third time');
      expect(digests[1].parsed.text).not.toContain('First light');
    });

    async function expectPreferences(user: TestUser, expected: Record<string, boolean>) {
      const response = await t.http
        .get('/api/user/notifications')
        .set('Authorization', user.auth)
        .expect(200);
      expect(response.body.notifications).toMatchObject(expected);
    }
  });
}

function unsubscribeUrlOf(mail: ParsedMail): URL {
  return new URL(rawHeader(mail, 'List-Unsubscribe')!.replace(/^<|>$/g, ''));
}

/** Waits until no job is due or running (jobs scheduled for later do not count). */
async function waitForIdleJobs(t: TestApp): Promise<void> {
  const clock = t.app.get(Clock);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows = await t.dataSource
      .getRepository(Job)
      .find({ select: { status: true, runAt: true } });
    const busy = rows.filter(
      (row) =>
        row.status === JobStatus.Queued ||
        row.status === JobStatus.Running ||
        (row.status === JobStatus.Pending && row.runAt <= clock.now()),
    );
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Jobs still busy: ${JSON.stringify(busy)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
