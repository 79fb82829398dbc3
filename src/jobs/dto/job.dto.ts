import { IsEnum, IsOptional } from 'class-validator';
import { PaginationQueryDto } from '../../common/dto/pagination-query.dto.js';
import { JobStatus, type Job } from '../entities/job.entity.js';

export class ListJobsQueryDto extends PaginationQueryDto {
  /** Only jobs in this state. */
  @IsOptional()
  @IsEnum(JobStatus, { message: `must be one of ${Object.values(JobStatus).join(', ')}` })
  status?: JobStatus;
}

/** A background job as an admin sees it; its payload is left out (it may hold personal data). */
export class JobDto {
  /** @example 42 */
  id: number;
  /** @example "notify-new-follower" */
  name: string;
  status: JobStatus;
  /** Attempts started so far. @example 5 */
  attempts: number;
  /** @example 5 */
  maxAttempts: number;
  /** The error of the last failed attempt. @example "Error: connect ECONNREFUSED 127.0.0.1:587" */
  lastError: string | null;
  /** When the job is due next (first run or retry). */
  runAt: Date;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;

  static from(job: Job): JobDto {
    return {
      id: job.id,
      name: job.name,
      status: job.status,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      lastError: job.lastError,
      runAt: job.runAt,
      completedAt: job.completedAt,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
    };
  }
}

export class JobResponseDto {
  job: JobDto;
}

export class JobListResponseDto {
  jobs: JobDto[];
  /** How many jobs match the filter, over all pages. @example 1 */
  jobsCount: number;
}
