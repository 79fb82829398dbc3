import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobOutbox } from '../jobs/job-outbox.service.js';
import { JobName } from '../jobs/job-name.enum.js';

export interface NewFollowerPayload {
  followerId: number;
  followingId: number;
}

export interface NewCommentPayload {
  commentId: number;
}

export interface ArticlePublishedPayload {
  articleId: number;
}

/**
 * What other features tell the notifications module, always inside the
 * transaction of the change itself. Whether and to whom an e-mail goes is
 * decided when the job runs, with the preferences of that moment.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly outbox: JobOutbox) {}

  /** One e-mail per follower and followed user, ever: following again after unfollowing is silent. */
  async followed(manager: EntityManager, followerId: number, followingId: number): Promise<void> {
    await this.outbox.enqueue<NewFollowerPayload>(manager, {
      name: JobName.NotifyNewFollower,
      payload: { followerId, followingId },
      idempotencyKey: `new-follower:${followerId}:${followingId}`,
    });
  }

  async commented(manager: EntityManager, commentId: number): Promise<void> {
    await this.outbox.enqueue<NewCommentPayload>(manager, {
      name: JobName.NotifyNewComment,
      payload: { commentId },
      idempotencyKey: `new-comment:${commentId}`,
    });
  }

  async articlePublished(manager: EntityManager, articleId: number): Promise<void> {
    await this.outbox.enqueue<ArticlePublishedPayload>(manager, {
      name: JobName.FanOutArticle,
      payload: { articleId },
      idempotencyKey: `fan-out-article:${articleId}`,
    });
  }
}
