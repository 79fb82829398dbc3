import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { AUTH_MODE_KEY, type AuthMode } from '../common/decorators/auth.decorators.js';
import { UnauthorizedError } from '../common/errors/domain-errors.js';

/**
 * Global guard: every route needs a valid token unless it is marked
 * `@Public()` or `@Authenticated({ optional: true })`, so a route that forgot
 * its decorator is closed rather than open.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const mode =
      this.reflector.getAllAndOverride<AuthMode | undefined>(AUTH_MODE_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'required';
    if (mode === 'public') return true;
    if (mode === 'optional') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (!request.headers.authorization) return true;
    }
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error || !user) {
      throw new UnauthorizedError('token', describeTokenFailure(error ?? info));
    }
    return user;
  }
}

function describeTokenFailure(reason: unknown): string {
  const name = (reason as { name?: string } | undefined)?.name;
  const message = (reason as { message?: string } | undefined)?.message ?? '';
  if (name === 'TokenExpiredError') return 'has expired';
  if (message === 'No auth token') return 'is missing';
  return 'is invalid';
}
