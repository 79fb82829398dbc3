import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobsConfig } from '../../config/jobs.config.js';
import type { JobExecutor } from '../job-executor.js';
import { JobName } from '../job-name.enum.js';
import { InFlightJobs } from './in-flight-jobs.js';
import { JobRunner } from './job-runner.js';
import { PollingLoop } from './polling-loop.js';

/** What travels through Redis: only the outbox id; the row holds everything else. */
interface QueuedJob {
  jobId: number;
}

const DISPATCH_BATCH = 100;

/**
 * With Redis: a dispatcher moves ready outbox rows to BullMQ, one queue per
 * `JobName`, and BullMQ workers (in this or any other worker process) run
 * them. The outbox row stays the source of truth for attempts, backoff and
 * failure, so both backends behave the same; BullMQ spreads the work.
 */
export class BullmqRunner extends JobRunner {
  private readonly logger = new Logger(BullmqRunner.name);
  private readonly inFlight = new InFlightJobs();
  private connection?: Redis;
  private readonly queues = new Map<string, Queue<QueuedJob>>();
  private readonly dispatcher: PollingLoop;
  private workers: Worker<QueuedJob>[] = [];

  constructor(
    private readonly executor: JobExecutor,
    private readonly config: JobsConfig,
    private readonly redisUrl: string,
  ) {
    super();
    this.dispatcher = new PollingLoop(config.pollIntervalMs, () => this.dispatch());
  }

  async start(): Promise<void> {
    // BullMQ workers block on Redis; they must wait for it rather than fail a command.
    this.connection = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    const options = { connection: this.connection, prefix: this.config.queuePrefix };
    for (const name of Object.values(JobName)) {
      this.queues.set(name, new Queue<QueuedJob>(name, options));
      const worker = new Worker<QueuedJob>(name, (job) => this.process(job.data), {
        ...options,
        concurrency: this.config.concurrency,
      });
      worker.on('error', (error) => this.logger.error(`BullMQ worker "${name}": ${error.message}`));
      this.workers.push(worker);
    }
    this.dispatcher.start();
    this.logger.log(`Running jobs through BullMQ (${this.executor.owner})`);
  }

  async stop(): Promise<void> {
    await this.dispatcher.stop();
    // Take no more jobs, give running ones the grace period, then hand back the rest.
    // (BullMQ's close() waits for running jobs without limit, and a later forced close
    // would wait for it, so the choice is made first.)
    await Promise.all(this.workers.map((worker) => worker.pause(true)));
    const unfinished = await this.inFlight.drain(this.config.shutdownGraceMs);
    await this.executor.release(unfinished);
    await Promise.all(this.workers.map((worker) => worker.close(unfinished.length > 0)));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.workers = [];
    this.queues.clear();
    await this.connection?.quit();
    this.connection = undefined;
  }

  private async process({ jobId }: QueuedJob): Promise<void> {
    const job = await this.executor.claim(jobId);
    // Null: already done, or taken over by another process.
    if (job) await this.inFlight.track(job.id, this.executor.run(job));
  }

  /** Hands a batch of ready jobs to BullMQ; a full batch means more are waiting. */
  private async dispatch(): Promise<{ more: boolean }> {
    try {
      const ready = await this.executor.findReady(DISPATCH_BATCH);
      for (const { id, name, attempts } of ready) {
        if (!this.dispatcher.running) return { more: false };
        if (!(await this.executor.markQueued(id))) continue;
        const queue = this.queues.get(name);
        if (!queue) {
          // A name no queue serves (e.g. left by a newer release): run it here so it fails visibly.
          await this.process({ jobId: id });
          continue;
        }
        try {
          // One BullMQ id per attempt: re-dispatching the same attempt is a no-op in Redis.
          await queue.add(
            name,
            { jobId: id },
            { jobId: `${id}-${attempts}`, removeOnComplete: true, removeOnFail: true },
          );
        } catch (error) {
          await this.executor.unmarkQueued(id);
          throw error;
        }
      }
      return { more: ready.length === DISPATCH_BATCH };
    } catch (error) {
      this.logger.error(`Dispatching jobs to BullMQ failed: ${String(error)}`);
      return { more: false };
    }
  }
}
