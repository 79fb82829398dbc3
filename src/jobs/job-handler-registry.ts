import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { PermanentJobError, ProcessesJob, type JobHandler } from './job-handler.js';
import type { JobName } from './job-name.enum.js';

/** Every `@ProcessesJob(name)` provider of the application, by job name. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: ProcessesJob.KEY })) {
      const name = this.discovery.getMetadataByDecorator(ProcessesJob, wrapper);
      if (!name || !wrapper.instance) continue;
      if (this.handlers.has(name)) throw new Error(`Two handlers are registered for job "${name}"`);
      this.handlers.set(name, wrapper.instance as JobHandler);
    }
  }

  get(name: string): JobHandler {
    const handler = this.handlers.get(name);
    if (!handler) throw new PermanentJobError(`No handler is registered for job "${name}"`);
    return handler;
  }

  names(): JobName[] {
    return [...this.handlers.keys()] as JobName[];
  }
}
