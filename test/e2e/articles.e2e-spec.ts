import { Article } from '../../src/articles/entities/article.entity.js';
import { Favorite } from '../../src/articles/entities/favorite.entity.js';
import { Comment } from '../../src/comments/entities/comment.entity.js';
import { ArticleTag } from '../../src/tags/entities/article-tag.entity.js';
import { ConduitClient, type RegisteredUser } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('articles', () => {
  let t: TestApp;
  let api: ConduitClient;
  let author: RegisteredUser;
  let reader: RegisteredUser;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ConduitClient(t);
    author = await api.register('author');
    reader = await api.register('reader');
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('create and read', () => {
    it('creates an article: 201, slug from the title, sorted unique tags, ISO dates', async () => {
      const response = await api.request('post', '/articles', {
        token: author.token,
        body: {
          article: {
            title: 'How to train your dragon',
            description: 'Ever wonder how?',
            body: 'You have to believe',
            tagList: ['training', 'dragons', ' dragons ', ''],
            slug: 'ignored',
            favoritesCount: 99,
          },
        },
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        article: {
          slug: 'how-to-train-your-dragon',
          title: 'How to train your dragon',
          description: 'Ever wonder how?',
          body: 'You have to believe',
          tagList: ['dragons', 'training'],
          createdAt: expect.stringMatching(ISO_8601),
          updatedAt: expect.stringMatching(ISO_8601),
          favorited: false,
          favoritesCount: 0,
          author: { username: 'author', bio: null, image: null, following: false },
        },
      });
      const stored = await t.dataSource
        .getRepository(Article)
        .findOneByOrFail({ slug: 'how-to-train-your-dragon' });
      expect(stored.favoritesCount).toBe(0);
      expect(await t.dataSource.getRepository(ArticleTag).countBy({ articleId: stored.id })).toBe(
        2,
      );
    });

    it('gives a second article with the same title its own slug', async () => {
      const first = await api.createArticle(author, { title: 'Same Title' });
      const second = await api.createArticle(author, { title: 'Same Title' });
      expect(first.slug).toBe('same-title');
      expect(second.slug).toMatch(/^same-title-[0-9a-z]{6}$/);
    });

    it('reads an article anonymously, with its body', async () => {
      const created = await api.createArticle(author, { title: 'Readable', body: 'The body' });
      const response = await api.request('get', `/articles/${created.slug}`);
      expect(response.status).toBe(200);
      expect(response.body.article).toMatchObject({
        slug: 'readable',
        body: 'The body',
        favorited: false,
      });
    });

    it('answers 404 for an unknown slug', async () => {
      const response = await api.request('get', '/articles/no-such-article');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ errors: { article: ['not found'] } });
    });

    it.each([
      [{ description: 'd', body: 'b' }, 'title', "can't be blank"],
      [{ title: '   ', description: 'd', body: 'b' }, 'title', "can't be blank"],
      [
        { title: 't', description: 'd', body: 'b', tagList: 'dragons' },
        'tagList',
        'must be an array of strings',
      ],
      [
        { title: 't', description: 'd', body: 'b', tagList: [1, 2] },
        'tagList',
        'must be an array of strings',
      ],
      [
        { title: 't', description: 'd', body: 'b', tagList: ['x'.repeat(65)] },
        'tagList',
        'has a tag that is too long (maximum is 64 characters)',
      ],
      [
        { title: 'x'.repeat(256), description: 'd', body: 'b' },
        'title',
        'is too long (maximum is 255 characters)',
      ],
      [
        { title: 't', description: 'd', body: 'é'.repeat(40_000) },
        'body',
        'is too long (maximum is 65535 bytes)',
      ],
    ])('refuses %j with 422 on %s', async (article, field, message) => {
      const before = await t.dataSource.getRepository(Article).count();
      const response = await api.request('post', '/articles', {
        token: author.token,
        body: { article },
      });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ errors: { [field]: [message] } });
      expect(await t.dataSource.getRepository(Article).count()).toBe(before);
    });

    it('requires a token to create', async () => {
      const response = await api.request('post', '/articles', {
        body: { article: { title: 't', description: 'd', body: 'b' } },
      });
      expect(response.status).toBe(401);
    });
  });

  describe('update and delete', () => {
    it('lets the author update; a new title gives a new slug and the old one is gone', async () => {
      const created = await api.createArticle(author, { title: 'Old title', tagList: ['keep'] });
      const response = await api.request('put', `/articles/${created.slug}`, {
        token: author.token,
        body: { article: { title: 'New title', body: 'New body' } },
      });
      expect(response.status).toBe(200);
      expect(response.body.article).toMatchObject({
        slug: 'new-title',
        title: 'New title',
        description: created.description,
        body: 'New body',
        tagList: ['keep'],
      });
      expect(new Date(response.body.article.updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(created.updatedAt as string).getTime(),
      );
      expect((await api.request('get', '/articles/old-title')).status).toBe(404);
      expect((await api.request('get', '/articles/new-title')).status).toBe(200);
    });

    it('keeps the slug when only the body changes', async () => {
      const created = await api.createArticle(author, { title: 'Stable slug' });
      const response = await api.request('put', `/articles/${created.slug}`, {
        token: author.token,
        body: { article: { description: 'changed' } },
      });
      expect(response.status).toBe(200);
      expect(response.body.article.slug).toBe('stable-slug');
      expect(response.body.article.description).toBe('changed');
    });

    it('refuses updates and deletes by someone else with 403, leaving the article as it was', async () => {
      const created = await api.createArticle(author, { title: 'Not yours' });
      const update = await api.request('put', `/articles/${created.slug}`, {
        token: reader.token,
        body: { article: { title: 'Hijacked' } },
      });
      expect(update.status).toBe(403);
      expect(update.body).toEqual({ errors: { article: ['only the author may change it'] } });
      const remove = await api.request('delete', `/articles/${created.slug}`, {
        token: reader.token,
      });
      expect(remove.status).toBe(403);
      const stored = await t.dataSource
        .getRepository(Article)
        .findOneByOrFail({ slug: created.slug });
      expect(stored.title).toBe('Not yours');
    });

    it('refuses a null title on update', async () => {
      const created = await api.createArticle(author);
      const response = await api.request('put', `/articles/${created.slug}`, {
        token: author.token,
        body: { article: { title: null } },
      });
      expect(response.status).toBe(422);
      expect(response.body.errors.title).toEqual(["can't be blank"]);
    });

    it('deletes with 204 and no body, taking comments, favorites and tag links along', async () => {
      const created = await api.createArticle(author, { title: 'Doomed', tagList: ['doom'] });
      await api.request('post', `/articles/${created.slug}/favorite`, { token: reader.token });
      await api.request('post', `/articles/${created.slug}/comments`, {
        token: reader.token,
        body: { comment: { body: 'Nice' } },
      });
      const id = (await t.dataSource.getRepository(Article).findOneByOrFail({ slug: 'doomed' })).id;

      const response = await api.request('delete', `/articles/${created.slug}`, {
        token: author.token,
      });
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      expect(await t.dataSource.getRepository(Article).countBy({ id })).toBe(0);
      expect(await t.dataSource.getRepository(Favorite).countBy({ articleId: id })).toBe(0);
      expect(await t.dataSource.getRepository(Comment).countBy({ articleId: id })).toBe(0);
      expect(await t.dataSource.getRepository(ArticleTag).countBy({ articleId: id })).toBe(0);
      expect(
        (await api.request('delete', `/articles/${created.slug}`, { token: author.token })).status,
      ).toBe(404);
    });
  });

  describe('favorites', () => {
    it('favorites and unfavorites idempotently, per viewer, without touching updatedAt', async () => {
      const created = await api.createArticle(author, { title: 'Lovable' });
      const favorited = await t.http
        .post(`/api/articles/${created.slug}/favorite`)
        .set('Authorization', `Token ${reader.token}`)
        .set('Content-Type', 'application/json');
      expect(favorited.status).toBe(200);
      expect(favorited.body.article).toMatchObject({ favorited: true, favoritesCount: 1 });
      expect(favorited.body.article.updatedAt).toBe(created.updatedAt);

      const again = await api.request('post', `/articles/${created.slug}/favorite`, {
        token: reader.token,
      });
      expect(again.body.article.favoritesCount).toBe(1);

      const asAuthor = await api.request('get', `/articles/${created.slug}`, {
        token: author.token,
      });
      expect(asAuthor.body.article).toMatchObject({ favorited: false, favoritesCount: 1 });

      const removed = await api.request('delete', `/articles/${created.slug}/favorite`, {
        token: reader.token,
      });
      expect(removed.status).toBe(200);
      expect(removed.body.article).toMatchObject({ favorited: false, favoritesCount: 0 });
      const removedAgain = await api.request('delete', `/articles/${created.slug}/favorite`, {
        token: reader.token,
      });
      expect(removedAgain.body.article.favoritesCount).toBe(0);
      const stored = await t.dataSource
        .getRepository(Article)
        .findOneByOrFail({ slug: created.slug });
      expect(stored.favoritesCount).toBe(0);
    });

    it('counts exactly 20 when 20 users favorite the same article at once', async () => {
      const created = await api.createArticle(author, { title: 'Popular' });
      const fans = await Promise.all(Array.from({ length: 20 }, (_, i) => api.register(`fan${i}`)));
      const responses = await Promise.all(
        fans.map((fan) =>
          api.request('post', `/articles/${created.slug}/favorite`, { token: fan.token }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));

      const article = await api.request('get', `/articles/${created.slug}`);
      expect(article.body.article.favoritesCount).toBe(20);
      const stored = await t.dataSource
        .getRepository(Article)
        .findOneByOrFail({ slug: created.slug });
      expect(stored.favoritesCount).toBe(20);
      expect(await t.dataSource.getRepository(Favorite).countBy({ articleId: stored.id })).toBe(20);
    });

    it('counts once when one user favorites the same article many times at once', async () => {
      const created = await api.createArticle(author, { title: 'Clicked twice' });
      await Promise.all(
        Array.from({ length: 5 }, () =>
          api.request('post', `/articles/${created.slug}/favorite`, { token: reader.token }),
        ),
      );
      const stored = await t.dataSource
        .getRepository(Article)
        .findOneByOrFail({ slug: created.slug });
      expect(stored.favoritesCount).toBe(1);
    });

    it('answers 404 for an unknown slug and 401 without a token', async () => {
      expect(
        (await api.request('post', '/articles/nope/favorite', { token: reader.token })).status,
      ).toBe(404);
      expect((await api.request('post', '/articles/nope/favorite')).status).toBe(401);
    });
  });
});
