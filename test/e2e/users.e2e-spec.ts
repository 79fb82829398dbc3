import { createHmac } from 'node:crypto';
import { Like } from 'typeorm';
import { AccountToken } from '../../src/credentials/entities/account-token.entity.js';
import { Job } from '../../src/jobs/entities/job.entity.js';
import { JobName } from '../../src/jobs/job-name.enum.js';
import { User } from '../../src/users/entities/user.entity.js';
import { ConduitClient } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const JWT_SECRET = 'users-e2e-secret-long-enough-for-hs256';

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url',
  );
}

function signJwt(
  payload: object,
  secret = JWT_SECRET,
  header: object = { alg: 'HS256', typ: 'JWT' },
): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('users and authentication', () => {
  let t: TestApp;
  let api: ConduitClient;

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET });
    api = new ConduitClient(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('POST /api/users', () => {
    it('registers a user, answers 201 with the user and a working token, and stores a hash', async () => {
      const response = await api.request('post', '/users', {
        body: { user: { username: 'Jacob', email: ' Jake@Jake.JAKE ', password: 'jakejake' } },
      });

      expect(response.status).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
      expect(response.body).toEqual({
        user: {
          email: 'jake@jake.jake',
          token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
          username: 'Jacob',
          bio: null,
          image: null,
          // Beside the RealWorld fields: see docs/accounts.md.
          emailVerified: false,
          refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        },
      });
      const stored = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'Jacob' });
      expect(stored.email).toBe('jake@jake.jake');
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
      expect(stored.passwordHash).not.toContain('jakejake');

      const me = await api.request('get', '/user', { token: response.body.user.token });
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe('Jacob');
    });

    it('rejects missing and malformed fields with 422 per field', async () => {
      const response = await api.request('post', '/users', {
        body: { user: { username: '', email: 'not-an-email', password: 'short' } },
      });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({
        errors: {
          username: ["can't be blank"],
          email: ['is invalid'],
          password: ['is too short (minimum is 8 characters)'],
        },
      });
    });

    it('rejects values of the wrong type instead of converting them', async () => {
      const response = await api.request('post', '/users', {
        body: { user: { username: 12345, email: ['a@b.c'], password: { x: 1 } } },
      });
      expect(response.status).toBe(422);
      expect(Object.keys(response.body.errors).sort()).toEqual(['email', 'password', 'username']);
    });

    it('rejects a missing envelope', async () => {
      const response = await api.request('post', '/users', {
        body: { username: 'flat', email: 'flat@example.com', password: 'password1' },
      });
      expect(response.status).toBe(422);
      expect(response.body.errors.user).toEqual(["can't be blank"]);
    });

    it('answers 422 on a taken e-mail (any case) or username, and stores nothing', async () => {
      const first = await api.register('taken');
      const sameEmail = await api.request('post', '/users', {
        body: {
          user: { username: 'other', email: first.email.toUpperCase(), password: 'password1' },
        },
      });
      expect(sameEmail.status).toBe(422);
      expect(sameEmail.body).toEqual({ errors: { email: ['has already been taken'] } });

      const sameName = await api.request('post', '/users', {
        body: { user: { username: 'taken', email: 'fresh@example.com', password: 'password1' } },
      });
      expect(sameName.status).toBe(422);
      expect(sameName.body).toEqual({ errors: { username: ['has already been taken'] } });
      expect(await t.dataSource.getRepository(User).countBy({ email: 'fresh@example.com' })).toBe(
        0,
      );
    });

    it('lets exactly one of several racing registrations win; the others get 422', async () => {
      const attempts = await Promise.all(
        Array.from({ length: 6 }, () =>
          api.request('post', '/users', {
            body: {
              user: { username: 'racer', email: 'racer@example.com', password: 'password1' },
            },
          }),
        ),
      );
      const statuses = attempts.map((response) => response.status).sort((a, b) => a - b);
      expect(statuses).toEqual([201, 422, 422, 422, 422, 422]);
      for (const loser of attempts.filter((response) => response.status === 422)) {
        expect(Object.keys(loser.body.errors).length).toBeGreaterThan(0);
      }
      expect(await t.dataSource.getRepository(User).countBy({ username: 'racer' })).toBe(1);
      // Only the winner got a verification token and an e-mail job.
      expect(
        await t.dataSource.getRepository(AccountToken).countBy({ email: 'racer@example.com' }),
      ).toBe(1);
      const mails = await t.dataSource
        .getRepository(Job)
        .findBy({ name: JobName.SendEmail, payload: Like('%racer@example.com%') });
      expect(mails).toHaveLength(1);
    });

    it('registers 50 different users at once, each with its verification e-mail', async () => {
      // Regression: on MariaDB, concurrent registrations used to deadlock on token gap locks.
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api.request('post', '/users', {
            body: {
              user: {
                username: `crowd${i}`,
                email: `crowd${i}@example.com`,
                password: 'password1',
              },
            },
          }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      expect(
        await t.dataSource
          .getRepository(AccountToken)
          .countBy({ email: Like('crowd%@example.com') }),
      ).toBe(50);
    });

    it('ignores unknown fields and never stores them', async () => {
      const response = await api.request('post', '/users', {
        body: {
          user: {
            username: 'sneaky',
            email: 'sneaky@example.com',
            password: 'password1',
            role: 'admin',
            bio: 'x',
          },
          admin: true,
        },
      });
      expect(response.status).toBe(201);
      const stored = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'sneaky' });
      expect(stored.role).toBe('user');
      expect(stored.bio).toBeNull();
    });
  });

  describe('POST /api/users/login', () => {
    it('logs in with the e-mail in any case and answers 200 with a token', async () => {
      const user = await api.register('loginok');
      const response = await api.request('post', '/users/login', {
        body: { user: { email: user.email.toUpperCase(), password: user.password } },
      });
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ email: user.email, username: 'loginok' });
      const me = await api.request('get', '/user', { token: response.body.user.token });
      expect(me.status).toBe(200);
    });

    it('answers the same 401 for an unknown e-mail and a wrong password', async () => {
      const user = await api.register('loginbad');
      const wrongPassword = await api.request('post', '/users/login', {
        body: { user: { email: user.email, password: 'not the password' } },
      });
      const unknownEmail = await api.request('post', '/users/login', {
        body: { user: { email: 'nobody@example.com', password: 'not the password' } },
      });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(wrongPassword.body).toEqual({ errors: { 'email or password': ['is invalid'] } });
      expect(unknownEmail.body).toEqual(wrongPassword.body);
    });

    it('answers 422 when a field is missing', async () => {
      const response = await api.request('post', '/users/login', {
        body: { user: { email: 'a@b.c' } },
      });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ errors: { password: ["can't be blank"] } });
    });
  });

  describe('GET and PUT /api/user', () => {
    it('returns the current user with the token that was sent', async () => {
      const user = await api.register('current');
      const response = await api.request('get', '/user', { token: user.token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        user: {
          email: user.email,
          token: user.token,
          username: 'current',
          bio: null,
          image: null,
          emailVerified: false,
        },
      });
    });

    it('updates only the fields sent, and a new password works for login', async () => {
      const user = await api.register('updater');
      const response = await api.request('put', '/user', {
        token: user.token,
        body: {
          user: {
            bio: 'I like to skateboard',
            image: 'https://example.com/me.png',
            password: 'a brand new password',
          },
        },
      });
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({
        username: 'updater',
        email: user.email,
        bio: 'I like to skateboard',
        image: 'https://example.com/me.png',
      });

      const stored = await t.dataSource
        .getRepository(User)
        .findOneByOrFail({ username: 'updater' });
      expect(stored.bio).toBe('I like to skateboard');
      const login = await api.request('post', '/users/login', {
        body: { user: { email: user.email, password: 'a brand new password' } },
      });
      expect(login.status).toBe(200);
      const oldLogin = await api.request('post', '/users/login', {
        body: { user: { email: user.email, password: user.password } },
      });
      expect(oldLogin.status).toBe(401);
    });

    it('clears the image with an empty string or null, as frontends send it', async () => {
      const user = await api.register('clearer');
      await api.request('put', '/user', {
        token: user.token,
        body: { user: { image: 'https://x.io/a.png' } },
      });
      const cleared = await api.request('put', '/user', {
        token: user.token,
        body: { user: { image: '', bio: '' } },
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body.user.image).toBeNull();
      expect(cleared.body.user.bio).toBe('');
    });

    it('renames the user and changes the e-mail, refusing ones that are taken', async () => {
      const user = await api.register('renamer');
      const other = await api.register('occupied');
      const renamed = await api.request('put', '/user', {
        token: user.token,
        body: { user: { username: 'renamed', email: 'Renamed@Example.com' } },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.user).toMatchObject({
        username: 'renamed',
        email: 'renamed@example.com',
      });

      const clash = await api.request('put', '/user', {
        token: user.token,
        body: { user: { username: other.username, email: other.email } },
      });
      expect(clash.status).toBe(422);
      expect(clash.body).toEqual({
        errors: { email: ['has already been taken'], username: ['has already been taken'] },
      });
      const stored = await t.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: 'renamed@example.com' });
      expect(stored.username).toBe('renamed');
    });

    it('treats an empty password as unchanged, as settings forms send it', async () => {
      const user = await api.register('formuser');
      const response = await api.request('put', '/user', {
        token: user.token,
        body: {
          user: {
            username: 'formuser',
            email: user.email,
            bio: 'new bio',
            image: '',
            password: '',
          },
        },
      });
      expect(response.status).toBe(200);
      expect(response.body.user.bio).toBe('new bio');
      const login = await api.request('post', '/users/login', {
        body: { user: { email: user.email, password: user.password } },
      });
      expect(login.status).toBe(200);
    });

    it('keeps its own e-mail and username without calling them taken', async () => {
      const user = await api.register('sameagain');
      const response = await api.request('put', '/user', {
        token: user.token,
        body: { user: { username: 'sameagain', email: user.email } },
      });
      expect(response.status).toBe(200);
    });

    it('rejects invalid updates: null e-mail, bad image URL, javascript: URL', async () => {
      const user = await api.register('badupdate');
      for (const [field, value] of [
        ['email', null],
        ['username', null],
        ['image', 'not a url'],
        ['image', 'javascript:alert(1)'],
        ['bio', 42],
      ] as const) {
        const response = await api.request('put', '/user', {
          token: user.token,
          body: { user: { [field]: value } },
        });
        expect(response.status, `${field}=${String(value)}`).toBe(422);
        expect(Object.keys(response.body.errors)).toEqual([field]);
      }
    });
  });

  describe('access tokens', () => {
    let user: Awaited<ReturnType<ConduitClient['register']>>;
    let userId: number;

    beforeAll(async () => {
      user = await api.register('tokens');
      userId = (await t.dataSource.getRepository(User).findOneByOrFail({ username: 'tokens' })).id;
    });

    it('accepts the Bearer scheme too, in any case', async () => {
      for (const header of [`Bearer ${user.token}`, `token ${user.token}`, `TOKEN ${user.token}`]) {
        const response = await t.http.get('/api/user').set('Authorization', header);
        expect(response.status, header).toBe(200);
      }
    });

    it.each([
      ['missing', undefined, 'is missing'],
      ['empty', '', 'is missing'],
      ['without a scheme', 'TOKEN_ONLY', 'is invalid'],
      ['of an unknown scheme', 'Basic dXNlcjpwYXNz', 'is invalid'],
      ['garbage', 'Token not.a.jwt', 'is invalid'],
    ])('refuses a %s token with a JSON 401', async (_case, header, message) => {
      let call = t.http.get('/api/user');
      if (header !== undefined) call = call.set('Authorization', header);
      const response = await call;
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body).toEqual({ errors: { token: [message] } });
    });

    it('refuses a tampered, re-signed, expired or alg:none token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const [header, , signature] = user.token.split('.');
      const tokens = {
        tampered: `${header}.${base64url({ sub: userId + 1, iat: now })}.${signature}`,
        wrongSecret: signJwt({ sub: userId, iat: now, exp: now + 600 }, 'some other secret'),
        expired: signJwt({ sub: userId, iat: now - 7200, exp: now - 3600 }),
        algNone: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: userId, iat: now })}.`,
        hs512: signJwt({ sub: userId, iat: now }, JWT_SECRET, { alg: 'HS512', typ: 'JWT' }),
        noSubject: signJwt({ iat: now, exp: now + 600 }),
      };
      for (const [name, token] of Object.entries(tokens)) {
        const response = await t.http.get('/api/user').set('Authorization', `Token ${token}`);
        expect(response.status, name).toBe(401);
        expect(response.body.errors.token, name).toEqual([
          name === 'expired' ? 'has expired' : 'is invalid',
        ]);
      }
    });

    it('accepts a token it signed itself with the right secret, for an open session', async () => {
      const now = Math.floor(Date.now() / 1000);
      const { sid } = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString());
      const response = await t.http
        .get('/api/user')
        .set('Authorization', `Token ${signJwt({ sub: userId, sid, iat: now, exp: now + 600 })}`);
      expect(response.status).toBe(200);
      expect(response.body.user.username).toBe('tokens');
    });

    it('refuses a valid token once its user is gone', async () => {
      const doomed = await api.register('doomed');
      await t.dataSource.getRepository(User).delete({ username: 'doomed' });
      const response = await api.request('get', '/user', { token: doomed.token });
      expect(response.status).toBe(401);
    });

    it('refuses a bad token even on routes where authentication is optional', async () => {
      const response = await t.http.get('/api/articles').set('Authorization', 'Token nonsense');
      expect(response.status).toBe(401);
      const anonymous = await t.http.get('/api/articles');
      expect(anonymous.status).toBe(200);
    });
  });
});
