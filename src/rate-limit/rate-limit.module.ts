import { Module, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import type { AllConfig } from '../config/config.type.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RedisThrottlerStorage } from './redis-throttler-storage.js';
import { STRICT_RATE_LIMIT, STRICT_THROTTLER } from './strict-rate-limit.decorator.js';

function isStrictRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(STRICT_RATE_LIMIT, context.getHandler()) === true;
}

/**
 * Two limits: a generous one per client IP on every route, and a strict one
 * per account and IP on the routes marked `@StrictRateLimit`. The client IP
 * is Fastify's `request.ip`, so it honours `TRUST_PROXY`.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const limits = config.getOrThrow('rateLimit', { infer: true });
        const redisUrl = config.get('redis.url', { infer: true });
        return {
          throttlers: [
            {
              name: 'default',
              limit: limits.globalLimit,
              ttl: limits.globalWindowSeconds * 1000,
              skipIf: () => limits.globalLimit === 0,
            },
            {
              name: STRICT_THROTTLER,
              limit: limits.authLimit,
              ttl: limits.authWindowSeconds * 1000,
              skipIf: (context) => !isStrictRoute(context),
            },
          ],
          errorMessage: 'too many requests, try again later',
          storage: redisUrl
            ? new RedisThrottlerStorage(redisUrl, limits.redisKeyPrefix)
            : new ThrottlerStorageService(),
        };
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
