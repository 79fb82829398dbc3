import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import {
  AUTH_MODE_KEY,
  ROLES_KEY,
  type AuthMode,
  type AuthUser,
} from '../common/decorators/auth.decorators.js';
import { DomainError, ForbiddenError, UnauthorizedError } from '../common/errors/domain-errors.js';
import { AccountRoles } from './account-roles.js';
import type { Role } from './role.enum.js';

/**
 * Global guard: every route needs a valid token unless it is marked
 * `@Public()` or `@Authenticated({ optional: true })`, so a route that forgot
 * its decorator is closed rather than open.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly accountRoles: AccountRoles,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const mode =
      this.reflector.getAllAndOverride<AuthMode | undefined>(AUTH_MODE_KEY, targets) ?? 'required';
    if (mode === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    if (mode === 'optional' && !request.headers.authorization) return true;
    await super.canActivate(context);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (roles.length > 0) await this.assertRole(request.user!, roles);
    return true;
  }

  /** Roles are read from the database, not the token, so a demotion applies at once. */
  private async assertRole(caller: AuthUser, roles: Role[]): Promise<void> {
    const role = await this.accountRoles.roleOf(caller.id);
    if (!role) throw new UnauthorizedError('token', 'is invalid');
    if (!roles.includes(role)) {
      throw new ForbiddenError('role', `requires ${roles.join(' or ')}`);
    }
  }

  override handleRequest<TUser>(
    error: unknown,
    user: TUser | false,
    info: unknown,
    context: ExecutionContext,
  ): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      throw new UnauthorizedError('token', describeTokenFailure(error ?? info, request));
    }
    return user;
  }
}

function describeTokenFailure(reason: unknown, request: FastifyRequest): string {
  if ((reason as { name?: string } | undefined)?.name === 'TokenExpiredError') return 'has expired';
  return request.headers.authorization?.trim() ? 'is invalid' : 'is missing';
}
