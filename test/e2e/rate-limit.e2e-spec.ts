import { auth, enableTwoFactor, PASSWORD, signUp, totp } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const wrongLogin = (t: TestApp, email: string, ip?: string) => {
  const request = t.http.post('/api/users/login');
  if (ip) request.set('X-Forwarded-For', ip);
  return request.send({ user: { email, password: 'wrong password' } });
};

describe('rate limits', () => {
  describe('strict limit per account and IP', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        RATE_LIMIT_AUTH: '3',
        RATE_LIMIT_AUTH_WINDOW_SECONDS: '2',
        RATE_LIMIT_GLOBAL: '1000',
      });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers 429 with Retry-After once an account is guessed at too often, then resets', async () => {
      await signUp(t, 'target');
      for (let attempt = 0; attempt < 3; attempt++) {
        await wrongLogin(t, 'target@example.com').expect(401);
      }
      const limited = await wrongLogin(t, 'target@example.com').expect(429);
      expect(limited.body).toEqual({ errors: { rate: ['too many requests, try again later'] } });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(2);
      // Even the right password is refused while blocked: guessing cannot continue.
      await t.http
        .post('/api/users/login')
        .send({ user: { email: 'TARGET@example.com', password: PASSWORD } })
        .expect(429);

      // Another account from the same address is not affected.
      await wrongLogin(t, 'someone-else@example.com').expect(401);

      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
      await t.http
        .post('/api/users/login')
        .send({ user: { email: 'target@example.com', password: PASSWORD } })
        .expect(200);
    });

    it('limits registration and refresh attempts the same way', async () => {
      const register = () =>
        t.http
          .post('/api/users')
          .send({ user: { username: 'dup', email: 'dup@example.com', password: PASSWORD } });
      await register().expect(201);
      await register().expect(422);
      await register().expect(422);
      await register().expect(429);

      for (let attempt = 0; attempt < 3; attempt++) {
        await t.http.post('/api/auth/refresh').send({ refreshToken: 'guess' }).expect(401);
      }
      const limited = await t.http
        .post('/api/auth/refresh')
        .send({ refreshToken: 'guess' })
        .expect(429);
      expect(limited.headers['retry-after']).toBeDefined();
    });

    it('counts 2FA guesses per account, so a new login buys no new attempts', async () => {
      const user = await signUp(t, 'twofa');
      const { secret } = await enableTwoFactor(t, user);
      const challenge = async () =>
        (
          await t.http
            .post('/api/users/login')
            .send({ user: { email: user.email, password: PASSWORD } })
            .expect(200)
        ).body.challenge as string;
      const wrongCode = (await totp(secret)) === '000000' ? '111111' : '000000';
      const first = await challenge();
      for (let attempt = 0; attempt < 3; attempt++) {
        await t.http
          .post('/api/auth/2fa/verify')
          .send({ challenge: first, code: wrongCode })
          .expect(401);
      }
      const second = await challenge();
      await t.http
        .post('/api/auth/2fa/verify')
        .send({ challenge: second, code: wrongCode })
        .expect(429);
    });

    it('documents the 429 on the limited routes', async () => {
      const docs = await t.http.get('/docs-json').expect(200);
      expect(docs.body.paths['/api/users/login'].post.responses['429']).toBeDefined();
      expect(docs.body.paths['/api/auth/refresh'].post.responses['429']).toBeDefined();
    });
  });

  describe('global limit per client IP, behind a trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        RATE_LIMIT_GLOBAL: '5',
        RATE_LIMIT_GLOBAL_WINDOW_SECONDS: '60',
        TRUST_PROXY: 'true',
      });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('counts each forwarded client separately', async () => {
      for (let i = 0; i < 5; i++) {
        await t.http.get('/api/tags').set('X-Forwarded-For', '198.51.100.1').expect(200);
      }
      const limited = await t.http
        .get('/api/tags')
        .set('X-Forwarded-For', '198.51.100.1')
        .expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await t.http.get('/api/tags').set('X-Forwarded-For', '198.51.100.2').expect(200);
      // Health probes are never limited.
      for (let i = 0; i < 10; i++) {
        await t.http.get('/health').set('X-Forwarded-For', '198.51.100.1').expect(200);
      }
    });
  });

  describe.skipIf(!process.env.REDIS_URL)('shared by instances through Redis', () => {
    let first: TestApp;
    let second: TestApp;
    beforeAll(async () => {
      const env = {
        REDIS_URL: process.env.REDIS_URL!,
        RATE_LIMIT_AUTH: '2',
        RATE_LIMIT_AUTH_WINDOW_SECONDS: '60',
      };
      first = await createTestApp(env);
      second = await createTestApp(env);
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it('blocks on one instance what was attempted on the other', async () => {
      const email = 'victim@example.com';
      await wrongLogin(first, email).expect(401);
      await wrongLogin(second, email).expect(401);
      const limited = await wrongLogin(first, email).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(50);
      await wrongLogin(second, email).expect(429);
    });
  });
});

describe('default strict limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('let a test suite register many users from one address', async () => {
    for (let i = 0; i < 30; i++) {
      const user = await signUp(t, `many${i}`);
      await t.http
        .get('/api/user')
        .set(...auth(user.token))
        .expect(200);
    }
  });
});
