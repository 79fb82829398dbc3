import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

export const AUTH_MODE_KEY = 'inkwell:auth-mode';

/**
 * - `required`: a valid token is needed (the default for every route).
 * - `optional`: anonymous callers pass; a valid token makes the caller the viewer;
 *   a token that is sent but invalid is still refused.
 * - `public`: no authentication at all.
 */
export type AuthMode = 'required' | 'optional' | 'public';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: number;
}

export const SECURITY_SCHEME = 'Token';

/**
 * Marks a route as authenticated and documents it in Swagger in one go, so the
 * guard's behaviour and the docs cannot drift apart. Routes without any auth
 * decorator are closed too (the guard defaults to `required`).
 */
export function Authenticated(options: { optional?: boolean } = {}) {
  const mode: AuthMode = options.optional ? 'optional' : 'required';
  return applyDecorators(
    SetMetadata(AUTH_MODE_KEY, mode),
    ApiSecurity(SECURITY_SCHEME),
    // OpenAPI's empty requirement `{}` says anonymous calls are accepted too.
    ...(options.optional ? [ApiSecurity({})] : []),
    ApiUnauthorizedResponse({
      description: options.optional
        ? 'A token was sent but is invalid or expired'
        : 'The token is missing, invalid or expired',
    }),
  );
}

/** Opens a route to anyone; the token, if any, is ignored. */
export const Public = () => SetMetadata(AUTH_MODE_KEY, 'public' satisfies AuthMode);

/** The authenticated caller (`AuthUser`), or `undefined` on an optional route without a token. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined =>
    context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>().user,
);
