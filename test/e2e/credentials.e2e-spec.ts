import { AuditEvent } from '../../src/audit/entities/audit-event.entity.js';
import { AccountToken } from '../../src/credentials/entities/account-token.entity.js';
import { auth, PASSWORD, signUp, userIdOf } from '../support/accounts.js';
import { jobRunnerCases } from '../support/job-runners.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  hrefsIn,
  TestSmtpServer,
  waitUntil,
  type ReceivedMail,
} from '../support/test-smtp-server.js';

const SUBJECTS = {
  verification: 'Confirm your e-mail address',
  reset: 'Reset your Inkwell password',
} as const;
type Kind = keyof typeof SUBJECTS;

/** The single-use link of an account e-mail, read from its plain-text part. */
const linkOf = (mail: ReceivedMail) => /https?:\/\/\S+token=\S+/.exec(mail.parsed.text ?? '')![0];
const tokenOf = (mail: ReceivedMail) => new URL(linkOf(mail)).searchParams.get('token')!;

for (const { runner, available, env } of jobRunnerCases) {
  describe.skipIf(!available)(`e-mail verification and password reset (${runner} runner)`, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    const mailsTo = (address: string, kind: Kind) =>
      smtp.to(address).filter((mail) => mail.parsed.subject === SUBJECTS[kind]);
    /** Waits for the `count`-th e-mail of this kind to `address` (they go out through the job outbox). */
    const mailTo = async (address: string, kind: Kind, count = 1) => {
      await waitUntil(
        () => mailsTo(address, kind).length >= count,
        10_000,
        `${kind} mail to ${address}`,
      );
      return mailsTo(address, kind)[count - 1];
    };

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      t = await createTestApp({
        ...env,
        SMTP_URL: smtp.url,
        PUBLIC_APP_URL: 'https://app.example.com',
      });
    });
    afterAll(async () => {
      await t?.close();
      await smtp?.stop();
    });

    it('sends a verification link on registration and verifies the address once', async () => {
      const user = await signUp(t, 'vera');
      const me = await t.http
        .get('/api/user')
        .set(...auth(user.token))
        .expect(200);
      expect(me.body.user.emailVerified).toBe(false);

      const email = await mailTo('vera@example.com', 'verification');
      expect(email.envelopeTo).toEqual(['vera@example.com']);
      expect(email.parsed.text).toContain('Hi vera,');
      expect(hrefsIn(email.parsed.html || '')).toContain(linkOf(email));
      expect(linkOf(email)).toMatch(/^https:\/\/app\.example\.com\/verify-email\?token=[\w-]{43}$/);
      const stored = await t.dataSource
        .getRepository(AccountToken)
        .findOneByOrFail({ userId: await userIdOf(t, 'vera') });
      expect(stored.tokenHash).not.toBe(tokenOf(email));
      expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600 * 1000);

      await t.http
        .post('/api/auth/verify-email')
        .send({ token: tokenOf(email) })
        .expect(204);
      const verified = await t.http
        .get('/api/user')
        .set(...auth(user.token))
        .expect(200);
      expect(verified.body.user.emailVerified).toBe(true);
      const again = await t.http
        .post('/api/auth/verify-email')
        .send({ token: tokenOf(email) })
        .expect(422);
      expect(again.body).toEqual({ errors: { token: ['is invalid or expired'] } });
      expect(
        await t.dataSource.getRepository(AuditEvent).countBy({
          action: 'email.verified' as AuditEvent['action'],
          targetId: await userIdOf(t, 'vera'),
        }),
      ).toBe(1);
      await t.http
        .post('/api/auth/resend-verification')
        .set(...auth(user.token))
        .expect(422);
    });

    it('refuses unknown and expired tokens', async () => {
      await t.http.post('/api/auth/verify-email').send({ token: 'made-up' }).expect(422);
      await t.http.post('/api/auth/verify-email').send({}).expect(422);
      await signUp(t, 'late');
      const token = tokenOf(await mailTo('late@example.com', 'verification'));
      await t.dataSource
        .getRepository(AccountToken)
        .update({ userId: await userIdOf(t, 'late') }, { expiresAt: new Date(Date.now() - 1000) });
      await t.http.post('/api/auth/verify-email').send({ token }).expect(422);
    });

    it('resends on request, voiding the earlier link', async () => {
      const user = await signUp(t, 'resend');
      const first = tokenOf(await mailTo('resend@example.com', 'verification'));
      await t.http
        .post('/api/auth/resend-verification')
        .set(...auth(user.token))
        .expect(202);
      const second = tokenOf(await mailTo('resend@example.com', 'verification', 2));
      expect(second).not.toBe(first);
      await t.http.post('/api/auth/verify-email').send({ token: first }).expect(422);
      await t.http.post('/api/auth/verify-email').send({ token: second }).expect(204);
    });

    it('asks a changed address to be verified again, and an old link cannot verify it', async () => {
      const user = await signUp(t, 'mover');
      const oldLink = tokenOf(await mailTo('mover@example.com', 'verification'));
      const changed = await t.http
        .put('/api/user')
        .set(...auth(user.token))
        .send({ user: { email: 'mover@new.example.com' } })
        .expect(200);
      expect(changed.body.user.emailVerified).toBe(false);
      await t.http.post('/api/auth/verify-email').send({ token: oldLink }).expect(422);
      const newLink = tokenOf(await mailTo('mover@new.example.com', 'verification'));
      await t.http.post('/api/auth/verify-email').send({ token: newLink }).expect(204);
      const me = await t.http
        .get('/api/user')
        .set(...auth(user.token))
        .expect(200);
      expect(me.body.user).toMatchObject({ email: 'mover@new.example.com', emailVerified: true });
    });

    it('answers forgot-password with the same 202 whether or not the account exists', async () => {
      await signUp(t, 'forgetful');
      const known = await t.http
        .post('/api/auth/forgot-password')
        .send({ email: 'Forgetful@example.com' })
        .expect(202);
      const unknown = await t.http
        .post('/api/auth/forgot-password')
        .send({ email: 'nobody@example.com' })
        .expect(202);
      expect(known.body).toEqual(unknown.body);
      expect(known.text).toBe(unknown.text);
      await mailTo('forgetful@example.com', 'reset');
      // Both requests were queued together; the unknown one has had its turn by now.
      expect(smtp.to('nobody@example.com')).toEqual([]);
      await t.http.post('/api/auth/forgot-password').send({ email: 'not-an-email' }).expect(422);
    });

    it('resets the password with a single-use link and ends every session', async () => {
      const user = await signUp(t, 'resetter');
      await t.http.post('/api/auth/forgot-password').send({ email: user.email }).expect(202);
      const email = await mailTo(user.email, 'reset');
      expect(linkOf(email)).toMatch(/^https:\/\/app\.example\.com\/reset-password\?token=/);
      const token = tokenOf(email);
      const stored = await t.dataSource.getRepository(AccountToken).findOneByOrFail({
        userId: await userIdOf(t, 'resetter'),
        purpose: 'password-reset' as AccountToken['purpose'],
      });
      expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3600 * 1000);

      await t.http.post('/api/auth/reset-password').send({ token, password: 'short' }).expect(422);
      await t.http
        .post('/api/auth/reset-password')
        .send({ token, password: 'a completely new password' })
        .expect(204);

      await t.http
        .get('/api/user')
        .set(...auth(user.token))
        .expect(401);
      await t.http.post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      await t.http
        .post('/api/users/login')
        .send({ user: { email: user.email, password: PASSWORD } })
        .expect(401);
      const login = await t.http
        .post('/api/users/login')
        .send({ user: { email: user.email, password: 'a completely new password' } })
        .expect(200);
      // Following the mailed link proved the address, too.
      expect(login.body.user.emailVerified).toBe(true);
      await t.http
        .post('/api/auth/reset-password')
        .send({ token, password: 'yet another password' })
        .expect(422);
      expect(
        await t.dataSource.getRepository(AuditEvent).countBy({
          action: 'password.reset' as AuditEvent['action'],
          targetId: await userIdOf(t, 'resetter'),
        }),
      ).toBe(1);
    });

    it('lets a reset link lapse after an hour', async () => {
      const user = await signUp(t, 'slow');
      await t.http.post('/api/auth/forgot-password').send({ email: user.email }).expect(202);
      const email = await mailTo(user.email, 'reset');
      await t.dataSource.getRepository(AccountToken).update(
        {
          userId: await userIdOf(t, 'slow'),
          purpose: 'password-reset' as AccountToken['purpose'],
        },
        { expiresAt: new Date(Date.now() - 1) },
      );
      await t.http
        .post('/api/auth/reset-password')
        .send({ token: tokenOf(email), password: 'a new password' })
        .expect(422);
    });

    it('documents the new routes', async () => {
      const docs = await t.http.get('/docs-json').expect(200);
      for (const path of [
        'verify-email',
        'resend-verification',
        'forgot-password',
        'reset-password',
      ]) {
        expect(docs.body.paths[`/api/auth/${path}`].post.summary).toEqual(expect.any(String));
      }
      expect(docs.body.components.schemas.UserDto.properties).toHaveProperty('emailVerified');
    });
  });
}
