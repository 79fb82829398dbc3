import { createTestApp, type TestApp } from '../support/test-app.js';

describe('API docs for jobs and notifications', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
  let schemas: Record<string, { properties?: Record<string, unknown> }>;

  beforeAll(async () => {
    t = await createTestApp();
    const docs = await t.http.get('/docs-json').expect(200);
    paths = docs.body.paths;
    schemas = docs.body.components.schemas;
  });

  afterAll(async () => {
    await t?.close();
  });

  // Summaries come from JSDoc through the CLI plugin in `nest build`; here, the routes themselves.
  it('documents every new route', () => {
    const routes = [
      ['/api/admin/jobs', 'get'],
      ['/api/admin/jobs/{id}/retry', 'post'],
      ['/api/user/notifications', 'get'],
      ['/api/user/notifications', 'put'],
      ['/api/notifications/unsubscribe', 'get'],
      ['/api/notifications/unsubscribe', 'post'],
    ];
    for (const [path, method] of routes) {
      expect(paths[path]?.[method]?.operationId, `${method} ${path}`).toBeTruthy();
    }
    expect(paths['/api/admin/jobs'].get.security).toEqual([{ Token: [] }]);
    expect(paths['/api/notifications/unsubscribe'].post.security).toBeUndefined();
  });

  it('describes the request and response bodies', () => {
    expect(Object.keys(schemas.JobDto.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'name', 'status', 'attempts', 'lastError']),
    );
    expect(schemas.JobDto.properties).not.toHaveProperty('payload');
    expect(Object.keys(schemas.NotificationPreferencesDto.properties ?? {})).toEqual([
      'newFollower',
      'newComment',
      'followedAuthorArticles',
    ]);
    expect(schemas.UpdateNotificationPreferencesRequestDto.properties).toHaveProperty(
      'notifications',
    );
  });
});
