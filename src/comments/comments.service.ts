import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ArticlesService } from '../articles/articles.service.js';
import { AccountRoles } from '../auth/account-roles.js';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ProfileDto } from '../profiles/dto/profile.dto.js';
import { ProfilesService } from '../profiles/profiles.service.js';
import type { CommentDto } from './dto/comment-response.dto.js';
import { Comment } from './entities/comment.entity.js';

@Injectable()
export class CommentsService {
  constructor(
    @InjectRepository(Comment) private readonly comments: Repository<Comment>,
    private readonly articles: ArticlesService,
    private readonly profiles: ProfilesService,
    private readonly accountRoles: AccountRoles,
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsService,
  ) {}

  /** An article's comments, most recent first, in three queries whatever their number. */
  async list(slug: string, viewerId?: number): Promise<CommentDto[]> {
    const articleId = await this.articles.idOf(slug);
    const comments = await this.comments.find({
      where: { articleId },
      relations: { author: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    const followed = await this.profiles.followedAmong(
      viewerId,
      comments.map((comment) => comment.authorId),
    );
    return comments.map((comment) => this.toDto(comment, followed.has(comment.authorId)));
  }

  async create(authorId: number, slug: string, body: string): Promise<CommentDto> {
    const articleId = await this.articles.idOf(slug);
    const commentId = await this.transactions.run(async (manager) => {
      const { identifiers } = await manager.insert(Comment, { articleId, authorId, body });
      const id = Number(identifiers[0].id);
      await this.notifications.commented(manager, id);
      return id;
    });
    const comment = await this.comments.findOneOrFail({
      where: { id: commentId },
      relations: { author: true },
    });
    // One's own profile is never "followed": following oneself is refused.
    return this.toDto(comment, false);
  }

  /** The author, or a moderator, may delete a comment. */
  async delete(callerId: number, slug: string, commentId: number): Promise<void> {
    const articleId = await this.articles.idOf(slug);
    const comment = await this.comments.findOne({
      where: { id: commentId, articleId },
      select: { id: true, authorId: true },
    });
    if (!comment) throw new NotFoundError('comment');
    if (comment.authorId !== callerId && !(await this.accountRoles.mayModerate(callerId)))
      throw new ForbiddenError('comment', 'only the author or a moderator may delete it');
    await this.comments.delete(comment.id);
  }

  private toDto(comment: Comment, following: boolean): CommentDto {
    return {
      id: comment.id,
      createdAt: comment.createdAt,
      updatedAt: comment.updatedAt,
      body: comment.body,
      author: ProfileDto.from(comment.author, following),
    };
  }
}
