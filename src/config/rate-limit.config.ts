import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

export interface RateLimitConfig {
  /**
   * Requests per client IP per window on every route; 0 (the default) turns it
   * off. Flood control for every route belongs first at the load balancer:
   * behind one without TRUST_PROXY every client shares the proxy's address, and
   * a per-IP limit here would throttle them all as one.
   */
  globalLimit: number;
  globalWindowSeconds: number;
  /** Attempts per account and IP per window on login, registration, refresh, password reset, 2FA. */
  authLimit: number;
  authWindowSeconds: number;
  /** Prefix of the counters' keys in Redis, to keep apps sharing a Redis apart. */
  redisKeyPrefix: string;
}

class RateLimitEnvironment {
  @IsOptional()
  @IsInt()
  @Min(0)
  RATE_LIMIT_GLOBAL?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_GLOBAL_WINDOW_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_AUTH_WINDOW_SECONDS?: number;

  @IsOptional()
  @IsString()
  RATE_LIMIT_REDIS_PREFIX?: string;
}

export default registerAs('rateLimit', (): RateLimitConfig => {
  const env = validateConfig(process.env, RateLimitEnvironment);
  return {
    globalLimit: env.RATE_LIMIT_GLOBAL ?? 0,
    globalWindowSeconds: env.RATE_LIMIT_GLOBAL_WINDOW_SECONDS ?? 60,
    authLimit: env.RATE_LIMIT_AUTH ?? 10,
    authWindowSeconds: env.RATE_LIMIT_AUTH_WINDOW_SECONDS ?? 900,
    redisKeyPrefix: env.RATE_LIMIT_REDIS_PREFIX ?? 'inkwell:throttle:',
  };
});
