import { IsNull, Not } from 'typeorm';
import { AdminService } from '../../src/admin/admin.service.js';
import { AuditEvent } from '../../src/audit/entities/audit-event.entity.js';
import { Session } from '../../src/auth/entities/session.entity.js';
import { Role } from '../../src/auth/role.enum.js';
import { ADMIN_PASSWORD_VARIABLE, CreateAdminCommand } from '../../src/cli/create-admin.command.js';
import { User } from '../../src/users/entities/user.entity.js';
import { auth, logIn, PASSWORD, signUp, userIdOf, type SignedInUser } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('roles, moderation and user administration', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let moderator: SignedInUser;
  let author: SignedInUser;
  let reader: SignedInUser;

  const auditOf = (action: string) =>
    t.dataSource.getRepository(AuditEvent).findBy({ action: action as AuditEvent['action'] });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t, 'root');
    moderator = await signUp(t, 'mod');
    author = await signUp(t, 'writer');
    reader = await signUp(t, 'reader');
    await t.app.get(AdminService).grantAdmin('root@example.com');
    await t.http
      .put('/api/admin/users/mod/role')
      .set(...auth(admin.token))
      .send({ role: 'moderator' })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('create-admin command', () => {
    const run = (options: { email: string; username?: string }) =>
      new CreateAdminCommand(t.app.get(AdminService)).run([], options);

    afterEach(() => {
      delete process.env[ADMIN_PASSWORD_VARIABLE];
    });

    it('promotes an existing account without touching its password', async () => {
      await signUp(t, 'promoted');
      await run({ email: 'Promoted@example.com' });
      const user = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'promoted' });
      expect(user.role).toBe(Role.Admin);
      await logIn(t, 'promoted');
    });

    it('creates the account with the password from the environment', async () => {
      process.env[ADMIN_PASSWORD_VARIABLE] = 'an operator chosen secret';
      await run({ email: 'ops@example.com', username: 'ops' });
      const login = await t.http
        .post('/api/users/login')
        .send({ user: { email: 'ops@example.com', password: 'an operator chosen secret' } })
        .expect(200);
      await t.http
        .get('/api/admin/users')
        .set(...auth(login.body.user.token))
        .expect(200);
    });

    it('never falls back to a default password', async () => {
      // Vitest's stdin is no terminal, so there is nobody to ask.
      await expect(run({ email: 'nopass@example.com' })).rejects.toThrow(ADMIN_PASSWORD_VARIABLE);
      expect(await t.dataSource.getRepository(User).countBy({ email: 'nopass@example.com' })).toBe(
        0,
      );
      process.env[ADMIN_PASSWORD_VARIABLE] = 'short';
      await expect(run({ email: 'nopass@example.com' })).rejects.toThrow(/password is too short/);
    });
  });

  it('keeps every admin route to admins: 401 anonymous, 403 user and moderator', async () => {
    const routes: Array<[method: 'get' | 'put' | 'post', path: string, body?: object]> = [
      ['get', '/api/admin/users'],
      ['put', '/api/admin/users/reader/role', { role: 'moderator' }],
      ['post', '/api/admin/users/reader/suspend'],
      ['post', '/api/admin/users/reader/restore'],
    ];
    for (const [method, path, body] of routes) {
      await t.http[method](path).send(body).expect(401);
      for (const caller of [reader, moderator]) {
        const response = await t.http[method](path)
          .set(...auth(caller.token))
          .send(body)
          .expect(403);
        expect(response.body).toEqual({ errors: { role: ['requires admin'] } });
      }
    }
    expect(
      (await t.dataSource.getRepository(User).findOneByOrFail({ username: 'reader' })).role,
    ).toBe(Role.User);
  });

  it('lists and searches users for admins, showing e-mails but no secrets', async () => {
    const all = await t.http
      .get('/api/admin/users?limit=2')
      .set(...auth(admin.token))
      .expect(200);
    expect(all.body.users).toHaveLength(2);
    expect(all.body.usersCount).toBeGreaterThanOrEqual(4);
    expect(Object.keys(all.body.users[0]).sort()).toEqual(
      ['createdAt', 'email', 'role', 'suspendedAt', 'username'].sort(),
    );

    const search = await t.http
      .get('/api/admin/users?search=WRIT')
      .set(...auth(admin.token))
      .expect(200);
    expect(search.body.users.map((u: { username: string }) => u.username)).toEqual(['writer']);
    const byEmail = await t.http
      .get('/api/admin/users?search=reader@example')
      .set(...auth(admin.token))
      .expect(200);
    expect(byEmail.body.usersCount).toBe(1);
    // Wildcards typed by the admin are literal.
    const wildcard = await t.http
      .get('/api/admin/users?search=%25')
      .set(...auth(admin.token))
      .expect(200);
    expect(wildcard.body).toEqual({ users: [], usersCount: 0 });

    const moderators = await t.http
      .get('/api/admin/users?role=moderator')
      .set(...auth(admin.token))
      .expect(200);
    expect(moderators.body.users.map((u: { username: string }) => u.username)).toEqual(['mod']);
    await t.http
      .get('/api/admin/users?role=emperor')
      .set(...auth(admin.token))
      .expect(422);
    await t.http
      .get('/api/admin/users?suspended=maybe')
      .set(...auth(admin.token))
      .expect(422);
  });

  it('changes roles with an audit trail, but never the admin’s own', async () => {
    const events = await auditOf('user.role_changed');
    const moderatorId = await userIdOf(t, 'mod');
    expect(events.find((event) => event.targetId === moderatorId)).toMatchObject({
      actorId: await userIdOf(t, 'root'),
      detail: 'user -> moderator',
      ip: expect.any(String),
    });

    const self = await t.http
      .put('/api/admin/users/root/role')
      .set(...auth(admin.token))
      .send({ role: 'user' })
      .expect(422);
    expect(self.body).toEqual({ errors: { role: ['cannot be changed on your own account'] } });
    await t.http
      .put('/api/admin/users/nobody/role')
      .set(...auth(admin.token))
      .send({ role: 'user' })
      .expect(404);
    await t.http
      .put('/api/admin/users/reader/role')
      .set(...auth(admin.token))
      .send({ role: 'god' })
      .expect(422);
    await t.http
      .put('/api/admin/users/reader/role')
      .set(...auth(admin.token))
      .send({})
      .expect(422);
  });

  it('lets moderators (and nobody else but the author) delete any article and comment', async () => {
    const createArticle = async (title: string) => {
      const response = await t.http
        .post('/api/articles')
        .set(...auth(author.token))
        .send({ article: { title, description: 'd', body: 'b' } })
        .expect(201);
      return response.body.article.slug as string;
    };
    const slug = await createArticle('Spam one');
    const comment = await t.http
      .post(`/api/articles/${slug}/comments`)
      .set(...auth(author.token))
      .send({ comment: { body: 'buy now' } })
      .expect(200);
    const commentId = comment.body.comment.id;

    const refused = await t.http
      .delete(`/api/articles/${slug}/comments/${commentId}`)
      .set(...auth(reader.token))
      .expect(403);
    expect(refused.body).toEqual({
      errors: { comment: ['only the author or a moderator may delete it'] },
    });
    await t.http
      .delete(`/api/articles/${slug}`)
      .set(...auth(reader.token))
      .expect(403);

    await t.http
      .delete(`/api/articles/${slug}/comments/${commentId}`)
      .set(...auth(moderator.token))
      .expect(204);
    await t.http
      .delete(`/api/articles/${slug}`)
      .set(...auth(moderator.token))
      .expect(204);
    await t.http.get(`/api/articles/${slug}`).expect(404);

    // Admins moderate too.
    const second = await createArticle('Spam two');
    await t.http
      .delete(`/api/articles/${second}`)
      .set(...auth(admin.token))
      .expect(204);

    // A demotion applies to the very next request.
    const third = await createArticle('Spam three');
    await t.http
      .put('/api/admin/users/mod/role')
      .set(...auth(admin.token))
      .send({ role: 'user' })
      .expect(200);
    await t.http
      .delete(`/api/articles/${third}`)
      .set(...auth(moderator.token))
      .expect(403);
    await t.http
      .put('/api/admin/users/mod/role')
      .set(...auth(admin.token))
      .send({ role: 'moderator' })
      .expect(200);
  });

  it('suspends a user: sessions die at once, login is refused; restoring lets them back in', async () => {
    const victim = await signUp(t, 'troll');
    const other = await logIn(t, 'troll');
    await t.http
      .get('/api/user')
      .set(...auth(victim.token))
      .expect(200);

    const suspended = await t.http
      .post('/api/admin/users/troll/suspend')
      .set(...auth(admin.token))
      .expect(200);
    expect(suspended.body.user).toMatchObject({
      username: 'troll',
      suspendedAt: expect.any(String),
    });
    // Idempotent.
    await t.http
      .post('/api/admin/users/troll/suspend')
      .set(...auth(admin.token))
      .expect(200);

    await t.http
      .get('/api/user')
      .set(...auth(victim.token))
      .expect(401);
    await t.http
      .get('/api/user')
      .set(...auth(other.token))
      .expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
    const login = await t.http
      .post('/api/users/login')
      .send({ user: { email: 'troll@example.com', password: PASSWORD } })
      .expect(403);
    expect(login.body).toEqual({ errors: { user: ['is suspended'] } });
    // A wrong password still gets the ordinary 401: suspension is not revealed to guessers.
    await t.http
      .post('/api/users/login')
      .send({ user: { email: 'troll@example.com', password: 'wrong password' } })
      .expect(401);
    const trollId = await userIdOf(t, 'troll');
    expect(
      await t.dataSource
        .getRepository(Session)
        .countBy({ userId: trollId, revokedAt: Not(IsNull()) }),
    ).toBe(2);
    expect((await auditOf('user.suspended')).map((event) => event.targetId)).toEqual([trollId]);

    const filtered = await t.http
      .get('/api/admin/users?suspended=true')
      .set(...auth(admin.token))
      .expect(200);
    expect(filtered.body.users.map((u: { username: string }) => u.username)).toEqual(['troll']);

    const restored = await t.http
      .post('/api/admin/users/troll/restore')
      .set(...auth(admin.token))
      .expect(200);
    expect(restored.body.user.suspendedAt).toBeNull();
    await logIn(t, 'troll');
    expect((await auditOf('user.restored')).map((event) => event.targetId)).toEqual([trollId]);
    await t.http
      .post('/api/admin/users/root/suspend')
      .set(...auth(admin.token))
      .expect(422);
  });
});
