import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role } from '../auth/role.enum.js';
import { Authenticated } from '../common/decorators/auth.decorators.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { ParseIdPipe } from '../common/pipes/parse-id.pipe.js';
import { JobListResponseDto, JobResponseDto, ListJobsQueryDto } from './dto/job.dto.js';
import { JobsService } from './jobs.service.js';

@ApiTags('Admin: jobs')
@ApiUnprocessableEntityResponse({ description: 'Validation failed', type: ErrorResponseDto })
@Authenticated({ roles: [Role.Admin] })
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Background jobs, newest first; `?status=failed` lists those out of attempts. */
  @Get()
  @ApiOperation({ operationId: 'ListJobs' })
  list(@Query() query: ListJobsQueryDto): Promise<JobListResponseDto> {
    return this.jobs.list(query);
  }

  /** Run a failed job again, with a fresh set of attempts. */
  @Post(':id/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'RetryJob' })
  @ApiNotFoundResponse({ description: 'No job has this id', type: ErrorResponseDto })
  async retry(@Param('id', new ParseIdPipe('job')) id: number): Promise<JobResponseDto> {
    return { job: await this.jobs.retry(id) };
  }
}
