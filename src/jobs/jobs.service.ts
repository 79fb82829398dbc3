import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from '../common/errors/domain-errors.js';
import { Clock } from '../common/clock/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JobDto, type JobListResponseDto, type ListJobsQueryDto } from './dto/job.dto.js';
import { Job, JobStatus } from './entities/job.entity.js';

/** What admins do with jobs: look at them and give failed ones another go. */
@Injectable()
export class JobsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(query: ListJobsQueryDto): Promise<JobListResponseDto> {
    const [jobs, jobsCount] = await this.transactions.run((manager) =>
      manager.findAndCount(Job, {
        where: query.status ? { status: query.status } : {},
        order: { id: 'DESC' },
        skip: query.offset,
        take: query.limit,
      }),
    );
    return { jobs: jobs.map((job) => JobDto.from(job)), jobsCount };
  }

  /** A failed job starts again with a full set of attempts; its last error stays until it runs. */
  async retry(id: number): Promise<JobDto> {
    return this.transactions.run(async (manager) => {
      const job = await manager.findOneBy(Job, { id });
      if (!job) throw new NotFoundError('job');
      if (job.status !== JobStatus.Failed)
        throw ValidationFailedError.field(
          'status',
          `is ${job.status}; only failed jobs can be retried`,
        );
      await manager.update(
        Job,
        { id, status: JobStatus.Failed },
        {
          status: JobStatus.Pending,
          attempts: 0,
          runAt: this.clock.now(),
        },
      );
      return JobDto.from(await manager.findOneByOrFail(Job, { id }));
    });
  }
}
