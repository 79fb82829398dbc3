import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RefreshCookie } from '../auth/refresh-cookie.js';
import { Authenticated, CurrentUser, type AuthUser } from '../common/decorators/auth.decorators.js';
import { Client, type ClientInfo } from '../common/decorators/client-info.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { AccountExportDto } from './dto/account-export.dto.js';
import { DeleteAccountRequestDto } from './dto/delete-account.dto.js';
import { PrivacyService } from './privacy.service.js';

@ApiTags('Privacy')
@Authenticated()
@Controller('user')
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly cookie: RefreshCookie,
  ) {}

  /** Download everything Inkwell keeps about me, as JSON. */
  @Get('export')
  @Header('Content-Disposition', 'attachment; filename="inkwell-export.json"')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'ExportCurrentUser' })
  export(@CurrentUser() caller: AuthUser): Promise<AccountExportDto> {
    return this.privacy.export(caller.id);
  }

  /**
   * Delete my account for good, confirmed with my password (or, with 2FA on,
   * a code or recovery code). Every session ends; my articles and comments
   * are deleted or anonymised, as the server is configured.
   */
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'DeleteCurrentUser' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({ description: 'The password is wrong', type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'No confirmation sent', type: ErrorResponseDto })
  async delete(
    @CurrentUser() caller: AuthUser,
    @Body() body: DeleteAccountRequestDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.privacy.deleteAccount(caller.id, body, client);
    this.cookie.clear(reply);
  }
}
