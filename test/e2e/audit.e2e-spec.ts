import { AdminService } from '../../src/admin/admin.service.js';
import { auth, logIn, PASSWORD, signUp, type SignedInUser } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('audit log', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let startedAt: string;

  beforeAll(async () => {
    t = await createTestApp();
    startedAt = new Date(Date.now() - 2000).toISOString();
    admin = await signUp(t, 'auditor');
    await t.app.get(AdminService).grantAdmin('auditor@example.com');
    await signUp(t, 'subject');
    await t.http
      .post('/api/users/login')
      .set('User-Agent', 'curl/8.5')
      .send({ user: { email: 'subject@example.com', password: 'not the password' } })
      .expect(401);
    await t.http
      .post('/api/users/login')
      .send({ user: { email: 'ghost@example.com', password: PASSWORD } })
      .expect(401);
    await logIn(t, 'subject');
    await t.http
      .put('/api/admin/users/subject/role')
      .set(...auth(admin.token))
      .send({ role: 'moderator' })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = (query: string) =>
    t.http
      .get(`/api/admin/audit${query}`)
      .set(...auth(admin.token))
      .expect(200);

  it('records failed and successful logins with IP and user agent, never secrets', async () => {
    const failed = await list('?action=login.failed');
    expect(failed.body.eventsCount).toBe(2);
    const [unknown, wrong] = failed.body.events;
    expect(wrong).toEqual({
      id: expect.any(Number),
      action: 'login.failed',
      actor: null,
      target: 'subject',
      ip: expect.any(String),
      userAgent: 'curl/8.5',
      detail: 'wrong password',
      createdAt: expect.any(String),
    });
    expect(unknown).toMatchObject({ target: null, detail: 'unknown email' });
    expect(JSON.stringify(failed.body)).not.toContain(PASSWORD);

    // Every session opened is a login, registration included.
    const succeeded = await list('?action=login.succeeded&target=subject');
    expect(succeeded.body.events).toMatchObject([
      { actor: 'subject', target: 'subject', detail: 'password' },
      { actor: 'subject', target: 'subject', detail: 'registration' },
    ]);
  });

  it('filters by actor, target and time, most recent first, with pagination', async () => {
    const byAdmin = await list('?actor=auditor');
    expect(byAdmin.body.events.map((e: { action: string }) => e.action)).toEqual([
      'user.role_changed',
      'login.succeeded',
    ]);
    expect(byAdmin.body.events[0]).toMatchObject({
      target: 'subject',
      detail: 'user -> moderator',
    });
    // The create-admin path audits a role change with no actor.
    const all = await list('?target=auditor');
    expect(all.body.events[0]).toMatchObject({ actor: null, detail: 'user -> admin (cli)' });

    const everything = await list('');
    const page = await list('?limit=2&offset=1');
    expect(page.body.eventsCount).toBe(everything.body.eventsCount);
    expect(page.body.events).toEqual(everything.body.events.slice(1, 3));
    const times = everything.body.events.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await list(`?since=${future}`)).body.eventsCount).toBe(0);
    expect((await list(`?since=${startedAt}&until=${future}`)).body.eventsCount).toBe(
      everything.body.eventsCount,
    );
    expect((await list(`?until=${startedAt}`)).body.eventsCount).toBe(0);
  });

  it('rejects bad filters with 422 and non-admins with 401/403', async () => {
    await t.http
      .get('/api/admin/audit?action=nope')
      .set(...auth(admin.token))
      .expect(422);
    await t.http
      .get('/api/admin/audit?since=yesterday')
      .set(...auth(admin.token))
      .expect(422);
    await t.http.get('/api/admin/audit').expect(401);
    const moderator = await logIn(t, 'subject');
    await t.http
      .get('/api/admin/audit')
      .set(...auth(moderator.token))
      .expect(403);
  });

  it('never fails a request because the audit log cannot be written', async () => {
    await t.dataSource.query(`DROP TABLE ${t.dataSource.driver.escape('audit_events')}`);
    await logIn(t, 'subject');
    await t.http
      .post('/api/users/login')
      .send({ user: { email: 'subject@example.com', password: 'wrong again' } })
      .expect(401);
  });
});
