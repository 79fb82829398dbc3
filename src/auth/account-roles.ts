import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../users/entities/user.entity.js';
import { Role } from './role.enum.js';

/** Roles a moderator's powers come with. */
const MODERATING_ROLES: readonly Role[] = [Role.Moderator, Role.Admin];

/**
 * Reads roles from the database on every check (never from the token), so a
 * promotion or demotion applies to the very next request.
 */
@Injectable()
export class AccountRoles {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async roleOf(userId: number): Promise<Role | null> {
    const user = await this.users.findOne({
      where: { id: userId },
      select: { id: true, role: true },
    });
    return user?.role ?? null;
  }

  /** Moderators and admins may delete anyone's article or comment. */
  async mayModerate(userId: number): Promise<boolean> {
    const role = await this.roleOf(userId);
    return role !== null && MODERATING_ROLES.includes(role);
  }
}
