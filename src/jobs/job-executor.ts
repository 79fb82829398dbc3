import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { In, LessThan, LessThanOrEqual, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Clock } from '../common/clock/clock.js';
import type { AllConfig } from '../config/config.type.js';
import type { JobsConfig } from '../config/jobs.config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Job, JobStatus } from './entities/job.entity.js';
import { JobHandlerRegistry } from './job-handler-registry.js';
import { PermanentJobError } from './job-handler.js';
import { retryDelay } from './retry-delay.js';

const MAX_ERROR_LENGTH = 4000;

/**
 * The outbox's state machine, shared by both backends so that they give the
 * same guarantees. Every transition is a conditional UPDATE, so any number of
 * processes can work the same outbox: the one whose UPDATE matched owns the job.
 * Each statement goes through `TransactionRunner`, so that on SQLite's single
 * shared connection it never runs inside (and sees) another request's open
 * transaction, such as one that has just enqueued a job and may yet roll back.
 */
@Injectable()
export class JobExecutor {
  /** Who holds a job: unique per process, readable in the `jobs` table. */
  readonly owner = `${hostname().slice(0, 40)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(JobExecutor.name);
  private readonly config: JobsConfig;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly handlers: JobHandlerRegistry,
    private readonly clock: Clock,
    config: ConfigService<AllConfig, true>,
  ) {
    this.config = config.getOrThrow('jobs', { infer: true });
  }

  /** Jobs ready to run: due ones, and ones whose owner stopped renewing its claim (it crashed). */
  async findReady(limit: number): Promise<Pick<Job, 'id' | 'name' | 'attempts'>[]> {
    return this.transactions.run((manager) =>
      manager.find(Job, {
        select: { id: true, name: true, attempts: true },
        where: this.readyConditions(),
        order: { runAt: 'ASC', id: 'ASC' },
        take: limit,
      }),
    );
  }

  /** Marks a ready job as handed to the queue; false when another dispatcher got it first. */
  async markQueued(id: number): Promise<boolean> {
    const { affected } = await this.update(this.readyConditions(id), {
      status: JobStatus.Queued,
      lockedBy: null,
      lockedUntil: this.leaseEnd(),
    });
    return affected === 1;
  }

  /** Puts a job back when it could not be handed to the queue. */
  async unmarkQueued(id: number): Promise<void> {
    await this.update(
      { id, status: JobStatus.Queued },
      { status: JobStatus.Pending, lockedUntil: null },
    );
  }

  /** Takes a ready (or queued) job for this process; null if it is done or someone else has it. */
  async claim(id: number): Promise<Job | null> {
    return this.transactions.run(async (manager) => {
      const { affected } = await manager.update(
        Job,
        [{ id, status: JobStatus.Queued }, ...this.readyConditions(id)],
        {
          status: JobStatus.Running,
          lockedBy: this.owner,
          lockedUntil: this.leaseEnd(),
          attempts: () => 'attempts + 1',
        },
      );
      return affected === 1 ? manager.findOneBy(Job, { id, lockedBy: this.owner }) : null;
    });
  }

  /**
   * Runs a claimed job and records the outcome: done, retry later, or failed
   * for good. Never throws: if the outcome cannot be recorded, the claim
   * simply lapses and the job runs again (handlers are idempotent).
   */
  async run(job: Job): Promise<void> {
    try {
      await this.attempt(job);
    } catch (error) {
      this.logger.error(
        `Could not record the outcome of job ${job.id}; it runs again when its lease ends: ${describe(error)}`,
      );
    }
  }

  private async attempt(job: Job): Promise<void> {
    const owned: FindOptionsWhere<Job> = { id: job.id, lockedBy: this.owner };
    try {
      await this.handlers.get(job.name).handle(job.payload, {
        jobId: job.id,
        attempt: job.attempts,
        idempotencyKey: job.idempotencyKey,
      });
      await this.update(owned, {
        status: JobStatus.Completed,
        completedAt: this.clock.now(),
        lockedBy: null,
        lockedUntil: null,
      });
    } catch (error) {
      const lastError = describe(error);
      const final = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      if (final) {
        this.logger.error(`Job ${job.id} (${job.name}) failed for good: ${lastError}`);
        await this.update(owned, {
          status: JobStatus.Failed,
          lastError,
          lockedBy: null,
          lockedUntil: null,
        });
        return;
      }
      const delay = retryDelay(job.attempts, this.config.backoffMs, this.config.backoffMaxMs);
      this.logger.warn(
        `Job ${job.id} (${job.name}) attempt ${job.attempts}/${job.maxAttempts} failed, retrying in ${delay} ms: ${lastError}`,
      );
      await this.update(owned, {
        status: JobStatus.Pending,
        runAt: new Date(this.clock.now().getTime() + delay),
        lastError,
        lockedBy: null,
        lockedUntil: null,
      });
    }
  }

  /**
   * Gives back jobs this process holds but will not finish (shutdown): they
   * become ready at once, and the interrupted attempt is not counted.
   */
  async release(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.update(
      { id: In(ids), lockedBy: this.owner, status: JobStatus.Running },
      {
        status: JobStatus.Pending,
        runAt: this.clock.now(),
        lockedBy: null,
        lockedUntil: null,
        attempts: () => 'attempts - 1',
      },
    );
  }

  private update(
    where: FindOptionsWhere<Job> | FindOptionsWhere<Job>[],
    changes: QueryDeepPartialEntity<Job>,
  ): Promise<{ affected?: number }> {
    return this.transactions.run((manager) => manager.update(Job, where, changes));
  }

  private readyConditions(id?: number): FindOptionsWhere<Job>[] {
    const now = this.clock.now();
    return [
      {
        ...(id === undefined ? {} : { id }),
        status: JobStatus.Pending,
        runAt: LessThanOrEqual(now),
      },
      {
        ...(id === undefined ? {} : { id }),
        status: In([JobStatus.Queued, JobStatus.Running]),
        lockedUntil: LessThan(now),
      },
    ];
  }

  private leaseEnd(): Date {
    return new Date(this.clock.now().getTime() + this.config.leaseMs);
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}
