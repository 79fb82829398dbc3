import { Injectable } from '@nestjs/common';
import { ProcessesJob, type JobContext, type JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-name.enum.js';
import { CredentialsService, type PasswordResetRequest } from './credentials.service.js';

@Injectable()
@ProcessesJob(JobName.RequestPasswordReset)
export class PasswordResetRequestHandler implements JobHandler<PasswordResetRequest> {
  constructor(private readonly credentials: CredentialsService) {}

  handle(payload: PasswordResetRequest, { jobId }: JobContext): Promise<void> {
    return this.credentials.requestPasswordReset(payload, jobId);
  }
}
