import { ConfigModule } from '@nestjs/config';
import appConfig from './app.config.js';
import authConfig from './auth.config.js';
import databaseConfig from './database.config.js';
import jobsConfig from './jobs.config.js';
import mailConfig from './mail.config.js';
import mediaConfig from './media.config.js';
import privacyConfig from './privacy.config.js';
import rateLimitConfig from './rate-limit.config.js';
import redisConfig from './redis.config.js';
import twoFactorConfig from './two-factor.config.js';

/** Every config namespace, validated at start-up; shared by the API and the CLI. */
export const AppConfigModule = ConfigModule.forRoot({
  isGlobal: true,
  cache: true,
  envFilePath: ['.env'],
  load: [
    appConfig,
    authConfig,
    databaseConfig,
    mediaConfig,
    jobsConfig,
    mailConfig,
    rateLimitConfig,
    redisConfig,
    twoFactorConfig,
    privacyConfig,
  ],
});
