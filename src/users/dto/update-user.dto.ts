import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  BLANK,
  INVALID,
  MUST_BE_OBJECT,
  MUST_BE_STRING,
  tooLong,
  tooShort,
} from '../../common/validation/messages.js';
import {
  IsNullable,
  IsOptionalNotNull,
  NormalizeEmail,
  Trim,
} from '../../common/validation/transforms.js';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN } from './register-user.dto.js';

/** Every field is optional; only the ones sent change. */
export class UpdateUserDto {
  /** @example "jake@jake.jake" */
  @IsOptionalNotNull()
  @NormalizeEmail()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(255, { message: tooLong(255) })
  @IsEmail({}, { message: INVALID })
  email?: string;

  /** @example "jake" */
  @IsOptionalNotNull()
  @Trim()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(64, { message: tooLong(64) })
  @Matches(USERNAME_PATTERN, {
    message: "can only contain letters, digits, '_', '-' and '.'",
  })
  username?: string;

  /**
   * A new password; at least 8 characters. An empty string means "unchanged",
   * as settings forms of Conduit frontends send it.
   */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptionalNotNull()
  @IsString({ message: MUST_BE_STRING })
  @MinLength(PASSWORD_MIN, { message: tooShort(PASSWORD_MIN) })
  @MaxLength(PASSWORD_MAX, { message: tooLong(PASSWORD_MAX) })
  password?: string;

  /**
   * Free text shown on the profile; `null` or an empty string clears it.
   * @example "I work at statefarm"
   */
  @IsNullable()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(10_000, { message: tooLong(10_000) })
  bio?: string | null;

  /**
   * Avatar URL (http or https); `null` or an empty string clears it.
   * @example "https://api.realworld.io/images/smiley-cyrus.jpg"
   */
  @Transform(({ value }: { value: unknown }) => (value === '' ? null : value))
  @IsNullable()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(2048, { message: tooLong(2048) })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: INVALID })
  image?: string | null;
}

export class UpdateUserRequestDto {
  @IsDefined({ message: BLANK })
  @IsObject({ message: MUST_BE_OBJECT })
  @ValidateNested()
  @Type(() => UpdateUserDto)
  user: UpdateUserDto;
}
