import { Comment } from '../../src/comments/entities/comment.entity.js';
import { ConduitClient, type RegisteredUser } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('comments', () => {
  let t: TestApp;
  let api: ConduitClient;
  let author: RegisteredUser;
  let commenter: RegisteredUser;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ConduitClient(t);
    author = await api.register('writer');
    commenter = await api.register('commenter');
    slug = (await api.createArticle(author, { title: 'Discussed' })).slug;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('adds a comment: 200 with id, dates, body and author profile', async () => {
    const response = await api.request('post', `/articles/${slug}/comments`, {
      token: commenter.token,
      body: { comment: { body: 'His name was my name too.' } },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      comment: {
        id: expect.any(Number),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        body: 'His name was my name too.',
        author: { username: 'commenter', bio: null, image: null, following: false },
      },
    });
    const stored = await t.dataSource
      .getRepository(Comment)
      .findOneByOrFail({ id: response.body.comment.id });
    expect(stored.body).toBe('His name was my name too.');
  });

  it('lists comments most recent first, with following from the viewer’s side', async () => {
    const other = await api.createArticle(author, { title: 'Listed' });
    const first = await api.request('post', `/articles/${other.slug}/comments`, {
      token: commenter.token,
      body: { comment: { body: 'first' } },
    });
    const second = await api.request('post', `/articles/${other.slug}/comments`, {
      token: author.token,
      body: { comment: { body: 'second' } },
    });
    await t.dataSource
      .getRepository(Comment)
      .update(first.body.comment.id, { createdAt: new Date(Date.UTC(2024, 0, 1)) });
    await api.request('post', '/profiles/commenter/follow', { token: author.token });

    const anonymous = await api.request('get', `/articles/${other.slug}/comments`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.comments.map((comment: { body: string }) => comment.body)).toEqual([
      'second',
      'first',
    ]);
    expect(anonymous.body.comments[1].author.following).toBe(false);

    const asAuthor = await api.request('get', `/articles/${other.slug}/comments`, {
      token: author.token,
    });
    expect(asAuthor.body.comments[1]).toMatchObject({
      id: first.body.comment.id,
      author: { username: 'commenter', following: true },
    });
    expect(second.body.comment.id).not.toBe(first.body.comment.id);
  });

  it('lists comments in a fixed number of queries whatever their number (no N+1)', async () => {
    const few = await api.createArticle(author, { title: 'Few comments' });
    const many = await api.createArticle(author, { title: 'Many comments' });
    await api.request('post', `/articles/${few.slug}/comments`, {
      token: commenter.token,
      body: { comment: { body: 'one' } },
    });
    for (let i = 0; i < 12; i++) {
      const writer = i % 2 === 0 ? commenter : author;
      await api.request('post', `/articles/${many.slug}/comments`, {
        token: writer.token,
        body: { comment: { body: `comment ${i}` } },
      });
    }
    const list = (slug: string) =>
      api.request('get', `/articles/${slug}/comments`, { token: author.token });
    const one = await t.countQueries(() => list(few.slug));
    const twelve = await t.countQueries(() => list(many.slug));
    expect(one.result.body.comments).toHaveLength(1);
    expect(twelve.result.body.comments).toHaveLength(12);
    expect(twelve.queries.length).toBe(one.queries.length);
  });

  it('answers an empty list for an article without comments and 404 for an unknown one', async () => {
    const quiet = await api.createArticle(author, { title: 'Quiet' });
    expect((await api.request('get', `/articles/${quiet.slug}/comments`)).body).toEqual({
      comments: [],
    });
    const missing = await api.request('get', '/articles/nope/comments');
    expect(missing.status).toBe(404);
    const add = await api.request('post', '/articles/nope/comments', {
      token: commenter.token,
      body: { comment: { body: 'x' } },
    });
    expect(add.status).toBe(404);
  });

  it('refuses an empty body with 422 and a missing token with 401', async () => {
    const blank = await api.request('post', `/articles/${slug}/comments`, {
      token: commenter.token,
      body: { comment: { body: '   ' } },
    });
    expect(blank.status).toBe(422);
    expect(blank.body).toEqual({ errors: { body: ["can't be blank"] } });
    const anonymous = await api.request('post', `/articles/${slug}/comments`, {
      body: { comment: { body: 'x' } },
    });
    expect(anonymous.status).toBe(401);
  });

  it('lets only the comment’s author delete it (204), others get 403', async () => {
    const created = await api.request('post', `/articles/${slug}/comments`, {
      token: commenter.token,
      body: { comment: { body: 'mine' } },
    });
    const id = created.body.comment.id;

    const byArticleAuthor = await api.request('delete', `/articles/${slug}/comments/${id}`, {
      token: author.token,
    });
    expect(byArticleAuthor.status).toBe(403);
    expect(await t.dataSource.getRepository(Comment).countBy({ id })).toBe(1);

    const byOwner = await api.request('delete', `/articles/${slug}/comments/${id}`, {
      token: commenter.token,
    });
    expect(byOwner.status).toBe(204);
    expect(byOwner.text).toBe('');
    expect(await t.dataSource.getRepository(Comment).countBy({ id })).toBe(0);
  });

  it('answers 404 for an unknown, malformed or foreign comment id', async () => {
    const elsewhere = await api.createArticle(author, { title: 'Elsewhere' });
    const foreign = await api.request('post', `/articles/${elsewhere.slug}/comments`, {
      token: commenter.token,
      body: { comment: { body: 'on another article' } },
    });
    for (const id of [
      '999999',
      'abc',
      '-1',
      '1.5',
      '99999999999999999999',
      String(foreign.body.comment.id),
    ]) {
      const response = await api.request('delete', `/articles/${slug}/comments/${id}`, {
        token: commenter.token,
      });
      expect(response.status, id).toBe(404);
      expect(response.body).toEqual({ errors: { comment: ['not found'] } });
    }
    expect(await t.dataSource.getRepository(Comment).countBy({ id: foreign.body.comment.id })).toBe(
      1,
    );
  });
});
