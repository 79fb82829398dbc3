import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsNotEmpty,
  IsObject,
  IsString,
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
import { NormalizeEmail, Trim } from '../../common/validation/transforms.js';

export const USERNAME_PATTERN = /^[\p{L}\p{N}_.-]+$/u;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export class RegisterUserDto {
  /**
   * Public handle, shown on profiles and in URLs: letters, digits, `_`, `-`, `.`.
   * @example "jake"
   */
  @Trim()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(64, { message: tooLong(64) })
  @Matches(USERNAME_PATTERN, {
    message: "can only contain letters, digits, '_', '-' and '.'",
  })
  username: string;

  /**
   * Login e-mail; stored lower-cased and never shown to other users.
   * @example "jake@jake.jake"
   */
  @NormalizeEmail()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(255, { message: tooLong(255) })
  @IsEmail({}, { message: INVALID })
  email: string;

  /**
   * At least 8 characters.
   * @example "jakejake"
   */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MinLength(PASSWORD_MIN, { message: tooShort(PASSWORD_MIN) })
  @MaxLength(PASSWORD_MAX, { message: tooLong(PASSWORD_MAX) })
  password: string;
}

export class RegisterUserRequestDto {
  @IsDefined({ message: BLANK })
  @IsObject({ message: MUST_BE_OBJECT })
  @ValidateNested()
  @Type(() => RegisterUserDto)
  user: RegisterUserDto;
}
