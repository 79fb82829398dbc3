import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { AuditAction } from '../audit/audit-action.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { Role } from '../auth/role.enum.js';
import { SessionsService } from '../auth/sessions.service.js';
import type { ClientInfo } from '../common/decorators/client-info.decorator.js';
import { NotFoundError, ValidationFailedError } from '../common/errors/domain-errors.js';
import type { RegisterUserDto } from '../users/dto/register-user.dto.js';
import { User } from '../users/entities/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { AdminUserDto, type AdminUserListResponseDto } from './dto/admin-user.dto.js';
import type { ListUsersQueryDto } from './dto/list-users-query.dto.js';

/**
 * `%` and `_` typed by an admin are literal characters, not wildcards. `!` is
 * the escape character because a backslash is read differently by each database.
 */
function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[!%_]/g, (character) => `!${character}`)}%`;
}

@Injectable()
export class AdminService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly accounts: UsersService,
  ) {}

  /**
   * Makes the account with this e-mail an admin. `registration` (which
   * carries a password chosen by the operator) is only needed when no such
   * account exists yet. Used by `npm run cli -- create-admin`.
   */
  async grantAdmin(
    email: string,
    registration?: () => Promise<RegisterUserDto>,
  ): Promise<{ user: AdminUserDto; created: boolean }> {
    let user = await this.users.findOneBy({ email });
    const created = !user;
    if (!user) {
      if (!registration) throw new NotFoundError('user');
      user = await this.accounts.register(await registration());
    }
    if (user.role !== Role.Admin) {
      const previous = user.role;
      await this.users.update({ id: user.id }, { role: Role.Admin });
      user.role = Role.Admin;
      await this.audit.record({
        action: AuditAction.RoleChanged,
        targetId: user.id,
        detail: `${previous} -> ${Role.Admin} (cli)`,
      });
    }
    return { user: AdminUserDto.from(user), created };
  }

  async list(query: ListUsersQueryDto): Promise<AdminUserListResponseDto> {
    const builder = this.users.createQueryBuilder('account');
    if (query.search) {
      const pattern = likePattern(query.search);
      builder.andWhere(
        new Brackets((where) =>
          where
            .where("LOWER(account.username) LIKE :pattern ESCAPE '!'", { pattern })
            .orWhere("account.email LIKE :pattern ESCAPE '!'", { pattern }),
        ),
      );
    }
    if (query.role) builder.andWhere('account.role = :role', { role: query.role });
    if (query.suspended !== undefined) {
      builder.andWhere(
        query.suspended ? 'account.suspendedAt IS NOT NULL' : 'account.suspendedAt IS NULL',
      );
    }
    const [users, usersCount] = await builder
      .orderBy('account.id', 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return { users: users.map((user) => AdminUserDto.from(user)), usersCount };
  }

  /** Takes effect on the target's next request: the guard reads roles from the database. */
  async changeRole(
    actorId: number,
    username: string,
    role: Role,
    client: ClientInfo,
  ): Promise<AdminUserDto> {
    const user = await this.findOther(actorId, username, 'role');
    if (user.role !== role) {
      const previous = user.role;
      await this.users.update({ id: user.id }, { role });
      user.role = role;
      await this.audit.record({
        action: AuditAction.RoleChanged,
        actorId,
        targetId: user.id,
        client,
        detail: `${previous} -> ${role}`,
      });
    }
    return AdminUserDto.from(user);
  }

  /** A suspended user cannot log in, and every session it has dies at once. Idempotent. */
  async suspend(actorId: number, username: string, client: ClientInfo): Promise<AdminUserDto> {
    const user = await this.findOther(actorId, username, 'user');
    if (!user.suspendedAt) {
      // Suspend first: a login racing with this cannot open a session the revocation misses.
      user.suspendedAt = new Date();
      await this.users.update({ id: user.id }, { suspendedAt: user.suspendedAt });
      const revoked = await this.sessions.revokeAll(user.id);
      await this.audit.record({
        action: AuditAction.UserSuspended,
        actorId,
        targetId: user.id,
        client,
        detail: `${revoked} sessions revoked`,
      });
    }
    return AdminUserDto.from(user);
  }

  async restore(actorId: number, username: string, client: ClientInfo): Promise<AdminUserDto> {
    const user = await this.findOther(actorId, username, 'user');
    if (user.suspendedAt) {
      user.suspendedAt = null;
      await this.users.update({ id: user.id }, { suspendedAt: null });
      await this.audit.record({
        action: AuditAction.UserRestored,
        actorId,
        targetId: user.id,
        client,
      });
    }
    return AdminUserDto.from(user);
  }

  /** Admins cannot demote or suspend themselves, so the last admin cannot lock everyone out. */
  private async findOther(actorId: number, username: string, field: string): Promise<User> {
    const user = await this.users.findOneBy({ username });
    if (!user) throw new NotFoundError('user');
    if (user.id === actorId) {
      throw ValidationFailedError.field(field, 'cannot be changed on your own account');
    }
    return user;
  }
}
