import { generate } from 'otplib';
import { User } from '../../src/users/entities/user.entity.js';
import { ConduitClient, PASSWORD } from './conduit.js';
import type { TestApp } from './test-app.js';

export interface SignedInUser {
  username: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
  /** The raw `Set-Cookie` header of the response. */
  setCookie: string[];
}

export { PASSWORD };

export function auth(token: string): [string, string] {
  return ['Authorization', `Token ${token}`];
}

/**
 * Registers `username` (e-mail `<username>@example.com`) through the API,
 * with `ConduitClient`'s leak checks on the answer.
 */
export async function signUp(t: TestApp, username: string): Promise<SignedInUser> {
  const email = `${username}@example.com`;
  const response = await new ConduitClient(t).request('post', '/users', {
    body: { user: { username, email, password: PASSWORD } },
  });
  expect(response.status).toBe(201);
  return signedIn(response, username, email);
}

export async function logIn(
  t: TestApp,
  username: string,
  userAgent = 'vitest',
): Promise<SignedInUser> {
  const email = `${username}@example.com`;
  const response = await new ConduitClient(t).request('post', '/users/login', {
    headers: { 'User-Agent': userAgent },
    body: { user: { email, password: PASSWORD } },
  });
  expect(response.status).toBe(200);
  return signedIn(response, username, email);
}

function signedIn(
  response: { body: { user: { token: string; refreshToken: string } }; headers: object },
  username: string,
  email: string,
): SignedInUser {
  const setCookie = (response.headers as Record<string, string[] | undefined>)['set-cookie'] ?? [];
  return {
    username,
    email,
    password: PASSWORD,
    token: response.body.user.token,
    refreshToken: response.body.user.refreshToken,
    setCookie,
  };
}

/** The user id behind a username, straight from the database. */
export async function userIdOf(t: TestApp, username: string): Promise<number> {
  const user = await t.dataSource.getRepository(User).findOneByOrFail({ username });
  return user.id;
}

/** The TOTP code an authenticator app shows `stepsFromNow` 30-second steps from now. */
export function totp(secret: string, stepsFromNow = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsFromNow * 30 });
}

/**
 * Turns 2FA on through the API. It confirms with the previous step's code, so
 * the current and next steps' codes stay available to the test.
 */
export async function enableTwoFactor(
  t: TestApp,
  user: SignedInUser,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await t.http
    .post('/api/auth/2fa/setup')
    .set(...auth(user.token))
    .expect(200);
  const secret: string = setup.body.secret;
  const enabled = await t.http
    .post('/api/auth/2fa/enable')
    .set(...auth(user.token))
    .send({ code: await totp(secret, -1) })
    .expect(200);
  return { secret, recoveryCodes: enabled.body.recoveryCodes };
}
