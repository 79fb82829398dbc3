import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../auth/role.enum.js';
import { ErrorResponseDto } from '../dto/error-response.dto.js';

export const AUTH_MODE_KEY = 'inkwell:auth-mode';
export const ROLES_KEY = 'inkwell:roles';

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
  /** The session the access token belongs to. */
  sessionId: string;
}

export const SECURITY_SCHEME = 'Token';

export interface AuthenticatedOptions {
  /** Let anonymous callers in too; a valid token still identifies the viewer. */
  optional?: boolean;
  /** Only callers holding one of these roles may pass (403 otherwise). */
  roles?: Role[];
}

/**
 * Marks a route as authenticated and documents it in Swagger in one go, so the
 * guard's behaviour and the docs cannot drift apart. Routes without any auth
 * decorator are closed too (the guard defaults to `required`).
 */
export function Authenticated(options: AuthenticatedOptions = {}) {
  const mode: AuthMode = options.optional ? 'optional' : 'required';
  const roles = options.roles ?? [];
  return applyDecorators(
    SetMetadata(AUTH_MODE_KEY, mode),
    SetMetadata(ROLES_KEY, roles),
    ...(roles.length > 0
      ? [
          ApiForbiddenResponse({
            description: `Only for ${roles.join(' or ')} accounts`,
            type: ErrorResponseDto,
          }),
        ]
      : []),
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
