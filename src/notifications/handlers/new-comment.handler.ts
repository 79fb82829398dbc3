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

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The start of a long comment, never cutting a character (or an emoji) in two. */
function excerpt(text: string): string {
  let count = 0;
  for (const { index } of graphemes.segment(text)) {
    if (count++ === EXCERPT_LENGTH) return `${text.slice(0, index)}…`;
  }
  return text;
}
