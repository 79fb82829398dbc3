import '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../app.setup.js';
import type { AllConfig } from '../config/config.type.js';

export const REFRESH_COOKIE = 'inkwell_refresh';
/** The cookie only travels to the auth routes, never with ordinary API calls. */
const COOKIE_PATH = `/${API_PREFIX}/auth`;

/** The refresh token as an httpOnly cookie, for browser clients that should never see it. */
@Injectable()
export class RefreshCookie {
  private readonly secure: boolean;
  private readonly sameSite: 'strict' | 'lax' | 'none';

  constructor(config: ConfigService<AllConfig, true>) {
    const auth = config.getOrThrow('auth', { infer: true });
    this.secure = auth.refreshCookieSecure;
    this.sameSite = auth.refreshCookieSameSite;
  }

  set(reply: FastifyReply, token: string, expires: Date): void {
    reply.setCookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      secure: this.secure,
      sameSite: this.sameSite,
      path: COOKIE_PATH,
      expires,
    });
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }
}

/** The refresh token a request presents: in the JSON body, or else in the cookie. */
export function presentedRefreshToken(request: FastifyRequest): string | undefined {
  const fromBody = (request.body as { refreshToken?: unknown } | undefined)?.refreshToken;
  if (typeof fromBody === 'string' && fromBody !== '') return fromBody;
  return request.cookies?.[REFRESH_COOKIE] || undefined;
}
