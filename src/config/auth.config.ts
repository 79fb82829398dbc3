import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

/**
 * The secret shipped in `.env` for local development. Production refuses to
 * start with it, so a forgotten override can never sign real tokens.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-never-use-in-production';

export interface AuthConfig {
  jwtSecret: string;
  /** Access-token lifetime in a form `jsonwebtoken` accepts, e.g. `24h`. */
  jwtExpiresIn: string;
  /** A session lives this long after its last refresh (sliding expiry). */
  sessionTtlDays: number;
  /**
   * A rotated refresh token presented again within this many seconds is
   * refused without revoking the session: two tabs refreshing at once are
   * not a theft. Later, it is. 0 treats every reuse as theft.
   */
  refreshReuseGraceSeconds: number;
  /** How long a session check may be served from the in-process cache. */
  sessionCacheTtlMs: number;
  /** Sessions kept in the in-process cache at most. */
  sessionCacheSize: number;
  /** The refresh cookie's `Secure` flag; only local HTTP development turns it off. */
  refreshCookieSecure: boolean;
  refreshCookieSameSite: 'strict' | 'lax' | 'none';
}

class AuthEnvironment {
  @IsString()
  @IsNotEmpty()
  JWT_SECRET: string;

  @IsOptional()
  @Matches(/^\d+[smhd]?$/, {
    message: 'JWT_EXPIRES_IN must be a number of seconds or like 15m, 24h, 7d',
  })
  JWT_EXPIRES_IN?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  SESSION_TTL_DAYS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  REFRESH_REUSE_GRACE_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600_000)
  SESSION_CACHE_TTL_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  SESSION_CACHE_SIZE?: number;

  @IsOptional()
  @IsIn(['true', 'false'])
  REFRESH_COOKIE_SECURE?: 'true' | 'false';

  @IsOptional()
  @IsIn(['strict', 'lax', 'none'])
  REFRESH_COOKIE_SAMESITE?: 'strict' | 'lax' | 'none';
}

export default registerAs('auth', (): AuthConfig => {
  const env = validateConfig(process.env, AuthEnvironment);
  if (process.env.NODE_ENV === 'production') {
    if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      throw new Error(
        'Invalid configuration:\n  - JWT_SECRET: the development default must not be used in production',
      );
    }
    if (env.JWT_SECRET.length < 32) {
      throw new Error(
        'Invalid configuration:\n  - JWT_SECRET: must be at least 32 characters in production',
      );
    }
  }
  return {
    jwtSecret: env.JWT_SECRET,
    jwtExpiresIn: env.JWT_EXPIRES_IN ?? '24h',
    sessionTtlDays: env.SESSION_TTL_DAYS ?? 30,
    refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS ?? 10,
    sessionCacheTtlMs: env.SESSION_CACHE_TTL_MS ?? 10_000,
    sessionCacheSize: env.SESSION_CACHE_SIZE ?? 10_000,
    refreshCookieSecure: env.REFRESH_COOKIE_SECURE !== 'false',
    refreshCookieSameSite: env.REFRESH_COOKIE_SAMESITE ?? 'strict',
  };
});
