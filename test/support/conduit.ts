import type { Response } from 'supertest';
import type { TestApp } from './test-app.js';

/** Keys that must never appear in any response body. */
const FORBIDDEN_KEYS = new Set([
  'password',
  'passwordHash',
  'authorId',
  'userId',
  'articleId',
  'followerId',
  'followingId',
  'role',
]);

/**
 * Walks a response body and fails on anything private: password hashes,
 * internal ids (only comments, as the spec demands, and uploads expose their ids) and
 * e-mail addresses anywhere but the caller's own `user` envelope.
 */
export function assertNoLeaks(body: unknown, path: string[] = []): void {
  if (Array.isArray(body)) {
    body.forEach((item, index) => assertNoLeaks(item, [...path, String(index)]));
    return;
  }
  if (typeof body === 'string') {
    if (body.startsWith('$argon2')) throw new Error(`password hash leaked at ${path.join('.')}`);
    return;
  }
  if (!body || typeof body !== 'object') return;
  for (const [key, value] of Object.entries(body)) {
    // Error bodies are keyed by field name: only their messages are data.
    if (path.length === 0 && key === 'errors') {
      assertNoLeaks(Object.values(value as object), ['errors']);
      continue;
    }
    const here = [...path, key];
    const where = here.join('.');
    if (FORBIDDEN_KEYS.has(key)) throw new Error(`private field "${key}" leaked at ${where}`);
    if (key === 'email' && where !== 'user.email') throw new Error(`e-mail leaked at ${where}`);
    // Comments and uploads have public ids (an upload's is a random UUID), as their routes need.
    const hasPublicId = ['comment', 'comments', 'upload', 'uploads'].includes(path[0]);
    if (key === 'id' && !(hasPublicId && (path.length === 1 || path.length === 2))) {
      throw new Error(`internal id leaked at ${where}`);
    }
    assertNoLeaks(value, here);
  }
}

/** The password of every user the test helpers register. */
export const PASSWORD = 'correct horse battery';

export interface RegisteredUser {
  username: string;
  email: string;
  password: string;
  token: string;
}

type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * A RealWorld client over the test app's HTTP stack. Every response it
 * receives is scanned with `assertNoLeaks`.
 */
export class ConduitClient {
  private counter = 0;

  constructor(private readonly t: TestApp) {}

  async request(
    method: Method,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    let call = this.t.http[method](`/api${path}`);
    if (options.token) call = call.set('Authorization', `Token ${options.token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) call = call.set(name, value);
    const response =
      options.body === undefined ? await call : await call.send(options.body as object);
    assertNoLeaks(response.body);
    return response;
  }

  async register(name?: string): Promise<RegisteredUser> {
    const username = name ?? `user${process.pid}x${++this.counter}`;
    const user = { username, email: `${username}@example.com`, password: PASSWORD };
    const response = await this.request('post', '/users', { body: { user } });
    if (response.status !== 201) {
      throw new Error(`register ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return { ...user, email: user.email.toLowerCase(), token: response.body.user.token };
  }

  async createArticle(
    author: RegisteredUser,
    article: { title?: string; description?: string; body?: string; tagList?: string[] } = {},
  ): Promise<{ slug: string; [key: string]: unknown }> {
    const response = await this.request('post', '/articles', {
      token: author.token,
      body: {
        article: {
          title: `Article ${++this.counter}`,
          description: 'About something',
          body: 'Some *markdown* body',
          ...article,
        },
      },
    });
    if (response.status !== 201) {
      throw new Error(`create article: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body.article;
  }
}
