import { registerAs } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { validateConfig } from './validate-config.js';

export interface RedisConfig {
  /**
   * Shared by the job queue (BullMQ), session revocation and rate limits.
   * Unset: every instance keeps that state in process (one instance only).
   */
  url?: string;
}

class RedisEnvironment {
  @IsOptional()
  // Empty counts as unset, so an environment can switch Redis off by blanking it.
  @Matches(/^(rediss?:\/\/.*)?$/, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;
}

export default registerAs('redis', (): RedisConfig => {
  const env = validateConfig(process.env, RedisEnvironment);
  return { url: env.REDIS_URL || undefined };
});
