import { JwtService } from '@nestjs/jwt';
import { IsNull, Not } from 'typeorm';
import { AuditEvent } from '../../src/audit/entities/audit-event.entity.js';
import { RefreshToken } from '../../src/auth/entities/refresh-token.entity.js';
import { Session } from '../../src/auth/entities/session.entity.js';
import { auth, logIn, signUp, userIdOf } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('sessions and refresh tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A long cache TTL: a revocation must apply because it invalidates the cache, not because the cache expired.
    t = await createTestApp({ SESSION_CACHE_TTL_MS: '600000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const sessions = () => t.dataSource.getRepository(Session);
  const refreshTokens = () => t.dataSource.getRepository(RefreshToken);

  it('opens a session on registration, with a refresh token in the body and an httpOnly cookie', async () => {
    const alice = await signUp(t, 'alice');
    expect(alice.refreshToken).toMatch(/^[\w-]{43}$/);
    const cookie = alice.setCookie.find((line) => line.startsWith('inkwell_refresh='));
    expect(cookie).toContain(`inkwell_refresh=${alice.refreshToken}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);

    const userId = await userIdOf(t, 'alice');
    const [session] = await sessions().findBy({ userId });
    expect(session).toMatchObject({ ip: expect.any(String), revokedAt: null });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    const stored = await refreshTokens().findBy({ sessionId: session.id });
    expect(stored).toHaveLength(1);
    // Only a hash is stored.
    expect(stored[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].tokenHash).not.toContain(alice.refreshToken);

    const me = await t.http
      .get('/api/user')
      .set(...auth(alice.token))
      .expect(200);
    expect(me.body.user).not.toHaveProperty('refreshToken');
  });

  it('lists my sessions, marking the current one, and never shows other users’ sessions', async () => {
    await signUp(t, 'bob');
    const laptop = await logIn(t, 'bob', 'Laptop Firefox');
    await signUp(t, 'carol');

    const response = await t.http
      .get('/api/auth/sessions')
      .set(...auth(laptop.token))
      .expect(200);
    expect(response.body.sessions).toHaveLength(2);
    const current = response.body.sessions.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ userAgent: 'Laptop Firefox', ip: expect.any(String) });
    expect(Object.keys(current[0]).sort()).toEqual(
      ['createdAt', 'current', 'expiresAt', 'id', 'ip', 'lastUsedAt', 'userAgent'].sort(),
    );
  });

  it('rotates the refresh token: the new pair works, the old refresh token is spent', async () => {
    const dave = await signUp(t, 'dave');
    const refreshed = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: dave.refreshToken })
      .expect(200);
    expect(refreshed.body).toEqual({
      token: expect.any(String),
      refreshToken: expect.any(String),
      refreshTokenExpiresAt: expect.any(String),
    });
    expect(refreshed.body.refreshToken).not.toBe(dave.refreshToken);
    expect(refreshed.headers['set-cookie']?.[0]).toContain(
      `inkwell_refresh=${refreshed.body.refreshToken}`,
    );
    await t.http
      .get('/api/user')
      .set(...auth(refreshed.body.token))
      .expect(200);

    const userId = await userIdOf(t, 'dave');
    const [session] = await sessions().findBy({ userId });
    const tokens = await refreshTokens().find({
      where: { sessionId: session.id },
      order: { id: 'ASC' },
    });
    expect(tokens).toHaveLength(2);
    expect(tokens[0].rotatedAt).toBeInstanceOf(Date);
    expect(tokens[1].rotatedAt).toBeNull();

    // The cookie alone is enough for a browser.
    const viaCookie = await t.http
      .post('/api/auth/refresh')
      .set('Cookie', `inkwell_refresh=${refreshed.body.refreshToken}`)
      .expect(200);
    await t.http
      .get('/api/user')
      .set(...auth(viaCookie.body.token))
      .expect(200);
  });

  it('revokes the whole session when a rotated refresh token comes back, and audits it', async () => {
    const erin = await signUp(t, 'erin');
    const rotated = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: erin.refreshToken })
      .expect(200);

    // Within the grace period, a second copy is taken for a racing tab: refused, no harm done.
    await t.http.post('/api/auth/refresh').send({ refreshToken: erin.refreshToken }).expect(401);
    await t.http
      .get('/api/user')
      .set(...auth(rotated.body.token))
      .expect(200);

    // A minute later, someone else presents a copy of the old token.
    const userId = await userIdOf(t, 'erin');
    const { id: sessionId } = await sessions().findOneByOrFail({ userId });
    await refreshTokens().update(
      { sessionId, rotatedAt: Not(IsNull()) },
      { rotatedAt: new Date(Date.now() - 60_000) },
    );
    const reuse = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: erin.refreshToken })
      .expect(401);
    expect(reuse.body).toEqual({ errors: { refreshToken: ['is invalid or expired'] } });

    // Both the thief's and the owner's tokens of that session are dead now.
    await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: rotated.body.refreshToken })
      .expect(401);
    const rejected = await t.http
      .get('/api/user')
      .set(...auth(rotated.body.token))
      .expect(401);
    expect(rejected.body).toEqual({ errors: { token: ['has been revoked'] } });
    await t.http
      .get('/api/user')
      .set(...auth(erin.token))
      .expect(401);

    const [session] = await sessions().findBy({ userId });
    expect(session.revokedAt).toBeInstanceOf(Date);
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'refresh.reused' as AuditEvent['action'], targetId: userId });
    expect(events).toHaveLength(1);
    expect(events[0].ip).toEqual(expect.any(String));
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const frank = await signUp(t, 'frank');
    const attempts = await Promise.all(
      [1, 2].map(() => t.http.post('/api/auth/refresh').send({ refreshToken: frank.refreshToken })),
    );
    expect(attempts.map((response) => response.status).sort((a, b) => a - b)).toEqual([200, 401]);
    const userId = await userIdOf(t, 'frank');
    const [session] = await sessions().findBy({ userId });
    // Exactly one successor token was ever issued.
    expect(await refreshTokens().countBy({ sessionId: session.id })).toBe(2);
    // A race is no theft: the session lives on with the winner's tokens.
    const loser = attempts.find((response) => response.status === 401)!;
    expect(loser.body).toEqual({ errors: { refreshToken: ['was just used by another refresh'] } });
    expect(session.revokedAt).toBeNull();
    const winner = attempts.find((response) => response.status === 200)!;
    await t.http
      .get('/api/user')
      .set(...auth(winner.body.token))
      .expect(200);
    await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: winner.body.refreshToken })
      .expect(200);
  });

  it('refuses missing, unknown and malformed refresh tokens with 401 or 422', async () => {
    await t.http.post('/api/auth/refresh').send({}).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: 'nope' }).expect(401);
    const wrongType = await t.http.post('/api/auth/refresh').send({ refreshToken: 42 }).expect(422);
    expect(wrongType.body.errors.refreshToken).toBeDefined();
  });

  it('signs one device out with DELETE /api/auth/sessions/:id, effective at once', async () => {
    const phone = await signUp(t, 'gina');
    const laptop = await logIn(t, 'gina');
    await t.http
      .get('/api/user')
      .set(...auth(phone.token))
      .expect(200); // warm the cache

    const listed = await t.http
      .get('/api/auth/sessions')
      .set(...auth(laptop.token))
      .expect(200);
    const phoneSession = listed.body.sessions.find((s: { current: boolean }) => !s.current);
    await t.http
      .delete(`/api/auth/sessions/${phoneSession.id}`)
      .set(...auth(laptop.token))
      .expect(204);

    await t.http
      .get('/api/user')
      .set(...auth(phone.token))
      .expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);
    await t.http
      .get('/api/user')
      .set(...auth(laptop.token))
      .expect(200);
    // Revoking again, someone else's session, or a malformed id: 404.
    await t.http
      .delete(`/api/auth/sessions/${phoneSession.id}`)
      .set(...auth(laptop.token))
      .expect(404);
    const other = await signUp(t, 'harry');
    await t.http
      .delete(`/api/auth/sessions/${phoneSession.id}`)
      .set(...auth(other.token))
      .expect(404);
    await t.http
      .delete('/api/auth/sessions/not-a-uuid')
      .set(...auth(laptop.token))
      .expect(404);
  });

  it('logs the current device out, and every device with logout-all', async () => {
    const one = await signUp(t, 'ivy');
    const two = await logIn(t, 'ivy');
    const three = await logIn(t, 'ivy');

    const out = await t.http
      .post('/api/auth/logout')
      .set(...auth(one.token))
      .expect(204);
    expect(out.headers['set-cookie']?.[0]).toMatch(/^inkwell_refresh=;/);
    await t.http
      .get('/api/user')
      .set(...auth(one.token))
      .expect(401);
    await t.http
      .get('/api/user')
      .set(...auth(two.token))
      .expect(200);

    await t.http
      .post('/api/auth/logout-all')
      .set(...auth(two.token))
      .expect(204);
    await t.http
      .get('/api/user')
      .set(...auth(two.token))
      .expect(401);
    await t.http
      .get('/api/user')
      .set(...auth(three.token))
      .expect(401);
    const userId = await userIdOf(t, 'ivy');
    expect(await sessions().countBy({ userId, revokedAt: IsNull() })).toBe(0);
    expect(await sessions().countBy({ userId, revokedAt: Not(IsNull()) })).toBe(3);
  });

  it('signs every other device out when the password changes through PUT /api/user', async () => {
    const here = await signUp(t, 'jack');
    const elsewhere = await logIn(t, 'jack');
    await t.http
      .put('/api/user')
      .set(...auth(here.token))
      .send({ user: { password: 'a brand new password' } })
      .expect(200);
    await t.http
      .get('/api/user')
      .set(...auth(here.token))
      .expect(200);
    await t.http
      .get('/api/user')
      .set(...auth(elsewhere.token))
      .expect(401);
    const userId = await userIdOf(t, 'jack');
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'password.changed' as AuditEvent['action'], actorId: userId });
    expect(events).toHaveLength(1);
  });

  it('checks a warm session without touching the database', async () => {
    const user = await signUp(t, 'lena');
    await t.http
      .get('/api/user')
      .set(...auth(user.token))
      .expect(200);
    const { queries } = await t.countQueries(() =>
      t.http
        .get('/api/articles/feed')
        .set(...auth(user.token))
        .expect(200),
    );
    expect(queries.filter((query) => /\bsessions\b/.test(query))).toEqual([]);
  });

  it('refuses an access token that names no session', async () => {
    await signUp(t, 'kim');
    const userId = await userIdOf(t, 'kim');
    const jwt = t.app.get(JwtService);
    const sessionless = await jwt.signAsync({ sub: userId });
    await t.http
      .get('/api/user')
      .set(...auth(sessionless))
      .expect(401);
    const unknownSession = await jwt.signAsync({ sub: userId, sid: crypto.randomUUID() });
    await t.http
      .get('/api/user')
      .set(...auth(unknownSession))
      .expect(401);
  });
});
