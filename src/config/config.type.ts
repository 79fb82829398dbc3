import type { AppConfig } from './app.config.js';
import type { AuthConfig } from './auth.config.js';
import type { DatabaseConfig } from './database.config.js';
import type { JobsConfig } from './jobs.config.js';
import type { MailConfig } from './mail.config.js';

/** Every config namespace, for `ConfigService<AllConfig, true>` with `{ infer: true }`. */
export interface AllConfig {
  app: AppConfig;
  auth: AuthConfig;
  database: DatabaseConfig;
  jobs: JobsConfig;
  mail: MailConfig;
}
