import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { BLANK, MUST_BE_OBJECT } from '../../common/validation/messages.js';

const MUST_BE_BOOLEAN = 'must be true or false';

/** Which notification e-mails the user receives. */
export class NotificationPreferencesDto {
  /** Someone started following you. @example true */
  newFollower: boolean;
  /** Someone commented on one of your articles. @example true */
  newComment: boolean;
  /** At most one digest an hour of new articles by authors you follow. @example false */
  followedAuthorArticles: boolean;
}

export class NotificationPreferencesResponseDto {
  notifications: NotificationPreferencesDto;
}

/** Send only the settings to change. */
export class UpdateNotificationPreferencesDto {
  /** @example true */
  @IsOptional()
  @IsBoolean({ message: MUST_BE_BOOLEAN })
  newFollower?: boolean;

  /** @example true */
  @IsOptional()
  @IsBoolean({ message: MUST_BE_BOOLEAN })
  newComment?: boolean;

  /** @example false */
  @IsOptional()
  @IsBoolean({ message: MUST_BE_BOOLEAN })
  followedAuthorArticles?: boolean;
}

export class UpdateNotificationPreferencesRequestDto {
  @IsDefined({ message: BLANK })
  @IsObject({ message: MUST_BE_OBJECT })
  @ValidateNested()
  @Type(() => UpdateNotificationPreferencesDto)
  notifications: UpdateNotificationPreferencesDto;
}
