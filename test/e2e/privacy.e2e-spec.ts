import { In, IsNull } from 'typeorm';
import { Article } from '../../src/articles/entities/article.entity.js';
import { Favorite } from '../../src/articles/entities/favorite.entity.js';
import { AuditEvent } from '../../src/audit/entities/audit-event.entity.js';
import { RefreshToken } from '../../src/auth/entities/refresh-token.entity.js';
import { Session } from '../../src/auth/entities/session.entity.js';
import { Comment } from '../../src/comments/entities/comment.entity.js';
import { Follow } from '../../src/profiles/entities/follow.entity.js';
import { User } from '../../src/users/entities/user.entity.js';
import {
  auth,
  enableTwoFactor,
  logIn,
  PASSWORD,
  signUp,
  totp,
  userIdOf,
  type SignedInUser,
} from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Footprint {
  leaver: SignedInUser;
  stayer: SignedInUser;
  ownSlug: string;
  stayerSlug: string;
}

/** A user who wrote, commented, favorited and followed, on an app shared with another user. */
async function leaveFootprints(t: TestApp, name: string): Promise<Footprint> {
  const leaver = await signUp(t, name);
  await logIn(t, name, 'Second Device');
  const stayer = await signUp(t, `${name}-friend`);
  const write = async (user: SignedInUser, title: string) =>
    (
      await t.http
        .post('/api/articles')
        .set(...auth(user.token))
        .send({
          article: { title, description: 'd', body: `body of ${title}`, tagList: ['b', 'a'] },
        })
        .expect(201)
    ).body.article.slug as string;
  const ownSlug = await write(leaver, `${name} writes`);
  const stayerSlug = await write(stayer, `${name}-friend writes`);
  const comment = (user: SignedInUser, slug: string, body: string) =>
    t.http
      .post(`/api/articles/${slug}/comments`)
      .set(...auth(user.token))
      .send({ comment: { body } })
      .expect(200);
  await comment(leaver, stayerSlug, `${name} was here`);
  await comment(stayer, ownSlug, 'reply from a friend');
  await t.http
    .post(`/api/articles/${stayerSlug}/favorite`)
    .set(...auth(leaver.token))
    .expect(200);
  await t.http
    .post(`/api/articles/${ownSlug}/favorite`)
    .set(...auth(stayer.token))
    .expect(200);
  await t.http
    .post(`/api/profiles/${stayer.username}/follow`)
    .set(...auth(leaver.token))
    .expect(200);
  await t.http
    .post(`/api/profiles/${name}/follow`)
    .set(...auth(stayer.token))
    .expect(200);
  return { leaver, stayer, ownSlug, stayerSlug };
}

