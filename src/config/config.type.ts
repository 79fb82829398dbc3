import type { AppConfig } from './app.config.js';
import type { AuthConfig } from './auth.config.js';
import type { DatabaseConfig } from './database.config.js';
import type { MediaConfig } from './media.config.js';
import type { PrivacyConfig } from './privacy.config.js';
import type { RateLimitConfig } from './rate-limit.config.js';
import type { RedisConfig } from './redis.config.js';
import type { TwoFactorConfig } from './two-factor.config.js';
import type { JobsConfig } from './jobs.config.js';
import type { MailConfig } from './mail.config.js';

/** Every config namespace, for `ConfigService<AllConfig, true>` with `{ infer: true }`. */
export interface AllConfig {
  app: AppConfig;
  auth: AuthConfig;
  database: DatabaseConfig;
  media: MediaConfig;
  rateLimit: RateLimitConfig;
  redis: RedisConfig;
  twoFactor: TwoFactorConfig;
  privacy: PrivacyConfig;
  jobs: JobsConfig;
  mail: MailConfig;
}
