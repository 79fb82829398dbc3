import { auth, logIn, signUp } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const sharedDatabase = /^(mysql|mariadb|postgres)/.test(process.env.DATABASE_URL ?? '');

/** Two instances behind a load balancer: a revocation on one is refused by the other at once. */
describe.skipIf(!process.env.REDIS_URL || !sharedDatabase)(
  'session revocation across instances',
  () => {
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      // With a ten-minute cache, only the Redis broadcast can make the second instance notice in time.
      const env = { SESSION_CACHE_TTL_MS: '600000', REDIS_URL: process.env.REDIS_URL! };
      first = await createTestApp(env);
      second = await createTestApp(env, { database: first.database });
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it('rejects a revoked session on the second instance immediately', async () => {
      const phone = await signUp(first, 'nina');
      const laptop = await logIn(first, 'nina');
      // The second instance has both sessions cached as valid.
      await second.http
        .get('/api/user')
        .set(...auth(phone.token))
        .expect(200);
      await second.http
        .get('/api/user')
        .set(...auth(laptop.token))
        .expect(200);

      await first.http
        .post('/api/auth/logout')
        .set(...auth(phone.token))
        .expect(204);
      await expect
        .poll(async () => (await second.http.get('/api/user').set(...auth(phone.token))).status, {
          timeout: 1000,
          interval: 20,
        })
        .toBe(401);
      await second.http
        .get('/api/user')
        .set(...auth(laptop.token))
        .expect(200);

      await first.http
        .post('/api/auth/logout-all')
        .set(...auth(laptop.token))
        .expect(204);
      await expect
        .poll(async () => (await second.http.get('/api/user').set(...auth(laptop.token))).status, {
          timeout: 1000,
          interval: 20,
        })
        .toBe(401);
    });
  },
);
