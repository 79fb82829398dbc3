import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { ProcessesJob, type JobContext, type JobHandler } from '../../jobs/job-handler.js';
import { JobName } from '../../jobs/job-name.enum.js';
import { MailDeliveryService } from '../../mail/mail-delivery.service.js';
import { User } from '../../users/entities/user.entity.js';
import { ArticleDigestItem } from '../entities/article-digest-item.entity.js';
import { NotificationKind } from '../notification-kind.enum.js';
import { NotificationPreferencesService } from '../notification-preferences.service.js';
import type { ArticleDigestPayload } from './fan-out-article.handler.js';

/**
 * One reader's digest: takes every article waiting for them (marking it with
 * this job, so no other digest repeats it) and sends them in one e-mail.
 */
@Injectable()
@ProcessesJob(JobName.SendArticleDigest)
export class ArticleDigestHandler implements JobHandler<ArticleDigestPayload> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly preferences: NotificationPreferencesService,
    private readonly delivery: MailDeliveryService,
  ) {}

  async handle({ readerId }: ArticleDigestPayload, { jobId }: JobContext): Promise<void> {
    // A re-run after the e-mail went out must not take articles meant for the next digest.
    if (await this.delivery.wasSent(jobId)) return;
    const found = await this.transactions.run(async (manager) => {
      await manager.update(
        ArticleDigestItem,
        { readerId, digestJobId: IsNull() },
        { digestJobId: jobId },
      );
      const items = await manager.find(ArticleDigestItem, {
        where: { readerId, digestJobId: jobId },
        relations: { article: { author: true } },
        order: { createdAt: 'ASC', articleId: 'ASC' },
      });
      const reader = await manager.findOneBy(User, { id: readerId });
      return { items, reader };
    });
    const { items, reader } = found;
    if (!reader || items.length === 0) return;
    const kind = NotificationKind.FollowedAuthorArticles;
    if (!(await this.preferences.wants(reader.id, kind))) return;
    await this.delivery.deliverOnce(jobId, {
      to: reader.email,
      template: 'article-digest',
      data: {
        username: reader.username,
        articles: items.map(({ article }) => ({
          title: article.title,
          slug: article.slug,
          description: article.description,
          authorUsername: article.author.username,
        })),
      },
      unsubscribeUrl: this.preferences.unsubscribeUrl(reader.id, kind),
    });
  }
}
