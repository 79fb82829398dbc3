import { createTestApp, type TestApp } from '../support/test-app.js';

interface Operation {
  summary?: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, unknown>;
}

/** Every route of the account system, with who may call it. */
const ROUTES: Array<[method: string, path: string, access: 'public' | 'user' | 'admin']> = [
  ['post', '/api/auth/refresh', 'public'],
  ['get', '/api/auth/sessions', 'user'],
  ['delete', '/api/auth/sessions/{id}', 'user'],
  ['post', '/api/auth/logout', 'user'],
  ['post', '/api/auth/logout-all', 'user'],
  ['post', '/api/auth/verify-email', 'public'],
  ['post', '/api/auth/resend-verification', 'user'],
  ['post', '/api/auth/forgot-password', 'public'],
  ['post', '/api/auth/reset-password', 'public'],
  ['post', '/api/auth/2fa/setup', 'user'],
  ['post', '/api/auth/2fa/enable', 'user'],
  ['post', '/api/auth/2fa/disable', 'user'],
  ['post', '/api/auth/2fa/verify', 'public'],
  ['get', '/api/user/export', 'user'],
  ['delete', '/api/user', 'user'],
  ['get', '/api/admin/users', 'admin'],
  ['put', '/api/admin/users/{username}/role', 'admin'],
  ['post', '/api/admin/users/{username}/suspend', 'admin'],
  ['post', '/api/admin/users/{username}/restore', 'admin'],
  ['get', '/api/admin/audit', 'admin'],
];

describe('Swagger documents every account route', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await createTestApp();
    paths = (await t.http.get('/docs-json').expect(200)).body.paths;
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(ROUTES)('%s %s', (method, path, access) => {
    const operation = paths[path]?.[method];
    expect(operation, `${method} ${path} is missing`).toBeDefined();
    expect(operation.summary).toEqual(expect.any(String));
    if (access === 'public') {
      expect(operation.security).toBeUndefined();
    } else {
      expect(operation.security).toEqual([{ Token: [] }]);
      expect(operation.responses['401']).toBeDefined();
    }
    if (access === 'admin') {
      expect(operation.responses['403']).toMatchObject({ description: 'Only for admin accounts' });
    }
  });
});
