import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../config/config.type.js';
import { JobRunner } from './backends/job-runner.js';

/**
 * Starts the job runner in `worker` and `all` processes once the app is up,
 * and stops it before the database closes, so that on SIGTERM running jobs
 * finish or are handed back first.
 */
@Injectable()
export class JobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsLifecycle.name);
  private started = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.getOrThrow('jobs.role', { infer: true }) === 'api') return;
    await this.runner.start();
    this.started = true;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (!this.started) return;
    this.started = false;
    if (signal) this.logger.log(`${signal}: finishing running jobs before exit`);
    await this.runner.stop();
  }
}
