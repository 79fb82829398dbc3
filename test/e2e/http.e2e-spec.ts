import { ConduitClient } from '../support/conduit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('HTTP behaviour', () => {
  let t: TestApp;
  let api: ConduitClient;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ConduitClient(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers CORS preflights for any origin by default', async () => {
    const response = await t.http
      .options('/api/articles')
      .set('Origin', 'http://localhost:4200')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'Content-Type, Authorization');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    expect(response.headers['access-control-allow-methods']).toContain('PUT');
    expect(response.headers['access-control-allow-headers']).toMatch(/Authorization/i);
    expect(response.headers['access-control-allow-headers']).toMatch(/Content-Type/i);

    const simple = await t.http.get('/api/tags').set('Origin', 'http://example.com');
    expect(simple.headers['access-control-allow-origin']).toBe('http://example.com');
  });

  it('sends security headers and no X-Powered-By', async () => {
    const response = await t.http.get('/api/tags');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await t.http.get('/api/no-such-route');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ errors: { route: [expect.stringContaining('Cannot GET')] } });
  });

  it('answers malformed JSON with 400 and a clear message', async () => {
    const response = await t.http
      .post('/api/users')
      .set('Content-Type', 'application/json')
      .send('{"user": {"email": ');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: { body: ['is not valid JSON'] } });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const user = await api.register('bigbody');
    const response = await t.http
      .post('/api/articles')
      .set('Authorization', `Token ${user.token}`)
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({ article: { title: 't', description: 'd', body: 'x'.repeat(1_100_000) } }),
      );
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ errors: { body: ['is too large'] } });
  });

  it('refuses an unsupported content type with 415', async () => {
    const response = await t.http
      .post('/api/users')
      .set('Content-Type', 'application/xml')
      .send('<user/>');
    expect(response.status).toBe(415);
    expect(response.body.errors.body).toEqual(['has an unsupported content type']);
  });

  it('treats JSON null, arrays and scalars as invalid bodies, not crashes', async () => {
    for (const body of [
      'null',
      '[]',
      '"text"',
      '42',
      '{"user": null}',
      '{"user": []}',
      '{"__proto__": {"x": 1}}',
    ]) {
      const response = await t.http
        .post('/api/users')
        .set('Content-Type', 'application/json')
        .send(body);
      expect(response.status, body).toBeGreaterThanOrEqual(400);
      expect(response.status, body).toBeLessThan(500);
      expect(response.body.errors, body).toBeDefined();
    }
  });

  it('serves the OpenAPI document with every RealWorld operation, schemas and the Token scheme', async () => {
    const response = await t.http.get('/docs-json');
    expect(response.status).toBe(200);
    const document = response.body;
    const operations = Object.entries(
      document.paths as Record<string, Record<string, { operationId: string }>>,
    )
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(
          ([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`,
        ),
      )
      .sort();
    const expected = [
      'POST /api/users/login Login',
      'POST /api/users CreateUser',
      'GET /api/user GetCurrentUser',
      'PUT /api/user UpdateCurrentUser',
      'GET /api/profiles/{username} GetProfileByUsername',
      'POST /api/profiles/{username}/follow FollowUserByUsername',
      'DELETE /api/profiles/{username}/follow UnfollowUserByUsername',
      'GET /api/articles/feed GetArticlesFeed',
      'GET /api/articles GetArticles',
      'POST /api/articles CreateArticle',
      'GET /api/articles/{slug} GetArticle',
      'PUT /api/articles/{slug} UpdateArticle',
      'DELETE /api/articles/{slug} DeleteArticle',
      'GET /api/articles/{slug}/comments GetArticleComments',
      'POST /api/articles/{slug}/comments CreateArticleComment',
      'DELETE /api/articles/{slug}/comments/{id} DeleteArticleComment',
      'POST /api/articles/{slug}/favorite CreateArticleFavorite',
      'DELETE /api/articles/{slug}/favorite DeleteArticleFavorite',
      'GET /api/tags GetTags',
    ];
    for (const operation of expected) expect(operations).toContain(operation);

    expect(document.components.securitySchemes.Token).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
    });
    expect(document.paths['/api/user'].get.security).toEqual([{ Token: [] }]);
    expect(document.paths['/api/articles'].get.security).toEqual([{ Token: [] }, {}]);
    expect(document.paths['/api/tags'].get.security).toBeUndefined();

    const schemas = document.components.schemas;
    expect(schemas.RegisterUserDto.required).toEqual(
      expect.arrayContaining(['username', 'email', 'password']),
    );
    expect(schemas.UserDto.required).toEqual(
      expect.arrayContaining(['email', 'token', 'username', 'bio', 'image']),
    );
    expect(schemas.ArticleDto.properties).toHaveProperty('body');
    expect(schemas.ArticleSummaryDto.properties).not.toHaveProperty('body');
    expect(schemas.ArticleListResponseDto.properties.articlesCount.type).toBe('number');
    expect(schemas.CreateArticleDto.properties.title.example).toBe('How to train your dragon');

    const createArticle = document.paths['/api/articles'].post;
    expect(createArticle.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CreateArticleRequestDto',
    );
    expect(createArticle.responses['201'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ArticleResponseDto',
    );
    expect(createArticle.responses['422']).toBeDefined();
    expect(document.paths['/api/articles/{slug}'].delete.responses['204']).toBeDefined();
  });

  it('answers health probes outside the /api prefix, without authentication', async () => {
    const live = await t.http.get('/health');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok' });
    expect((await t.http.get('/api/health')).status).toBe(404);
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await t.http.get('/docs/').redirects(1);
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger-ui');
  });
});
