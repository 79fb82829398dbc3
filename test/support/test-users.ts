import { ConduitClient, type RegisteredUser } from './conduit.js';
import type { TestApp } from './test-app.js';

export interface TestUser extends RegisteredUser {
  /** `Authorization` header value. */
  auth: string;
}

/** Registers a user through the API (`ConduitClient`), e-mail `<username>@example.com`. */
export async function registerUser(t: TestApp, username: string): Promise<TestUser> {
  const user = await new ConduitClient(t).register(username);
  return { ...user, auth: `Token ${user.token}` };
}

/** `follower` follows `username` through the API. */
export async function follow(t: TestApp, follower: TestUser, username: string): Promise<void> {
  await t.http
    .post(`/api/profiles/${username}/follow`)
    .set('Authorization', follower.auth)
    .expect(200);
}
