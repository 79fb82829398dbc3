import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import {
  BLANK,
  INVALID,
  MUST_BE_STRING,
  tooLong,
  tooShort,
} from '../../common/validation/messages.js';
import { NormalizeEmail } from '../../common/validation/transforms.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../users/dto/register-user.dto.js';

export class VerifyEmailRequestDto {
  /** The `token` parameter of the link in the verification e-mail. */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(128, { message: tooLong(128) })
  token: string;
}

export class ForgotPasswordRequestDto {
  /** @example "jake@jake.jake" */
  @NormalizeEmail()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(255, { message: tooLong(255) })
  @IsEmail({}, { message: INVALID })
  email: string;
}

export class ResetPasswordRequestDto {
  /** The `token` parameter of the link in the reset e-mail. */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(128, { message: tooLong(128) })
  token: string;

  /** The new password; at least 8 characters. */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MinLength(PASSWORD_MIN, { message: tooShort(PASSWORD_MIN) })
  @MaxLength(PASSWORD_MAX, { message: tooLong(PASSWORD_MAX) })
  password: string;
}
