import { Injectable } from '@nestjs/common';
import { Comment } from '../../comments/entities/comment.entity.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { ProcessesJob, type JobContext, type JobHandler } from '../../jobs/job-handler.js';
import { JobName } from '../../jobs/job-name.enum.js';
import { MailDeliveryService } from '../../mail/mail-delivery.service.js';
import { NotificationKind } from '../notification-kind.enum.js';
import { NotificationPreferencesService } from '../notification-preferences.service.js';
import type { NewCommentPayload } from '../notifications.service.js';

const EXCERPT_LENGTH = 500;

/** Tells an article's author about a comment by someone else. */
@Injectable()
@ProcessesJob(JobName.NotifyNewComment)
export class NewCommentHandler implements JobHandler<NewCommentPayload> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly preferences: NotificationPreferencesService,
    private readonly delivery: MailDeliveryService,
  ) {}

  async handle({ commentId }: NewCommentPayload, { jobId }: JobContext): Promise<void> {
    const comment = await this.transactions.run((manager) =>
      manager.findOne(Comment, {
        where: { id: commentId },
        relations: { author: true, article: { author: true } },
      }),
    );
    // Deleted before the job ran, or the author answering on their own article.
    if (!comment || comment.authorId === comment.article.authorId) return;
    const recipient = comment.article.author;
    if (!(await this.preferences.wants(recipient.id, NotificationKind.NewComment))) return;
    await this.delivery.deliverOnce(jobId, {
      to: recipient.email,
      template: 'new-comment',
      data: {
        username: recipient.username,
        commenterUsername: comment.author.username,
        articleTitle: comment.article.title,
        articleSlug: comment.article.slug,
        commentExcerpt: excerpt(comment.body),
      },
      unsubscribeUrl: this.preferences.unsubscribeUrl(recipient.id, NotificationKind.NewComment),
    });
  }
}

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length <= EXCERPT_LENGTH ? text : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`;
}
