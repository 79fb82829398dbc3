import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { Article } from '../articles/entities/article.entity.js';
import { Favorite } from '../articles/entities/favorite.entity.js';
import { AuditAction } from '../audit/audit-action.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditEvent } from '../audit/entities/audit-event.entity.js';
import { Session } from '../auth/entities/session.entity.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { SessionsService } from '../auth/sessions.service.js';
import { Comment } from '../comments/entities/comment.entity.js';
import type { ClientInfo } from '../common/decorators/client-info.decorator.js';
import {
  ForbiddenError,
  UnauthorizedError,
  ValidationFailedError,
} from '../common/errors/domain-errors.js';
import { BLANK } from '../common/validation/messages.js';
import type { AllConfig } from '../config/config.type.js';
import type { DeletedContentPolicy } from '../config/privacy.config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Follow } from '../profiles/entities/follow.entity.js';
import { ArticleTag } from '../tags/entities/article-tag.entity.js';
import { TwoFactorService } from '../two-factor/two-factor.service.js';
import { User } from '../users/entities/user.entity.js';
import type { AccountExportDto } from './dto/account-export.dto.js';
import type { DeleteAccountRequestDto } from './dto/delete-account.dto.js';

/**
 * The placeholder author of anonymised content. Brackets are not allowed in
 * usernames, so no person can ever hold this one; its password hash is no
 * hash at all, so nobody can log in as it.
 */
export const DELETED_AUTHOR = {
  username: '[deleted]',
  email: 'deleted-author@inkwell.invalid',
  passwordHash: '!',
} as const;

@Injectable()
export class PrivacyService {
  private readonly deletedContent: DeletedContentPolicy;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly transactions: TransactionRunner,
    private readonly passwords: PasswordHasher,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    config: ConfigService<AllConfig, true>,
  ) {
    this.deletedContent = config.getOrThrow('privacy.deletedContent', { infer: true });
  }

  async export(userId: number): Promise<AccountExportDto> {
    const manager = this.users.manager;
    const user = await this.users.findOneByOrFail({ id: userId });
    const [articles, comments, favorites, follows, sessions, events, twoFactorEnabled] =
      await Promise.all([
        manager.find(Article, { where: { authorId: userId }, order: { id: 'ASC' } }),
        manager.find(Comment, {
          where: { authorId: userId },
          relations: { article: true },
          order: { id: 'ASC' },
        }),
        manager.find(Favorite, { where: { userId }, relations: { article: true } }),
        manager.find(Follow, { where: { followerId: userId }, relations: { following: true } }),
        manager.find(Session, { where: { userId }, order: { createdAt: 'ASC' } }),
        manager.find(AuditEvent, {
          where: [{ targetId: userId }, { actorId: userId }],
          order: { id: 'ASC' },
        }),
        this.twoFactor.isEnabled(userId),
      ]);
    const tags = await manager.find(ArticleTag, {
      where: { articleId: In(articles.map((article) => article.id)) },
      relations: { tag: true },
    });
    return {
      exportedAt: new Date(),
      profile: {
        username: user.username,
        email: user.email,
        emailVerified: user.emailVerifiedAt !== null,
        bio: user.bio,
        image: user.image,
        role: user.role,
        twoFactorEnabled,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      articles: articles.map((article) => ({
        slug: article.slug,
        title: article.title,
        description: article.description,
        body: article.body,
        tagList: tags
          .filter((tag) => tag.articleId === article.id)
          .map((tag) => tag.tag.name)
          .sort(),
        favoritesCount: article.favoritesCount,
        createdAt: article.createdAt,
        updatedAt: article.updatedAt,
      })),
      comments: comments.map((comment) => ({
        article: comment.article.slug,
        body: comment.body,
        createdAt: comment.createdAt,
        updatedAt: comment.updatedAt,
      })),
      favorites: favorites.map((favorite) => favorite.article.slug),
      following: follows.map((follow) => follow.following.username),
      sessions: sessions.map((session) => ({
        userAgent: session.userAgent,
        ip: session.ip,
        createdAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        expiresAt: session.expiresAt,
        revokedAt: session.revokedAt,
      })),
      securityEvents: events.map((event) => ({
        action: event.action,
        ip: event.ip,
        userAgent: event.userAgent,
        detail: event.detail,
        createdAt: event.createdAt,
      })),
    };
  }

  /**
   * Deletes the account for good. Sessions end first; then, in one
   * transaction, favorite counters are corrected, content is deleted or
   * credited to the placeholder author, the IPs and user agents of the
   * account's audit events are erased, and the user row goes with everything
   * that cascades from it. The audit log keeps only "an account was deleted".
   */
  async deleteAccount(
    userId: number,
    confirmation: DeleteAccountRequestDto,
    client: ClientInfo,
  ): Promise<void> {
    await this.assertConfirmed(userId, confirmation, client);
    await this.sessions.revokeAll(userId);
    const deletedAuthorId =
      this.deletedContent === 'anonymise' ? await this.deletedAuthorId() : undefined;

    await this.transactions.run(async (manager) => {
      await this.uncountFavorites(manager, userId);
      if (deletedAuthorId !== undefined) {
        await manager.update(Article, { authorId: userId }, { authorId: deletedAuthorId });
        await manager.update(Comment, { authorId: userId }, { authorId: deletedAuthorId });
      }
      await manager.update(AuditEvent, { actorId: userId }, { ip: null, userAgent: null });
      await manager.update(AuditEvent, { targetId: userId }, { ip: null, userAgent: null });
      await manager.delete(User, { id: userId });
    });
    await this.audit.record({ action: AuditAction.AccountDeleted, detail: this.deletedContent });
  }

  private async assertConfirmed(
    userId: number,
    confirmation: DeleteAccountRequestDto,
    client: ClientInfo,
  ): Promise<void> {
    if (confirmation.password !== undefined) {
      const user = await this.users.findOne({
        where: { id: userId },
        select: { id: true, passwordHash: true },
      });
      if (!user) throw new UnauthorizedError('token', 'is invalid');
      if (!(await this.passwords.verify(user.passwordHash, confirmation.password))) {
        throw new ForbiddenError('password', 'is invalid');
      }
      return;
    }
    if (confirmation.code === undefined && confirmation.recoveryCode === undefined) {
      throw ValidationFailedError.field('password', BLANK);
    }
    await this.twoFactor.assertSecondFactor(userId, confirmation, client);
  }

  /** The deleted user's favorites leave; the counters on those articles must follow. */
  private async uncountFavorites(manager: EntityManager, userId: number): Promise<void> {
    const favorites = await manager.find(Favorite, {
      where: { userId },
      select: { articleId: true },
    });
    if (favorites.length === 0) return;
    await manager.decrement(
      Article,
      { id: In(favorites.map((favorite) => favorite.articleId)) },
      'favoritesCount',
      1,
    );
  }

  /** Created on first use; `orIgnore` makes two concurrent first uses safe. */
  private async deletedAuthorId(): Promise<number> {
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ ...DELETED_AUTHOR, bio: null, image: null })
      .orIgnore()
      .execute();
    const author = await this.users.findOneByOrFail({ username: DELETED_AUTHOR.username });
    return author.id;
  }
}
