import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import type { AllConfig } from '../config/config.type.js';
import { Job, JobStatus } from './entities/job.entity.js';
import type { JobName } from './job-name.enum.js';

export interface NewJob<Payload extends object> {
  name: JobName;
  /** Plain JSON: ids rather than entities, so the handler reads fresh data when it runs. */
  payload: Payload;
  /**
   * Enqueuing a key that already exists does nothing, which makes "notify X
   * about Y" happen once however often Y is repeated. A random key by default.
   */
  idempotencyKey?: string;
  /** Not before this time (default: as soon as possible). */
  runAt?: Date;
}

/**
 * The transactional outbox. Call `enqueue` with the `EntityManager` of the
 * transaction that makes the change (`TransactionRunner.run`): the job exists
 * exactly when the change is committed.
 */
@Injectable()
export class JobOutbox {
  private readonly maxAttempts: number;

  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly clock: Clock,
  ) {
    this.maxAttempts = config.getOrThrow('jobs.maxAttempts', { infer: true });
  }

  async enqueue<Payload extends object>(
    manager: EntityManager,
    job: NewJob<Payload>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Job)
      .values({
        name: job.name,
        payload: job.payload,
        idempotencyKey: job.idempotencyKey ?? `${job.name}:${randomUUID()}`,
        status: JobStatus.Pending,
        maxAttempts: this.maxAttempts,
        runAt: job.runAt ?? this.clock.now(),
      })
      .orIgnore()
      .execute();
  }
}
