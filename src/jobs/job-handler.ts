import { DiscoveryService } from '@nestjs/core';
import type { JobName } from './job-name.enum.js';

/** What a handler knows about the job it runs. */
export interface JobContext {
  jobId: number;
  /** 1 on the first run, 2 on the first retry... */
  attempt: number;
  idempotencyKey: string;
}

/**
 * Runs one kind of job. A job may run more than once (a retry after a crash
 * or a timeout), so a handler must make its effect at most once: check what
 * was already done, or record what it did under `context.jobId`.
 */
export interface JobHandler<Payload = unknown> {
  handle(payload: Payload, context: JobContext): Promise<void>;
}

/**
 * Marks a provider as the handler of one job name. The jobs module finds
 * every such provider at start-up, whatever module declares it.
 */
export const ProcessesJob = DiscoveryService.createDecorator<JobName>();

/** A failure that retrying cannot fix (bad payload, unknown job): the job fails at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
