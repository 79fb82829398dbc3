import { IsNull, Not } from 'typeorm';
import { RefreshToken } from '../../src/auth/entities/refresh-token.entity.js';
import { Session } from '../../src/auth/entities/session.entity.js';
import { SessionsService } from '../../src/auth/sessions.service.js';
import { PurgeExpiredCommand } from '../../src/cli/purge-expired.command.js';
import { AccountTokensService } from '../../src/credentials/account-tokens.service.js';
import { AccountToken } from '../../src/credentials/entities/account-token.entity.js';
import { auth, logIn, signUp, userIdOf } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('purge-expired command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('forgets ended sessions and stale tokens, and nothing that still works', async () => {
    const kept = await signUp(t, 'keeper');
    const ended = await logIn(t, 'keeper');
    await t.http
      .post('/api/auth/logout')
      .set(...auth(ended.token))
      .expect(204);
    const refreshed = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: kept.refreshToken })
      .expect(200);
    const userId = await userIdOf(t, 'keeper');
    const sessions = t.dataSource.getRepository(Session);
    const refreshTokens = t.dataSource.getRepository(RefreshToken);
    const accountTokens = t.dataSource.getRepository(AccountToken);
    // Age everything that ended (and the verification link) by two days.
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await sessions.update({ userId, revokedAt: Not(IsNull()) }, { revokedAt: twoDaysAgo });
    await refreshTokens.update({ rotatedAt: Not(IsNull()) }, { rotatedAt: twoDaysAgo });
    await accountTokens.update({ userId }, { expiresAt: twoDaysAgo });

    const command = new PurgeExpiredCommand(
      t.app.get(SessionsService),
      t.app.get(AccountTokensService, { strict: false }),
    );
    await command.run([], { olderThanDays: 3 });
    expect(await sessions.countBy({ userId })).toBe(2);

    await command.run([], { olderThanDays: 1 });
    expect(await sessions.countBy({ userId })).toBe(1);
    expect(await sessions.countBy({ userId, revokedAt: IsNull() })).toBe(1);
    // The live session keeps only its current refresh token, which still works.
    expect(await refreshTokens.count()).toBe(1);
    expect(await accountTokens.countBy({ userId })).toBe(0);
    await t.http
      .get('/api/user')
      .set(...auth(refreshed.body.token))
      .expect(200);
    await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: refreshed.body.refreshToken })
      .expect(200);
  });
});
