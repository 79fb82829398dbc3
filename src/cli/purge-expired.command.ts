import { Command, CommandRunner, Option } from 'nest-commander';
import { SessionsService } from '../auth/sessions.service.js';
import { AccountTokensService } from '../credentials/account-tokens.service.js';

interface PurgeExpiredOptions {
  olderThanDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `npm run cli -- purge-expired [--older-than-days 7]`: removes sessions,
 * refresh tokens and e-mail tokens that stopped working that long ago.
 * Safe to run from cron on any instance, as often as wanted.
 */
@Command({
  name: 'purge-expired',
  description: 'Delete sessions and tokens that expired or were revoked long enough ago',
})
export class PurgeExpiredCommand extends CommandRunner {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accountTokens: AccountTokensService,
  ) {
    super();
  }

  async run(_parameters: string[], options: PurgeExpiredOptions): Promise<void> {
    const cutoff = new Date(Date.now() - options.olderThanDays * DAY_MS);
    const { sessions, refreshTokens } = await this.sessions.purge(cutoff);
    const accountTokens = await this.accountTokens.purge(cutoff);
    process.stdout.write(
      `Purged ${sessions} sessions, ${refreshTokens} refresh tokens, ${accountTokens} e-mail tokens\n`,
    );
  }

  @Option({
    flags: '-d, --older-than-days <days>',
    description: 'Keep what ended less than this many days ago (default 7)',
    defaultValue: 7,
  })
  parseDays(value: string): number {
    const days = Number(value);
    if (!Number.isInteger(days) || days < 0)
      throw new Error('--older-than-days must be a whole number');
    return days;
  }
}
