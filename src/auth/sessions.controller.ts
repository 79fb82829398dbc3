import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Authenticated,
  CurrentUser,
  Public,
  type AuthUser,
} from '../common/decorators/auth.decorators.js';
import { Client, type ClientInfo } from '../common/decorators/client-info.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { UnauthorizedError } from '../common/errors/domain-errors.js';
import { StrictRateLimit } from '../rate-limit/strict-rate-limit.decorator.js';
import { RefreshRequestDto, SessionTokensDto } from './dto/refresh.dto.js';
import { SessionListResponseDto } from './dto/session.dto.js';
import { RefreshCookie, presentedRefreshToken } from './refresh-cookie.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('Sessions')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookie: RefreshCookie,
  ) {}

  /**
   * Trade a refresh token (body or cookie) for a new access token and a new
   * refresh token. Each refresh token works once: presenting one again signs
   * the whole session out, as it means someone else holds a copy.
   */
  @Public()
  @StrictRateLimit(presentedRefreshToken)
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'RefreshSession' })
  @ApiUnauthorizedResponse({
    description: 'Unknown, expired, revoked or already used refresh token',
    type: ErrorResponseDto,
  })
  async refresh(
    @Body() body: RefreshRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Client() client: ClientInfo,
  ): Promise<SessionTokensDto> {
    // The body was validated above; the cookie is the fallback for browsers.
    const presented = body.refreshToken ?? presentedRefreshToken(request);
    if (!presented) throw new UnauthorizedError('refreshToken', 'is missing');
    const tokens = await this.sessions.refresh(presented, client);
    this.cookie.set(reply, tokens.refreshToken, tokens.expiresAt);
    return {
      token: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      refreshTokenExpiresAt: tokens.expiresAt,
    };
  }

  /** My signed-in devices; the one making this request has `current: true`. */
  @Authenticated()
  @Get('sessions')
  @ApiOperation({ operationId: 'ListSessions' })
  async list(@CurrentUser() caller: AuthUser): Promise<SessionListResponseDto> {
    return { sessions: await this.sessions.list(caller.id, caller.sessionId) };
  }

  /** Sign one of my devices out; its access and refresh tokens stop working at once. */
  @Authenticated()
  @Delete('sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'RevokeSession' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({
    description: 'No open session of mine has this id',
    type: ErrorResponseDto,
  })
  async revoke(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND })) id: string,
    @CurrentUser() caller: AuthUser,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.sessions.revoke(caller.id, id, client);
  }

  /** Sign this device out. */
  @Authenticated()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'Logout' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(
    @CurrentUser() caller: AuthUser,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revoke(caller.id, caller.sessionId, client);
    this.cookie.clear(reply);
  }

  /** Sign every device out, this one included. */
  @Authenticated()
  @Post('logout-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'LogoutAll' })
  @ApiNoContentResponse({ description: 'Signed out everywhere' })
  async logoutAll(
    @CurrentUser() caller: AuthUser,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.signOutEverywhere(caller.id, client);
    this.cookie.clear(reply);
  }
}
