import { Controller, Get, HttpCode, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/decorators/auth.decorators.js';
import { HealthDto } from './dto/health.dto.js';

/** Probes for load balancers and orchestrators; served outside the `/api` prefix. */
@ApiTags('Health')
@Public()
// A probe answered 429 would take a healthy instance out of rotation.
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness: the process is up and serving HTTP. */
  @Get()
  @ApiOperation({ operationId: 'Liveness' })
  live(): HealthDto {
    return { status: 'ok' };
  }

  /** Readiness: the database answers. A load balancer should route traffic here only when this is 200. */
  @Get('ready')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'Readiness' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async ready(): Promise<HealthDto> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('database unavailable');
    }
    return { status: 'ok' };
  }
}
