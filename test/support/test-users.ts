import type { TestApp } from './test-app.js';

export interface TestUser {
  username: string;
  email: string;
  token: string;
  /** `Authorization` header value. */
  auth: string;
}

/** Registers a user through the API, with an e-mail derived from the username. */
export async function registerUser(t: TestApp, username: string): Promise<TestUser> {
  const email = `${username}@example.com`;
  const response = await t.http
    .post('/api/users')
    .send({ user: { username, email, password: 'password123' } })
    .expect(201);
  const token: string = response.body.user.token;
  return { username, email, token, auth: `Token ${token}` };
}

/** `follower` follows `username` through the API. */
export async function follow(t: TestApp, follower: TestUser, username: string): Promise<void> {
  await t.http
    .post(`/api/profiles/${username}/follow`)
    .set('Authorization', follower.auth)
    .expect(200);
}
