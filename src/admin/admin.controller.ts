import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role } from '../auth/role.enum.js';
import { Authenticated, CurrentUser, type AuthUser } from '../common/decorators/auth.decorators.js';
import { Client, type ClientInfo } from '../common/decorators/client-info.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { AdminService } from './admin.service.js';
import { AdminUserListResponseDto, AdminUserResponseDto } from './dto/admin-user.dto.js';
import { ChangeRoleRequestDto } from './dto/change-role.dto.js';
import { ListUsersQueryDto } from './dto/list-users-query.dto.js';

@ApiTags('Admin')
@ApiUnprocessableEntityResponse({ description: 'Validation failed', type: ErrorResponseDto })
@Authenticated({ roles: [Role.Admin] })
@Controller('admin/users')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  /** List and search users (by part of the username or e-mail), oldest account first. */
  @Get()
  @ApiOperation({ operationId: 'AdminListUsers' })
  list(@Query() query: ListUsersQueryDto): Promise<AdminUserListResponseDto> {
    return this.admin.list(query);
  }

  /** Give a user another role; it applies to their very next request. */
  @Put(':username/role')
  @ApiOperation({ operationId: 'AdminChangeRole' })
  @ApiNotFoundResponse({ description: 'No user has this username', type: ErrorResponseDto })
  async changeRole(
    @Param('username') username: string,
    @Body() body: ChangeRoleRequestDto,
    @CurrentUser() caller: AuthUser,
    @Client() client: ClientInfo,
  ): Promise<AdminUserResponseDto> {
    return { user: await this.admin.changeRole(caller.id, username, body.role, client) };
  }

  /** Suspend a user: login is refused and every session ends at once (idempotent). */
  @Post(':username/suspend')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'AdminSuspendUser' })
  @ApiNotFoundResponse({ description: 'No user has this username', type: ErrorResponseDto })
  async suspend(
    @Param('username') username: string,
    @CurrentUser() caller: AuthUser,
    @Client() client: ClientInfo,
  ): Promise<AdminUserResponseDto> {
    return { user: await this.admin.suspend(caller.id, username, client) };
  }

  /** Lift a suspension; the user may log in again (idempotent). */
  @Post(':username/restore')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'AdminRestoreUser' })
  @ApiNotFoundResponse({ description: 'No user has this username', type: ErrorResponseDto })
  async restore(
    @Param('username') username: string,
    @CurrentUser() caller: AuthUser,
    @Client() client: ClientInfo,
  ): Promise<AdminUserResponseDto> {
    return { user: await this.admin.restore(caller.id, username, client) };
  }
}
