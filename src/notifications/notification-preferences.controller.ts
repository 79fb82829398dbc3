import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../common/decorators/auth.decorators.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import {
  NotificationPreferencesResponseDto,
  UpdateNotificationPreferencesRequestDto,
} from './dto/notification-preferences.dto.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

@ApiTags('Notifications')
@ApiUnprocessableEntityResponse({ description: 'Validation failed', type: ErrorResponseDto })
@Authenticated()
@Controller('user/notifications')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  /** Which notification e-mails the current user receives (all of them until changed). */
  @Get()
  @ApiOperation({ operationId: 'GetNotificationPreferences' })
  async get(@CurrentUser() caller: AuthUser): Promise<NotificationPreferencesResponseDto> {
    return { notifications: await this.preferences.get(caller.id) };
  }

  /** Change notification settings; send only the ones to change. */
  @Put()
  @ApiOperation({ operationId: 'UpdateNotificationPreferences' })
  async update(
    @CurrentUser() caller: AuthUser,
    @Body() body: UpdateNotificationPreferencesRequestDto,
  ): Promise<NotificationPreferencesResponseDto> {
    return { notifications: await this.preferences.update(caller.id, body.notifications) };
  }
}
