import { registerAs } from '@nestjs/config';
import { IsIn, IsOptional } from 'class-validator';
import { validateConfig } from './validate-config.js';

export const DELETED_CONTENT_POLICIES = ['delete', 'anonymise'] as const;
export type DeletedContentPolicy = (typeof DELETED_CONTENT_POLICIES)[number];

export interface PrivacyConfig {
  /**
   * What happens to a deleted account's articles and comments: `delete` them,
   * or `anonymise` them (kept, credited to a placeholder author).
   */
  deletedContent: DeletedContentPolicy;
}

class PrivacyEnvironment {
  @IsOptional()
  @IsIn(DELETED_CONTENT_POLICIES)
  ACCOUNT_DELETION_CONTENT?: DeletedContentPolicy;
}

export default registerAs('privacy', (): PrivacyConfig => {
  const env = validateConfig(process.env, PrivacyEnvironment);
  return { deletedContent: env.ACCOUNT_DELETION_CONTENT ?? 'delete' };
});
