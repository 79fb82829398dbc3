import { Logger } from '@nestjs/common';
import type { JobsConfig } from '../../config/jobs.config.js';
import type { JobExecutor } from '../job-executor.js';
import { InFlightJobs } from './in-flight-jobs.js';
import { JobRunner } from './job-runner.js';
import { PollingLoop } from './polling-loop.js';

/** Without Redis: this process polls the outbox table and runs due jobs itself. */
export class OutboxPollingRunner extends JobRunner {
  private readonly logger = new Logger(OutboxPollingRunner.name);
  private readonly inFlight = new InFlightJobs();
  private readonly loop: PollingLoop;

  constructor(
    private readonly executor: JobExecutor,
    private readonly config: JobsConfig,
  ) {
    super();
    this.loop = new PollingLoop(config.pollIntervalMs, () => this.poll());
  }

  async start(): Promise<void> {
    this.loop.start();
    this.logger.log(`Running jobs from the outbox in-process (${this.executor.owner})`);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    const unfinished = await this.inFlight.drain(this.config.shutdownGraceMs);
    await this.executor.release(unfinished);
  }

  private async poll(): Promise<{ more: boolean }> {
    try {
      const free = this.config.concurrency - this.inFlight.size;
      if (free <= 0) return { more: false };
      for (const { id } of await this.executor.findReady(free)) {
        if (!this.loop.running) break;
        const job = await this.executor.claim(id);
        // A finished job frees a slot: look for the next one at once.
        if (job)
          void this.inFlight.track(job.id, this.executor.run(job)).then(() => this.loop.wake());
      }
    } catch (error) {
      // The database may be briefly unreachable; the next poll tries again.
      this.logger.error(`Polling the outbox failed: ${String(error)}`);
    }
    // Finished jobs wake the loop; otherwise the next poll comes after the interval.
    return { more: false };
  }
}
