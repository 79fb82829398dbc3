import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

export const PROCESS_ROLES = ['api', 'worker', 'all'] as const;
/** `api` serves HTTP only, `worker` runs jobs only, `all` does both. */
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export interface JobsConfig {
  role: ProcessRole;
  /** Namespace of every BullMQ key, so several deployments can share one Redis. */
  queuePrefix: string;
  /** Attempts before a job is kept as failed. */
  maxAttempts: number;
  /** Delay before the first retry; it doubles with every attempt... */
  backoffMs: number;
  /** ...up to this cap. */
  backoffMaxMs: number;
  /** How often the outbox is scanned for due jobs. */
  pollIntervalMs: number;
  /** Jobs one process runs at the same time. */
  concurrency: number;
  /** How long a running job is owned by its process before others may take it over. */
  leaseMs: number;
  /** How long shutdown waits for running jobs before releasing them. */
  shutdownGraceMs: number;
}

class JobsEnvironment {
  @IsOptional()
  @IsIn(PROCESS_ROLES)
  PROCESS_ROLE?: ProcessRole;

  @IsOptional()
  @IsString()
  @Matches(/^[\w.-]+$/, { message: 'JOBS_QUEUE_PREFIX may hold letters, digits, _ . - only' })
  JOBS_QUEUE_PREFIX?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  JOBS_MAX_ATTEMPTS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  JOBS_BACKOFF_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  JOBS_BACKOFF_MAX_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(10)
  JOBS_POLL_INTERVAL_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  JOBS_CONCURRENCY?: number;

  @IsOptional()
  @IsInt()
  @Min(1000)
  JOBS_LEASE_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  JOBS_SHUTDOWN_GRACE_MS?: number;
}

export default registerAs('jobs', (): JobsConfig => {
  const env = validateConfig(process.env, JobsEnvironment);
  return {
    role: env.PROCESS_ROLE ?? 'all',
    queuePrefix: env.JOBS_QUEUE_PREFIX ?? 'inkwell',
    maxAttempts: env.JOBS_MAX_ATTEMPTS ?? 5,
    backoffMs: env.JOBS_BACKOFF_MS ?? 5_000,
    backoffMaxMs: env.JOBS_BACKOFF_MAX_MS ?? 15 * 60_000,
    pollIntervalMs: env.JOBS_POLL_INTERVAL_MS ?? 1_000,
    concurrency: env.JOBS_CONCURRENCY ?? 4,
    leaseMs: env.JOBS_LEASE_MS ?? 5 * 60_000,
    shutdownGraceMs: env.JOBS_SHUTDOWN_GRACE_MS ?? 10_000,
  };
});
