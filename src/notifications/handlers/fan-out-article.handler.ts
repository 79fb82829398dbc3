import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Article } from '../../articles/entities/article.entity.js';
import { Clock } from '../../common/clock/clock.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { JobOutbox } from '../../jobs/job-outbox.service.js';
import { ProcessesJob, type JobHandler } from '../../jobs/job-handler.js';
import { JobName } from '../../jobs/job-name.enum.js';
import { Follow } from '../../profiles/entities/follow.entity.js';
import { digestWindow } from '../digest-window.js';
import { ArticleDigestItem } from '../entities/article-digest-item.entity.js';
import { NotificationPreference } from '../entities/notification-preference.entity.js';
import type { ArticlePublishedPayload } from '../notifications.service.js';

export interface ArticleDigestPayload {
  readerId: number;
}

const READERS_PER_BATCH = 500;

/**
 * Puts a new article on the next digest of every follower who wants digests,
 * and makes sure each of them has one digest job for the current hour.
 * Re-running adds nothing: items and digest jobs are keyed.
 */
@Injectable()
@ProcessesJob(JobName.FanOutArticle)
export class FanOutArticleHandler implements JobHandler<ArticlePublishedPayload> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  async handle({ articleId }: ArticlePublishedPayload): Promise<void> {
    const article = await this.transactions.run((manager) =>
      manager.findOne(Article, { where: { id: articleId }, select: { id: true, authorId: true } }),
    );
    if (!article) return;
    const window = digestWindow(this.clock.now());
    // Keyset pagination by follower id: follows added meanwhile cannot shift a page.
    let after: number | null = 0;
    while (after !== null) {
      const cursor: number = after;
      after = await this.transactions.run((manager) =>
        this.fanOutBatch(manager, article, cursor, window),
      );
    }
  }

  /** One batch of readers after `after`; returns the cursor for the next batch, or null when done. */
  private async fanOutBatch(
    manager: EntityManager,
    article: Pick<Article, 'id' | 'authorId'>,
    after: number,
    window: { start: Date; end: Date },
  ): Promise<number | null> {
    const readers: { readerId: number }[] = await manager
      .createQueryBuilder(Follow, 'follow')
      .select('follow.followerId', 'readerId')
      .leftJoin(NotificationPreference, 'preference', 'preference.userId = follow.followerId')
      .where('follow.followingId = :authorId', { authorId: article.authorId })
      .andWhere('follow.followerId > :after', { after })
      .andWhere('(preference.userId IS NULL OR preference.followedAuthorArticles = :wanted)', {
        wanted: true,
      })
      .orderBy('follow.followerId')
      .limit(READERS_PER_BATCH)
      .getRawMany();
    if (readers.length === 0) return null;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ArticleDigestItem)
      .values(
        readers.map(({ readerId }) => ({ readerId, articleId: article.id, digestJobId: null })),
      )
      .orIgnore()
      .execute();
    for (const { readerId } of readers) {
      await this.outbox.enqueue<ArticleDigestPayload>(manager, {
        name: JobName.SendArticleDigest,
        payload: { readerId },
        idempotencyKey: `article-digest:${readerId}:${window.start.toISOString()}`,
        runAt: window.end,
      });
    }
    return readers.length < READERS_PER_BATCH ? null : readers[readers.length - 1].readerId;
  }
}
