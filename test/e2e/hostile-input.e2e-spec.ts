import { ConduitClient, type RegisteredUser } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Odd, wrong-typed and oversized inputs on every operation: each must get a 4xx, never a 500. */
describe('hostile input', () => {
  let t: TestApp;
  let api: ConduitClient;
  let user: RegisteredUser;
  let slug: string;

  const junkBodies: unknown[] = [
    {},
    { user: 'x', article: 'x', comment: 'x' },
    { user: { email: { $gt: '' }, password: { $ne: null } } },
    { article: { title: ['a'], description: {}, body: 1, tagList: [null, {}, []] } },
    { comment: { body: ['x'] } },
    {
      user: {
        username: 'a'.repeat(10_000),
        email: `${'a'.repeat(10_000)}@x.io`,
        password: 'p'.repeat(10_000),
      },
    },
    {
      article: {
        title: '\u0000\u202e',
        description: '<script>',
        body: 'x',
        tagList: Array(1000).fill('t'),
      },
    },
    { constructor: { prototype: { polluted: true } } },
  ];

  const junkSegments = [
    '%00',
    '%25',
    '..%2f..%2fetc',
    'a'.repeat(2000),
    "'; DROP TABLE users; --",
    '%F0%9F%92%A9',
    ' ',
  ];

  beforeAll(async () => {
    t = await createTestApp();
    api = new ConduitClient(t);
    user = await api.register('target');
    slug = (await api.createArticle(user, { title: 'Target article' })).slug;
  });

  afterAll(async () => {
    await t?.close();
  });

  const operations = (segment: string): [string, string][] => [
    ['post', '/users'],
    ['post', '/users/login'],
    ['put', '/user'],
    ['get', `/profiles/${segment}`],
    ['post', `/profiles/${segment}/follow`],
    ['delete', `/profiles/${segment}/follow`],
    ['get', `/articles/${segment}`],
    ['put', `/articles/${segment}`],
    ['delete', `/articles/${segment}`],
    ['post', `/articles/${segment}/favorite`],
    ['delete', `/articles/${segment}/favorite`],
    ['get', `/articles/${segment}/comments`],
    ['post', `/articles/${segment}/comments`],
    ['delete', `/articles/${slug}/comments/${segment}`],
    ['post', '/articles'],
    ['put', `/articles/${slug}`],
    ['post', `/articles/${slug}/comments`],
  ];

  it('answers every junk body with a 4xx', async () => {
    for (const [method, path] of operations('target')) {
      for (const body of junkBodies) {
        const response = await api.request(method as 'post', path, { token: user.token, body });
        expect(
          response.status,
          `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`,
        ).toBeLessThan(500);
      }
    }
  });

  it('answers every junk path segment with a 4xx', async () => {
    for (const segment of junkSegments) {
      for (const [method, path] of operations(segment)) {
        const response = await t.http[method as 'get'](`/api${path}`)
          .set('Authorization', `Token ${user.token}`)
          .send({ article: { title: 'x' } });
        expect(response.status, `${method} ${path.slice(0, 80)}`).toBeLessThan(500);
      }
    }
  });

  it('answers junk query strings with a 2xx or 4xx', async () => {
    for (const query of [
      'limit=1e309',
      'offset=9007199254740993',
      'limit[$gt]=1',
      'tag=%00',
      'author=' + 'a'.repeat(5000),
      '%',
    ]) {
      const response = await t.http.get(`/api/articles?${query}`);
      expect(response.status, query).toBeLessThan(500);
    }
  });

  it('refuses NUL characters anywhere in the input with 422', async () => {
    const body = await api.request('post', '/articles', {
      token: user.token,
      body: { article: { title: 'a\u0000b', description: 'd', body: 'b' } },
    });
    expect(body.status).toBe(422);
    expect(body.body).toEqual({ errors: { title: ['must not contain NUL characters'] } });
    expect((await t.http.get('/api/profiles/a%00b')).status).toBe(422);
    expect((await t.http.get('/api/articles?tag=%00')).status).toBe(422);
  });

  it("cannot touch someone else's article or pollute prototypes", async () => {
    const owner = await api.register('owner');
    const theirs = await api.createArticle(owner, { title: 'Not the target' });
    for (const body of junkBodies) {
      const response = await api.request('put', `/articles/${theirs.slug}`, {
        token: user.token,
        body,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    const article = await api.request('get', `/articles/${theirs.slug}`);
    expect(article.body.article.title).toBe('Not the target');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
