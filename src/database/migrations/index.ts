import { InitialSchema1764057600000 } from './1764057600000-initial-schema.js';
import { UserRoles1764060000000 } from './1764060000000-user-roles.js';
import { JobsAndMail1764100000000 } from './1764100000000-jobs-and-mail.js';
import { NotificationPreferences1764100000001 } from './1764100000001-notification-preferences.js';
import { SessionsAndAudit1764200000000 } from './1764200000000-sessions-and-audit.js';
import { TwoFactor1764200000001 } from './1764200000001-two-factor.js';
import { AccountTokens1764200000002 } from './1764200000002-account-tokens.js';
import { Uploads1764300000000 } from './1764300000000-uploads.js';

/**
 * Every migration, oldest first. Listed as classes (not a glob) so they load
 * the same under the build, the CLI and Vitest.
 */
export const migrations = [
  InitialSchema1764057600000,
  UserRoles1764060000000,
  JobsAndMail1764100000000,
  NotificationPreferences1764100000001,
  SessionsAndAudit1764200000000,
  TwoFactor1764200000001,
  AccountTokens1764200000002,
  Uploads1764300000000,
];
