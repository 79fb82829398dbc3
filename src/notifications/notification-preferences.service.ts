import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../config/config.type.js';
import { ValidationFailedError } from '../common/errors/domain-errors.js';
import { INVALID } from '../common/validation/messages.js';
import { isForeignKeyViolation } from '../database/database-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type {
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification-preferences.dto.js';
import { NotificationPreference } from './entities/notification-preference.entity.js';
import { NotificationKind } from './notification-kind.enum.js';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

@Injectable()
export class NotificationPreferencesService {
  private readonly unsubscribeEndpoint: string;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tokens: UnsubscribeTokens,
    config: ConfigService<AllConfig, true>,
  ) {
    const apiUrl = config.getOrThrow('mail.publicApiUrl', { infer: true });
    this.unsubscribeEndpoint = `${apiUrl}/api/notifications/unsubscribe`;
  }

  get(userId: number): Promise<NotificationPreferencesDto> {
    return this.transactions.run(async (manager) =>
      toDto(await manager.findOneBy(NotificationPreference, { userId })),
    );
  }

  async wants(userId: number, kind: NotificationKind): Promise<boolean> {
    return (await this.get(userId))[kind];
  }

  update(
    userId: number,
    changes: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.transactions.run(async (manager) => {
      const current = toDto(await manager.findOneBy(NotificationPreference, { userId }));
      const next: NotificationPreferencesDto = {
        newFollower: changes.newFollower ?? current.newFollower,
        newComment: changes.newComment ?? current.newComment,
        followedAuthorArticles: changes.followedAuthorArticles ?? current.followedAuthorArticles,
      };
      await manager.upsert(
        NotificationPreference,
        {
          userId,
          newFollower: next.newFollower,
          newComment: next.newComment,
          followedAuthorArticles: next.followedAuthorArticles,
        },
        ['userId'],
      );
      return next;
    });
  }

  /** The signed link that switches `kind` off for `userId`, no login needed. */
  unsubscribeUrl(userId: number, kind: NotificationKind): string {
    const url = new URL(this.unsubscribeEndpoint);
    url.searchParams.set('token', this.tokens.sign({ userId, kind }));
    return url.toString();
  }

  /** Switches off the kind of e-mail the token was made for; doing it twice changes nothing. */
  async unsubscribe(token: string): Promise<NotificationKind> {
    const request = this.tokens.verify(token);
    if (!request) throw ValidationFailedError.field('token', INVALID);
    try {
      await this.update(request.userId, { [request.kind]: false });
    } catch (error) {
      // The account was deleted since the e-mail was sent: nothing is left to send to.
      if (!isForeignKeyViolation(error)) throw error;
    }
    return request.kind;
  }
}

function toDto(row: NotificationPreference | null): NotificationPreferencesDto {
  // No row yet: every kind is on.
  if (!row) return { newFollower: true, newComment: true, followedAuthorArticles: true };
  return {
    newFollower: row.newFollower,
    newComment: row.newComment,
    followedAuthorArticles: row.followedAuthorArticles,
  };
}
