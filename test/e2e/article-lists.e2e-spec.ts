import { Article } from '../../src/articles/entities/article.entity.js';
import { ConduitClient, type RegisteredUser } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Lists, filters, pagination and the feed, on a fixed data set:
 * alice wrote a1..a6 (tag "even" on even ones, "all" on all),
 * bob wrote b1..b3, carol favorited a2 and b1 and follows bob.
 */
describe('article lists and feed', () => {
  let t: TestApp;
  let api: ConduitClient;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let carol: RegisteredUser;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ConduitClient(t);
    [alice, bob, carol] = [
      await api.register('alice'),
      await api.register('bob'),
      await api.register('carol'),
    ];
    for (let i = 1; i <= 6; i++) {
      await api.createArticle(alice, {
        title: `a${i}`,
        tagList: i % 2 === 0 ? ['all', 'even'] : ['all'],
      });
    }
    for (let i = 1; i <= 3; i++) await api.createArticle(bob, { title: `b${i}`, tagList: ['bob'] });
    await api.request('post', '/articles/a2/favorite', { token: carol.token });
    await api.request('post', '/articles/b1/favorite', { token: carol.token });
    await api.request('post', '/profiles/bob/follow', { token: carol.token });

    // SQLite stores seconds; spread creation times so "most recent first" is unambiguous everywhere.
    const articles = t.dataSource.getRepository(Article);
    const ordered = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2', 'b3'];
    for (const [index, slug] of ordered.entries()) {
      await articles.update({ slug }, { createdAt: new Date(Date.UTC(2024, 0, 1, 0, index)) });
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  const slugs = (body: { articles: { slug: string }[] }) =>
    body.articles.map((article) => article.slug);

  it('lists every article, most recent first, without bodies, counting all matches', async () => {
    const response = await api.request('get', '/articles');
    expect(response.status).toBe(200);
    expect(slugs(response.body)).toEqual(['b3', 'b2', 'b1', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
    expect(response.body.articlesCount).toBe(9);
    for (const article of response.body.articles) {
      expect(article).not.toHaveProperty('body');
      expect(Object.keys(article).sort()).toEqual(
        [
          'author',
          'createdAt',
          'description',
          'favorited',
          'favoritesCount',
          'slug',
          'tagList',
          'title',
          'updatedAt',
        ].sort(),
      );
    }
  });

  it('pages with limit and offset while articlesCount stays the total', async () => {
    const page = await api.request('get', '/articles?limit=2&offset=3');
    expect(slugs(page.body)).toEqual(['a6', 'a5']);
    expect(page.body.articlesCount).toBe(9);
    const beyond = await api.request('get', '/articles?offset=50');
    expect(beyond.body).toEqual({ articles: [], articlesCount: 9 });
  });

  it('filters by tag, author and favorited, alone and combined', async () => {
    const byTag = await api.request('get', '/articles?tag=even');
    expect(slugs(byTag.body)).toEqual(['a6', 'a4', 'a2']);
    expect(byTag.body.articlesCount).toBe(3);
    expect(byTag.body.articles[0].tagList).toEqual(['all', 'even']);

    const byAuthor = await api.request('get', '/articles?author=bob');
    expect(slugs(byAuthor.body)).toEqual(['b3', 'b2', 'b1']);

    const byFan = await api.request('get', '/articles?favorited=carol');
    expect(slugs(byFan.body)).toEqual(['b1', 'a2']);
    expect(
      byFan.body.articles.map((article: { favoritesCount: number }) => article.favoritesCount),
    ).toEqual([1, 1]);

    const combined = await api.request('get', '/articles?tag=all&author=alice&favorited=carol');
    expect(slugs(combined.body)).toEqual(['a2']);
    expect(combined.body.articlesCount).toBe(1);

    const none = await api.request('get', '/articles?author=nobody');
    expect(none.body).toEqual({ articles: [], articlesCount: 0 });
  });

  it('marks favorited and following from the viewer’s point of view', async () => {
    const response = await api.request('get', '/articles?limit=100', { token: carol.token });
    const bySlug = new Map(
      response.body.articles.map((article: { slug: string }) => [article.slug, article]),
    );
    expect(bySlug.get('a2')).toMatchObject({
      favorited: true,
      author: { username: 'alice', following: false },
    });
    expect(bySlug.get('b1')).toMatchObject({
      favorited: true,
      author: { username: 'bob', following: true },
    });
    expect(bySlug.get('b2')).toMatchObject({ favorited: false, author: { following: true } });
  });

  it('shows the feed: articles by followed authors only, most recent first', async () => {
    const feed = await api.request('get', '/articles/feed', { token: carol.token });
    expect(feed.status).toBe(200);
    expect(slugs(feed.body)).toEqual(['b3', 'b2', 'b1']);
    expect(feed.body.articlesCount).toBe(3);
    expect(feed.body.articles[2]).toMatchObject({ favorited: true, author: { following: true } });

    const paged = await api.request('get', '/articles/feed?limit=1&offset=1', {
      token: carol.token,
    });
    expect(slugs(paged.body)).toEqual(['b2']);
    expect(paged.body.articlesCount).toBe(3);

    const empty = await api.request('get', '/articles/feed', { token: alice.token });
    expect(empty.body).toEqual({ articles: [], articlesCount: 0 });
  });

  it('requires a token for the feed', async () => {
    expect((await api.request('get', '/articles/feed')).status).toBe(401);
  });

  it.each([
    ['limit=abc', 'limit', 'must be an integer'],
    ['limit=1.5', 'limit', 'must be an integer'],
    ['limit=0', 'limit', 'must be at least 1'],
    ['limit=-5', 'limit', 'must be at least 1'],
    ['limit=101', 'limit', 'must be at most 100'],
    ['offset=-1', 'offset', 'must not be negative'],
    ['offset=x', 'offset', 'must be an integer'],
    ['limit=1&limit=2', 'limit', 'must be an integer'],
    ['tag=a&tag=b', 'tag', 'must be a string'],
  ])('refuses ?%s with 422', async (query, field, message) => {
    const response = await api.request('get', `/articles?${query}`);
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ errors: { [field]: [message] } });
    const feed = await api.request('get', `/articles/feed?${query}`, { token: carol.token });
    expect(feed.status).toBe(field === 'tag' ? 200 : 422);
  });

  it('runs a fixed number of queries whatever the page size (no N+1)', async () => {
    const small = await t.countQueries(() =>
      api.request('get', '/articles?limit=1', { token: carol.token }),
    );
    const large = await t.countQueries(() =>
      api.request('get', '/articles?limit=100', { token: carol.token }),
    );
    expect(small.result.body.articles).toHaveLength(1);
    expect(large.result.body.articles).toHaveLength(9);
    expect(large.queries.length).toBe(small.queries.length);
    expect(large.queries.length).toBeLessThanOrEqual(5);

    const feedSmall = await t.countQueries(() =>
      api.request('get', '/articles/feed?limit=1', { token: carol.token }),
    );
    const feedLarge = await t.countQueries(() =>
      api.request('get', '/articles/feed', { token: carol.token }),
    );
    expect(feedLarge.queries.length).toBe(feedSmall.queries.length);
  });

  it('lists tags in use, most used first', async () => {
    const response = await api.request('get', '/tags');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ tags: ['all', 'bob', 'even'] });
  });
});