describe('privacy: export and account deletion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports everything about me, and nothing secret', async () => {
    const { leaver, ownSlug, stayerSlug, stayer } = await leaveFootprints(t, 'exporter');
    const response = await t.http
      .get('/api/user/export')
      .set(...auth(leaver.token))
      .expect(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="inkwell-export.json"',
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const data = response.body;
    expect(data.profile).toEqual({
      username: 'exporter',
      email: 'exporter@example.com',
      emailVerified: false,
      bio: null,
      image: null,
      role: 'user',
      twoFactorEnabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(data.articles).toEqual([
      expect.objectContaining({
        slug: ownSlug,
        body: 'body of exporter writes',
        tagList: ['a', 'b'],
        favoritesCount: 1,
      }),
    ]);
    expect(data.comments).toEqual([
      expect.objectContaining({ article: stayerSlug, body: 'exporter was here' }),
    ]);
    expect(data.favorites).toEqual([stayerSlug]);
    expect(data.following).toEqual([stayer.username]);
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions[1].userAgent).toBe('Second Device');
    expect(data.securityEvents.map((event: { action: string }) => event.action)).toEqual([
      'login.succeeded',
      'login.succeeded',
    ]);

    const text = JSON.stringify(data);
    const user = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'exporter' });
    for (const secret of [user.passwordHash, leaver.token, leaver.refreshToken, PASSWORD]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('reply from a friend');
    await t.http.get('/api/user/export').expect(401);
  });

  it('asks for the password (or a second factor) before deleting', async () => {
    const user = await signUp(t, 'careful');
    await t.http
      .delete('/api/user')
      .set(...auth(user.token))
      .send({})
      .expect(422);
    const wrong = await t.http
      .delete('/api/user')
      .set(...auth(user.token))
      .send({ password: 'not my password' })
      .expect(403);
    expect(wrong.body).toEqual({ errors: { password: ['is invalid'] } });
    // Without 2FA, a code proves nothing.
    await t.http
      .delete('/api/user')
      .set(...auth(user.token))
      .send({ code: '123456' })
      .expect(401);
    await t.http
      .get('/api/user')
      .set(...auth(user.token))
      .expect(200);
  });

  it('deletes the account and leaves nothing of it readable', async () => {
    const { leaver, stayer, ownSlug, stayerSlug } = await leaveFootprints(t, 'leaver');
    const userId = await userIdOf(t, 'leaver');
    const sessionIds = (await t.dataSource.getRepository(Session).findBy({ userId })).map(
      (s) => s.id,
    );
    const auditIds = (
      await t.dataSource.getRepository(AuditEvent).find({
        where: [{ actorId: userId }, { targetId: userId }],
      })
    ).map((event) => event.id);
    expect(auditIds.length).toBeGreaterThan(0);

    await t.http
      .delete('/api/user')
      .set(...auth(leaver.token))
      .send({ password: PASSWORD })
      .expect(204);

    // Over HTTP: gone.
    await t.http
      .get('/api/user')
      .set(...auth(leaver.token))
      .expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: leaver.refreshToken }).expect(401);
    await t.http
      .post('/api/users/login')
      .send({ user: { email: leaver.email, password: PASSWORD } })
      .expect(401);
    await t.http.get('/api/profiles/leaver').expect(404);
    await t.http.get(`/api/articles/${ownSlug}`).expect(404);
    const comments = await t.http.get(`/api/articles/${stayerSlug}/comments`).expect(200);
    expect(comments.body.comments).toEqual([]);
    const article = await t.http
      .get(`/api/articles/${stayerSlug}`)
      .set(...auth(stayer.token))
      .expect(200);
    expect(article.body.article.favoritesCount).toBe(0);
    const friend = await t.http.get(`/api/profiles/${stayer.username}`).set(...auth(stayer.token));
    expect(friend.status).toBe(200);

    // In the database: no row names the account any more.
    const db = t.dataSource;
    expect(await db.getRepository(User).countBy({ id: userId })).toBe(0);
    expect(await db.getRepository(Session).countBy({ userId })).toBe(0);
    expect(await db.getRepository(RefreshToken).countBy({ sessionId: In(sessionIds) })).toBe(0);
    expect(await db.getRepository(Article).countBy({ authorId: userId })).toBe(0);
    expect(await db.getRepository(Comment).countBy({ authorId: userId })).toBe(0);
    expect(await db.getRepository(Favorite).countBy({ userId })).toBe(0);
    expect(await db.getRepository(Follow).countBy({ followerId: userId })).toBe(0);
    expect(await db.getRepository(Follow).countBy({ followingId: userId })).toBe(0);
    const events = await db.getRepository(AuditEvent).findBy({ id: In(auditIds) });
    for (const event of events) {
      expect(event).toMatchObject({ actorId: null, targetId: null, ip: null, userAgent: null });
    }
    const deleted = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'user.deleted' as AuditEvent['action'], actorId: IsNull() });
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ targetId: null, ip: null, detail: 'delete' });
  });

  it('accepts a TOTP code as confirmation when 2FA is on', async () => {
    const user = await signUp(t, 'secured');
    const { secret } = await enableTwoFactor(t, user);
    await t.http
      .delete('/api/user')
      .set(...auth(user.token))
      .send({ code: await totp(secret) })
      .expect(204);
    expect(await t.dataSource.getRepository(User).countBy({ username: 'secured' })).toBe(0);
  });
});

describe('account deletion with ACCOUNT_DELETION_CONTENT=anonymise', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ACCOUNT_DELETION_CONTENT: 'anonymise' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps articles and comments, credited to a placeholder nobody can log in as', async () => {
    for (const name of ['first', 'second']) {
      const { leaver, ownSlug, stayerSlug } = await leaveFootprints(t, name);
      await t.http
        .delete('/api/user')
        .set(...auth(leaver.token))
        .send({ password: PASSWORD })
        .expect(204);
      const article = await t.http.get(`/api/articles/${ownSlug}`).expect(200);
      expect(article.body.article.author.username).toBe('[deleted]');
      const comments = await t.http.get(`/api/articles/${stayerSlug}/comments`).expect(200);
      expect(
        comments.body.comments.map((c: { author: { username: string } }) => c.author.username),
      ).toEqual(['[deleted]']);
      await t.http.get(`/api/profiles/${name}`).expect(404);
    }
    expect(await t.dataSource.getRepository(User).countBy({ username: '[deleted]' })).toBe(1);
    await t.http
      .post('/api/users/login')
      .send({ user: { email: 'deleted-author@inkwell.invalid', password: '!' } })
      .expect(401);
  });
});
