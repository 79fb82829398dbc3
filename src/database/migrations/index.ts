import { InitialSchema1764057600000 } from './1764057600000-initial-schema.js';
import { UserRoles1764060000000 } from './1764060000000-user-roles.js';
import { JobsAndMail1764100000000 } from './1764100000000-jobs-and-mail.js';
import { NotificationPreferences1764100000001 } from './1764100000001-notification-preferences.js';

/**
 * Every migration, oldest first. Listed as classes (not a glob) so they load
 * the same under the build, the CLI and Vitest.
 */
export const migrations = [
  InitialSchema1764057600000,
  UserRoles1764060000000,
  JobsAndMail1764100000000,
  NotificationPreferences1764100000001,
];
