import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module.js';
import { MailModule } from '../mail/mail.module.js';
import { ArticleDigestItem } from './entities/article-digest-item.entity.js';
import { NotificationPreference } from './entities/notification-preference.entity.js';
import { ArticleDigestHandler } from './handlers/article-digest.handler.js';
import { FanOutArticleHandler } from './handlers/fan-out-article.handler.js';
import { NewCommentHandler } from './handlers/new-comment.handler.js';
import { NewFollowerHandler } from './handlers/new-follower.handler.js';
import { NotificationPreferencesController } from './notification-preferences.controller.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationsService } from './notifications.service.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

/** Notification e-mails, each user's choice of them, and one-click unsubscribe. */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationPreference, ArticleDigestItem]),
    JobsModule,
    MailModule,
  ],
  controllers: [NotificationPreferencesController, UnsubscribeController],
  providers: [
    NotificationsService,
    NotificationPreferencesService,
    UnsubscribeTokens,
    NewFollowerHandler,
    NewCommentHandler,
    FanOutArticleHandler,
    ArticleDigestHandler,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
