import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

/**
 * The key shipped for development and tests. Production refuses to start
 * with it, so TOTP secrets at rest are never protected by a public key.
 */
export const DEVELOPMENT_TOTP_KEYS = 'dev:ZGV2ZWxvcG1lbnQtb25seS10b3RwLWtleS0zMmJ5dGU=';

export interface TwoFactorConfig {
  /** AES-256 keys by id; secrets name the key they were encrypted with, so old keys keep working. */
  encryptionKeys: Map<string, Buffer>;
  /** The key new secrets are encrypted with (and old ones re-encrypted with on use). */
  activeKeyId: string;
  /** Shown by authenticator apps. */
  issuer: string;
  /** How long the login challenge of a 2FA account stays valid. */
  challengeTtlSeconds: number;
}

class TwoFactorEnvironment {
  @IsOptional()
  @Matches(/^[\w-]+:[A-Za-z0-9+/]{43}=(,[\w-]+:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'TOTP_ENCRYPTION_KEYS must be "id:base64-of-32-bytes", comma-separated',
  })
  TOTP_ENCRYPTION_KEYS?: string;

  @IsOptional()
  @IsString()
  TOTP_ENCRYPTION_KEY_ID?: string;

  @IsOptional()
  @IsString()
  TOTP_ISSUER?: string;

  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(3600)
  TWO_FACTOR_CHALLENGE_TTL_SECONDS?: number;
}

function invalid(reason: string): Error {
  return new Error(`Invalid configuration:\n  - ${reason}`);
}

export default registerAs('twoFactor', (): TwoFactorConfig => {
  const env = validateConfig(process.env, TwoFactorEnvironment);
  const keyList = env.TOTP_ENCRYPTION_KEYS ?? DEVELOPMENT_TOTP_KEYS;
  if (process.env.NODE_ENV === 'production' && keyList === DEVELOPMENT_TOTP_KEYS) {
    throw invalid('TOTP_ENCRYPTION_KEYS: the development default must not be used in production');
  }
  const encryptionKeys = new Map(
    keyList.split(',').map((entry) => {
      const [id, key] = entry.split(':');
      return [id, Buffer.from(key, 'base64')] as const;
    }),
  );
  const activeKeyId = env.TOTP_ENCRYPTION_KEY_ID ?? [...encryptionKeys.keys()][0];
  if (!encryptionKeys.has(activeKeyId)) {
    throw invalid(`TOTP_ENCRYPTION_KEY_ID: no key "${activeKeyId}" in TOTP_ENCRYPTION_KEYS`);
  }
  return {
    encryptionKeys,
    activeKeyId,
    issuer: env.TOTP_ISSUER ?? 'Inkwell',
    challengeTtlSeconds: env.TWO_FACTOR_CHALLENGE_TTL_SECONDS ?? 300,
  };
});
