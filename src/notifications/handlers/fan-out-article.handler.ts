import { Injectable } from '@nestjs/common';
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
    for (let offset = 0; ; offset += READERS_PER_BATCH) {
      const done = await this.transactions.run(async (manager) => {
        const readers: { readerId: number }[] = await manager
          .createQueryBuilder(Follow, 'follow')
          .select('follow.followerId', 'readerId')
          .leftJoin(NotificationPreference, 'preference', 'preference.userId = follow.followerId')
          .where('follow.followingId = :authorId', { authorId: article.authorId })
          .andWhere('(preference.userId IS NULL OR preference.followedAuthorArticles = :wanted)', {
            wanted: true,
          })
          .orderBy('follow.followerId')
          .offset(offset)
          .limit(READERS_PER_BATCH)
          .getRawMany();
        if (readers.length === 0) return true;
        await manager
          .createQueryBuilder()
          .insert()
          .into(ArticleDigestItem)
          .values(readers.map(({ readerId }) => ({ readerId, articleId, digestJobId: null })))
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
        return readers.length < READERS_PER_BATCH;
      });
      if (done) return;
    }
  }
}
