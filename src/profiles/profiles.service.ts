import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { NotFoundError, ValidationFailedError } from '../common/errors/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { User } from '../users/entities/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { ProfileDto } from './dto/profile.dto.js';
import { Follow } from './entities/follow.entity.js';

@Injectable()
export class ProfilesService {
  constructor(
    @InjectRepository(Follow) private readonly follows: Repository<Follow>,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsService,
  ) {}

  async get(username: string, viewerId?: number): Promise<ProfileDto> {
    const user = await this.findUser(username);
    const following = viewerId ? await this.isFollowing(viewerId, user.id) : false;
    return ProfileDto.from(user, following);
  }

  /** Idempotent: following twice leaves one follow (and one e-mail to the followed user). */
  async follow(followerId: number, username: string): Promise<ProfileDto> {
    const user = await this.findUser(username);
    if (user.id === followerId)
      throw ValidationFailedError.field('username', 'cannot follow yourself');
    await this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Follow)
        .values({ followerId, followingId: user.id })
        .orIgnore()
        .execute();
      await this.notifications.followed(manager, followerId, user.id);
    });
    return ProfileDto.from(user, true);
  }

  async unfollow(followerId: number, username: string): Promise<ProfileDto> {
    const user = await this.findUser(username);
    await this.follows.delete({ followerId, followingId: user.id });
    return ProfileDto.from(user, false);
  }

  async isFollowing(followerId: number, followingId: number): Promise<boolean> {
    return this.follows.existsBy({ followerId, followingId });
  }

  /** Which of `userIds` the viewer follows, in one query. */
  async followedAmong(viewerId: number | undefined, userIds: number[]): Promise<Set<number>> {
    if (!viewerId || userIds.length === 0) return new Set();
    const rows = await this.follows.find({
      select: { followingId: true },
      where: { followerId: viewerId, followingId: In([...new Set(userIds)]) },
    });
    return new Set(rows.map((row) => row.followingId));
  }

  private async findUser(username: string): Promise<User> {
    const user = await this.users.findByUsername(username);
    if (!user) throw new NotFoundError('profile');
    return user;
  }
}
