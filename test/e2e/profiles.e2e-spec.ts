import { Follow } from '../../src/profiles/entities/follow.entity.js';
import { ConduitClient, type RegisteredUser } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('profiles and follows', () => {
  let t: TestApp;
  let api: ConduitClient;
  let jake: RegisteredUser;
  let anna: RegisteredUser;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ConduitClient(t);
    jake = await api.register('jake');
    anna = await api.register('anna');
    await api.request('put', '/user', {
      token: anna.token,
      body: { user: { bio: 'Hi, I am Anna' } },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows a profile to anonymous callers, never following', async () => {
    const response = await api.request('get', '/profiles/anna');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      profile: { username: 'anna', bio: 'Hi, I am Anna', image: null, following: false },
    });
  });

  it('answers 404 for an unknown username', async () => {
    const response = await api.request('get', '/profiles/nobody-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ errors: { profile: ['not found'] } });
    const follow = await api.request('post', '/profiles/nobody-here/follow', { token: jake.token });
    expect(follow.status).toBe(404);
  });

  it('follows and unfollows, idempotently, with an empty JSON body as Conduit clients send it', async () => {
    const followed = await t.http
      .post('/api/profiles/anna/follow')
      .set('Authorization', `Token ${jake.token}`)
      .set('Content-Type', 'application/json');
    expect(followed.status).toBe(200);
    expect(followed.body.profile).toEqual({
      username: 'anna',
      bio: 'Hi, I am Anna',
      image: null,
      following: true,
    });

    const again = await api.request('post', '/profiles/anna/follow', { token: jake.token });
    expect(again.status).toBe(200);
    expect(await t.dataSource.getRepository(Follow).count()).toBe(1);

    const seen = await api.request('get', '/profiles/anna', { token: jake.token });
    expect(seen.body.profile.following).toBe(true);
    const seenByAnon = await api.request('get', '/profiles/anna');
    expect(seenByAnon.body.profile.following).toBe(false);

    const unfollowed = await api.request('delete', '/profiles/anna/follow', { token: jake.token });
    expect(unfollowed.status).toBe(200);
    expect(unfollowed.body.profile.following).toBe(false);
    const unfollowedAgain = await api.request('delete', '/profiles/anna/follow', {
      token: jake.token,
    });
    expect(unfollowedAgain.status).toBe(200);
    expect(await t.dataSource.getRepository(Follow).count()).toBe(0);
  });

  it('refuses following yourself', async () => {
    const response = await api.request('post', '/profiles/jake/follow', { token: jake.token });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ errors: { username: ['cannot follow yourself'] } });
  });

  it('requires a token to follow', async () => {
    const response = await api.request('post', '/profiles/anna/follow');
    expect(response.status).toBe(401);
    const unfollow = await api.request('delete', '/profiles/anna/follow');
    expect(unfollow.status).toBe(401);
  });

  it('finds usernames with URL-escaped characters', async () => {
    await api.register('dot.ted_user-1');
    const response = await api.request('get', `/profiles/${encodeURIComponent('dot.ted_user-1')}`);
    expect(response.status).toBe(200);
    expect(response.body.profile.username).toBe('dot.ted_user-1');
  });
});
