import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MUST_BE_STRING, tooLong } from '../../common/validation/messages.js';
import { PASSWORD_MAX } from '../../users/dto/register-user.dto.js';
import { SecondFactorDto } from '../../two-factor/dto/two-factor.dto.js';

/** Confirms the deletion: the password, or (with 2FA on) a code or recovery code. */
export class DeleteAccountRequestDto extends SecondFactorDto {
  /** @example "jakejake" */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(PASSWORD_MAX, { message: tooLong(PASSWORD_MAX) })
  password?: string;
}
