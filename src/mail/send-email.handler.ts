import { Injectable } from '@nestjs/common';
import { ProcessesJob, type JobContext, type JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-name.enum.js';
import { MailDeliveryService } from './mail-delivery.service.js';
import type { TemplatedMail } from './mail-templates.js';

/** Delivers an e-mail enqueued with `MailService.enqueue`. */
@Injectable()
@ProcessesJob(JobName.SendEmail)
export class SendEmailHandler implements JobHandler<TemplatedMail> {
  constructor(private readonly delivery: MailDeliveryService) {}

  handle(mail: TemplatedMail, { jobId }: JobContext): Promise<void> {
    return this.delivery.deliverOnce(jobId, mail);
  }
}
