import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Role } from '../auth/role.enum.js';
import { Authenticated } from '../common/decorators/auth.decorators.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { AuditService } from './audit.service.js';
import { AuditEventListResponseDto } from './dto/audit-event.dto.js';
import { ListAuditQueryDto } from './dto/list-audit-query.dto.js';

@ApiTags('Admin')
@Authenticated({ roles: [Role.Admin] })
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The security audit log, most recent first, filtered by kind, people and time. */
  @Get()
  @ApiOperation({ operationId: 'AdminListAuditEvents' })
  @ApiUnprocessableEntityResponse({ description: 'Validation failed', type: ErrorResponseDto })
  list(@Query() query: ListAuditQueryDto): Promise<AuditEventListResponseDto> {
    return this.audit.list(query);
  }
}
