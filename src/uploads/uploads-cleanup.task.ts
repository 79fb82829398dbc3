import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { UploadsService } from './uploads.service.js';

/** Deletes orphaned uploads every hour; safe to run on every instance at once. */
@Injectable()
export class UploadsCleanupTask {
  private readonly logger = new Logger(UploadsCleanupTask.name);

  constructor(private readonly uploads: UploadsService) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'uploads-orphan-sweep' })
  async deleteOrphans(): Promise<void> {
    try {
      const deleted = await this.uploads.deleteOrphans(new Date());
      if (deleted > 0) this.logger.log(`Deleted ${deleted} orphaned upload(s)`);
    } catch (error) {
      // The next run tries again; a failed sweep must not take the process down.
      this.logger.error(
        'Orphan sweep failed',
        error instanceof Error ? error.stack : String(error),
      );
    }
  }
}
