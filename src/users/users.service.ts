import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditAction } from '../audit/audit-action.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { SessionsService } from '../auth/sessions.service.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import type { ClientInfo } from '../common/decorators/client-info.decorator.js';
import {
  ForbiddenError,
  UnauthorizedError,
  ValidationFailedError,
  type FieldErrors,
} from '../common/errors/domain-errors.js';
import { TAKEN } from '../common/validation/messages.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { RegisterUserDto } from './dto/register-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { User } from './entities/user.entity.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly credentials: CredentialsService,
    private readonly transactions: TransactionRunner,
  ) {}

  async register(input: RegisterUserDto): Promise<User> {
    await this.assertAvailable({
      email: input.email,
      username: input.username,
    });
    const user = this.users.create({
      email: input.email,
      username: input.username,
      passwordHash: await this.passwords.hash(input.password),
      bio: null,
      image: null,
      emailVerifiedAt: null,
    });
    return this.saveOrExplainConflict(user, { sendVerification: true });
  }

  /**
   * Same answer, and about the same time, for an unknown e-mail and a wrong
   * password. A suspended account is refused only once the password is right,
   * so the refusal reveals nothing to someone guessing.
   */
  async authenticate(email: string, password: string, client: ClientInfo): Promise<User> {
    const user = await this.users.findOneBy({ email });
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid) {
      await this.audit.record({
        action: AuditAction.LoginFailed,
        targetId: user?.id,
        client,
        detail: user ? 'wrong password' : 'unknown email',
      });
      throw new UnauthorizedError('email or password', 'is invalid');
    }
    if (user.suspendedAt) {
      await this.audit.record({
        action: AuditAction.LoginFailed,
        targetId: user.id,
        client,
        detail: 'suspended',
      });
      throw new ForbiddenError('user', 'is suspended');
    }
    return user;
  }

  /** The account behind a token; a token for a deleted account is no longer valid. */
  async getAccount(id: number): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new UnauthorizedError('token', 'is invalid');
    return user;
  }

  /**
   * A new password signs every other device out: all sessions but the one
   * the change was made with (`origin`, absent for changes made by the system).
   */
  async update(
    id: number,
    changes: UpdateUserDto,
    origin?: { sessionId: string; client: ClientInfo },
  ): Promise<User> {
    const user = await this.getAccount(id);
    await this.assertAvailable(
      {
        email: changes.email !== user.email ? changes.email : undefined,
        username: changes.username !== user.username ? changes.username : undefined,
      },
      id,
    );
    const emailChanged = changes.email !== undefined && changes.email !== user.email;
    if (changes.email !== undefined && emailChanged) {
      user.email = changes.email;
      // The new address is unproven until its own link is followed.
      user.emailVerifiedAt = null;
    }
    if (changes.username !== undefined) user.username = changes.username;
    if (changes.bio !== undefined) user.bio = changes.bio;
    if (changes.image !== undefined) user.image = changes.image;
    if (changes.password !== undefined)
      user.passwordHash = await this.passwords.hash(changes.password);
    const saved = await this.saveOrExplainConflict(user, { sendVerification: emailChanged });
    if (changes.password !== undefined) {
      const revoked = await this.sessions.revokeAll(id, { except: origin?.sessionId });
      await this.audit.record({
        action: AuditAction.PasswordChanged,
        actorId: id,
        targetId: id,
        client: origin?.client,
        detail: `${revoked} other sessions revoked`,
      });
    }
    return saved;
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  /** Friendly 422s for the common case; the unique indexes still decide races. */
  private async assertAvailable(
    wanted: { email?: string; username?: string },
    exceptUserId?: number,
  ): Promise<void> {
    const errors: FieldErrors = {};
    const [emailOwner, usernameOwner] = await Promise.all([
      wanted.email
        ? this.users.findOne({
            where: { email: wanted.email },
            select: { id: true },
          })
        : null,
      wanted.username
        ? this.users.findOne({
            where: { username: wanted.username },
            select: { id: true },
          })
        : null,
    ]);
    if (emailOwner && emailOwner.id !== exceptUserId) errors.email = [TAKEN];
    if (usernameOwner && usernameOwner.id !== exceptUserId) errors.username = [TAKEN];
    if (Object.keys(errors).length > 0) throw new ValidationFailedError(errors);
  }

  /**
   * Saves the account, with the verification e-mail for a new address in the
   * same transaction. Two registrations racing for one e-mail or username:
   * the loser gets the same 422 as a late one.
   */
  private async saveOrExplainConflict(
    user: User,
    { sendVerification }: { sendVerification: boolean },
  ): Promise<User> {
    try {
      return await this.transactions.run(async (manager) => {
        const saved = await manager.save(user);
        if (sendVerification) await this.credentials.queueVerification(manager, saved);
        return saved;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.assertAvailable({ email: user.email, username: user.username }, user.id);
      throw ValidationFailedError.field('username', TAKEN);
    }
  }
}
