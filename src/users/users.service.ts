import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher.js';
import {
  UnauthorizedError,
  ValidationFailedError,
  type FieldErrors,
} from '../common/errors/domain-errors.js';
import { TAKEN } from '../common/validation/messages.js';
import { isUniqueViolation } from '../database/database-errors.js';
import type { RegisterUserDto } from './dto/register-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { User } from './entities/user.entity.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordHasher,
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
    });
    return this.saveOrExplainConflict(user);
  }

  /** Same answer, and about the same time, for an unknown e-mail and a wrong password. */
  async authenticate(email: string, password: string): Promise<User> {
    const user = await this.users.findOneBy({ email });
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid) throw new UnauthorizedError('email or password', 'is invalid');
    return user;
  }

  /** The account behind a token; a token for a deleted account is no longer valid. */
  async getAccount(id: number): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new UnauthorizedError('token', 'is invalid');
    return user;
  }

  async update(id: number, changes: UpdateUserDto): Promise<User> {
    const user = await this.getAccount(id);
    await this.assertAvailable(
      {
        email: changes.email !== user.email ? changes.email : undefined,
        username: changes.username !== user.username ? changes.username : undefined,
      },
      id,
    );
    if (changes.email !== undefined) user.email = changes.email;
    if (changes.username !== undefined) user.username = changes.username;
    if (changes.bio !== undefined) user.bio = changes.bio;
    if (changes.image !== undefined) user.image = changes.image;
    if (changes.password !== undefined)
      user.passwordHash = await this.passwords.hash(changes.password);
    return this.saveOrExplainConflict(user);
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

  /** Two registrations racing for one e-mail or username: the loser gets the same 422 as a late one. */
  private async saveOrExplainConflict(user: User): Promise<User> {
    try {
      return await this.users.save(user);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.assertAvailable({ email: user.email, username: user.username }, user.id);
      throw ValidationFailedError.field('username', TAKEN);
    }
  }
}
