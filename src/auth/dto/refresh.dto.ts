import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BLANK, MUST_BE_STRING, tooLong } from '../../common/validation/messages.js';

export class RefreshRequestDto {
  /**
   * The refresh token from login, registration or the previous refresh.
   * Browsers may leave it out: the httpOnly `inkwell_refresh` cookie is used then.
   */
  @IsOptional()
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(128, { message: tooLong(128) })
  refreshToken?: string;
}

export class SessionTokensDto {
  /** A new access token: send it as `Authorization: Token <token>`. */
  token: string;
  /** The next refresh token; the one just sent no longer works. */
  refreshToken: string;
  /** The session ends then unless it is refreshed again. */
  refreshTokenExpiresAt: Date;
}
