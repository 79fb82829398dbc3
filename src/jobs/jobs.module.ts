import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AllConfig } from '../config/config.type.js';
import { Job } from './entities/job.entity.js';
import { BullmqRunner } from './backends/bullmq.runner.js';
import { JobRunner } from './backends/job-runner.js';
import { OutboxPollingRunner } from './backends/outbox-polling.runner.js';
import { JobExecutor } from './job-executor.js';
import { JobHandlerRegistry } from './job-handler-registry.js';
import { JobOutbox } from './job-outbox.service.js';
import { JobsController } from './jobs.controller.js';
import { JobsLifecycle } from './jobs.lifecycle.js';
import { JobsService } from './jobs.service.js';

/**
 * Background jobs through a transactional outbox. Features enqueue with
 * `JobOutbox` inside their transaction and handle with `@ProcessesJob(name)`
 * providers; this module runs them (see docs/jobs-and-mail.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Job]), DiscoveryModule],
  controllers: [JobsController],
  providers: [
    JobOutbox,
    JobExecutor,
    JobHandlerRegistry,
    JobsService,
    JobsLifecycle,
    {
      provide: JobRunner,
      inject: [JobExecutor, ConfigService],
      useFactory: (executor: JobExecutor, config: ConfigService<AllConfig, true>): JobRunner => {
        const jobs = config.getOrThrow('jobs', { infer: true });
        const redisUrl = config.get('redis.url', { infer: true });
        return redisUrl
          ? new BullmqRunner(executor, jobs, redisUrl)
          : new OutboxPollingRunner(executor, jobs);
      },
    },
  ],
  exports: [JobOutbox],
})
export class JobsModule {}
