import { IsJWT, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BLANK, INVALID, MUST_BE_STRING, tooLong } from '../../common/validation/messages.js';

export class TwoFactorSetupDto {
  /**
   * The base32 secret, for typing into an authenticator app by hand.
   * @example "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
   */
  secret: string;
  /**
   * Render it as a QR code for the authenticator app to scan.
   * @example "otpauth://totp/Inkwell:jake?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Inkwell"
   */
  otpauthUri: string;
}

export class TotpCodeRequestDto {
  /**
   * The 6-digit code the authenticator app shows now.
   * @example "123456"
   */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @Matches(/^\d{6}$/, { message: 'must be 6 digits' })
  code: string;
}

/** Proof of the second factor: a current TOTP code, or else one unused recovery code. */
export class SecondFactorDto {
  /**
   * The 6-digit code the authenticator app shows now.
   * @example "123456"
   */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @Matches(/^\d{6}$/, { message: 'must be 6 digits' })
  code?: string;

  /**
   * One of the recovery codes given when 2FA was enabled; each works once.
   * @example "ABCD-EFGH-JKLM-NPQR"
   */
  @IsOptional()
  @IsString({ message: MUST_BE_STRING })
  @MaxLength(64, { message: tooLong(64) })
  recoveryCode?: string;
}

export class TwoFactorVerifyRequestDto extends SecondFactorDto {
  /** The `challenge` from the login response. */
  @IsNotEmpty({ message: BLANK })
  @IsString({ message: MUST_BE_STRING })
  @IsJWT({ message: INVALID })
  challenge: string;
}

export class RecoveryCodesDto {
  /** Ten single-use codes. Shown once: store them somewhere safe. */
  recoveryCodes: string[];
}

/** Login's answer for an account with 2FA: no token yet, finish at `POST /api/auth/2fa/verify`. */
export class TwoFactorChallengeDto {
  /** Always `true`: tells this answer apart from `{ user }`. */
  twoFactorRequired: boolean;
  /** Send it back to `POST /api/auth/2fa/verify` with a code. */
  challenge: string;
  challengeExpiresAt: Date;
}
