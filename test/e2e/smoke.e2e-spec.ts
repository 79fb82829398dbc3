import { createTestApp, type TestApp } from '../support/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers, creates and lists', async () => {
    const reg = await t.http.post('/api/users').send({
      user: {
        username: 'jake',
        email: 'Jake@Jake.jake',
        password: 'jakejake',
      },
    });
    console.log(reg.status, reg.body);
    const token = reg.body.user.token;
    const art = await t.http
      .post('/api/articles')
      .set('Authorization', `Token ${token}`)
      .send({
        article: {
          title: 'How to train',
          description: 'd',
          body: 'b',
          tagList: ['z', 'a'],
        },
      });
    console.log(art.status, JSON.stringify(art.body));
    const fav = await t.http
      .post(`/api/articles/${art.body.article.slug}/favorite`)
      .set('Authorization', `Token ${token}`)
      .set('Content-Type', 'application/json');
    console.log(fav.status, JSON.stringify(fav.body));
    const list = await t.http.get('/api/articles?limit=abc');
    console.log(list.status, JSON.stringify(list.body));
    const list2 = await t.http.get('/api/articles').set('Authorization', `Token ${token}`);
    console.log(list2.status, JSON.stringify(list2.body));
    const bad = await t.http
      .post('/api/users')
      .send({ user: { username: 123, email: 'x', password: null } });
    console.log(bad.status, JSON.stringify(bad.body));
    const docs = await t.http.get('/docs-json');
    console.log(docs.status, JSON.stringify(docs.body.components.schemas.UserDto));
    const c = await t.http
      .post(`/api/articles/${art.body.article.slug}/comments`)
      .set('Authorization', `Token ${token}`)
      .send({ comment: { body: 'hi' } });
    console.log(c.status, JSON.stringify(c.body));
    const tags = await t.http.get('/api/tags');
    console.log(tags.status, JSON.stringify(tags.body), tags.headers);
  });
});
