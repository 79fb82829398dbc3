import { PasswordHasher } from '../../src/auth/password-hasher.js';
import { createTestApp } from '../support/test-app.js';

describe('shutdown', () => {
  it('lets an in-flight request finish, then stops accepting connections', async () => {
    const t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();

    // Hold a registration inside the service until shutdown has begun.
    const hasher = t.app.get(PasswordHasher);
    const hash = hasher.hash.bind(hasher);
    let arrived!: () => void;
    let release!: () => void;
    const inService = new Promise<void>((resolve) => (arrived = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(hasher, 'hash').mockImplementation(async (password) => {
      arrived();
      await gate;
      return hash(password);
    });

    const inFlight = fetch(`${url}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        user: { username: 'late', email: 'late@example.com', password: 'password1' },
      }),
    });
    await inService;
    const closing = t.close();
    release();

    const response = await inFlight;
    expect(response.status).toBe(201);
    expect((await response.json()).user.username).toBe('late');
    await closing;
    await expect(fetch(`${url}/api/tags`)).rejects.toThrow();
    expect(t.dataSource.isInitialized).toBe(false);
  });
});

describe('readiness', () => {
  it('answers 503 once the database is gone, while liveness stays 200', async () => {
    const t = await createTestApp();
    try {
      await t.dataSource.destroy();
      const ready = await t.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ errors: { service: ['database unavailable'] } });
      expect((await t.http.get('/health')).status).toBe(200);
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
