import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { ProcessesJob, type JobContext, type JobHandler } from '../../jobs/job-handler.js';
import { JobName } from '../../jobs/job-name.enum.js';
import { MailDeliveryService } from '../../mail/mail-delivery.service.js';
import { Follow } from '../../profiles/entities/follow.entity.js';
import { User } from '../../users/entities/user.entity.js';
import { NotificationKind } from '../notification-kind.enum.js';
import { NotificationPreferencesService } from '../notification-preferences.service.js';
import type { NewFollowerPayload } from '../notifications.service.js';

@Injectable()
@ProcessesJob(JobName.NotifyNewFollower)
export class NewFollowerHandler implements JobHandler<NewFollowerPayload> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly preferences: NotificationPreferencesService,
    private readonly delivery: MailDeliveryService,
  ) {}

  async handle({ followerId, followingId }: NewFollowerPayload, { jobId }: JobContext) {
    const found = await this.transactions.run(async (manager) => {
      // Unfollowed again before the job ran: there is no news any more.
      if (!(await manager.existsBy(Follow, { followerId, followingId }))) return null;
      const users = await manager.findBy(User, { id: In([followerId, followingId]) });
      const follower = users.find((user) => user.id === followerId);
      const followed = users.find((user) => user.id === followingId);
      return follower && followed ? { follower, followed } : null;
    });
    if (!found) return;
    const { follower, followed } = found;
    if (!(await this.preferences.wants(followed.id, NotificationKind.NewFollower))) return;
    await this.delivery.deliverOnce(jobId, {
      to: followed.email,
      template: 'new-follower',
      data: { username: followed.username, followerUsername: follower.username },
      unsubscribeUrl: this.preferences.unsubscribeUrl(followed.id, NotificationKind.NewFollower),
    });
  }
}
