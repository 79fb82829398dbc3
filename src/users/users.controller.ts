import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessToken } from '../auth/access-token.decorator.js';
import { RefreshCookie } from '../auth/refresh-cookie.js';
import { SessionsService, type SessionTokens } from '../auth/sessions.service.js';
import {
  Authenticated,
  CurrentUser,
  Public,
  type AuthUser,
} from '../common/decorators/auth.decorators.js';
import { Client, type ClientInfo } from '../common/decorators/client-info.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { bodyField, StrictRateLimit } from '../rate-limit/strict-rate-limit.decorator.js';
import { LoginUserRequestDto } from './dto/login-user.dto.js';
import { RegisterUserRequestDto } from './dto/register-user.dto.js';
import { UpdateUserRequestDto } from './dto/update-user.dto.js';
import { UserDto, UserResponseDto } from './dto/user-response.dto.js';
import type { User } from './entities/user.entity.js';
import { UsersService } from './users.service.js';
import { TwoFactorChallengeDto } from '../two-factor/dto/two-factor.dto.js';
import { TwoFactorService } from '../two-factor/two-factor.service.js';

@ApiTags('User and Authentication')
@ApiUnprocessableEntityResponse({
  description: 'Validation failed',
  type: ErrorResponseDto,
})
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly cookie: RefreshCookie,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /**
   * Register a new user and open a session. The response carries the token to
   * use from now on and a refresh token (also set as an httpOnly cookie).
   */
  @Public()
  @StrictRateLimit(bodyField('user', 'email'))
  @Post('users')
  @ApiOperation({ operationId: 'CreateUser' })
  async register(
    @Body() body: RegisterUserRequestDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponseDto> {
    const user = await this.users.register(body.user);
    return this.signedIn(user, await this.sessions.open(user.id, client, 'registration'), reply);
  }

  /**
   * Log in with e-mail and password and open a session. An unknown e-mail and
   * a wrong password get the same 401. For an account with 2FA the answer is
   * a challenge instead (`twoFactorRequired: true`), to complete at
   * `POST /api/auth/2fa/verify`.
   */
  @Public()
  @StrictRateLimit(bodyField('user', 'email'))
  @Post('users/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'Login' })
  @ApiExtraModels(UserResponseDto, TwoFactorChallengeDto)
  @ApiOkResponse({
    description: 'Signed in, or (account with 2FA) a challenge for the second step',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(UserResponseDto) },
        { $ref: getSchemaPath(TwoFactorChallengeDto) },
      ],
    },
  })
  @ApiForbiddenResponse({ description: 'The account is suspended', type: ErrorResponseDto })
  async login(
    @Body() body: LoginUserRequestDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponseDto | TwoFactorChallengeDto> {
    const user = await this.users.authenticate(body.user.email, body.user.password, client);
    if (await this.twoFactor.isEnabled(user.id)) return this.twoFactor.challenge(user.id);
    return this.signedIn(user, await this.sessions.open(user.id, client, 'password'), reply);
  }

  /** The current user, with the token that was sent. */
  @Authenticated()
  @Get('user')
  @ApiOperation({ operationId: 'GetCurrentUser' })
  async current(
    @CurrentUser() caller: AuthUser,
    @AccessToken() token: string,
  ): Promise<UserResponseDto> {
    const user = await this.users.getAccount(caller.id);
    return { user: UserDto.from(user, token) };
  }

  /** Update the current user; send only the fields to change. A new password signs every other device out. */
  @Authenticated()
  @Put('user')
  @ApiOperation({ operationId: 'UpdateCurrentUser' })
  async update(
    @CurrentUser() caller: AuthUser,
    @AccessToken() token: string,
    @Body() body: UpdateUserRequestDto,
    @Client() client: ClientInfo,
  ): Promise<UserResponseDto> {
    const user = await this.users.update(caller.id, body.user, {
      sessionId: caller.sessionId,
      client,
    });
    return { user: UserDto.from(user, token) };
  }

  private signedIn(user: User, tokens: SessionTokens, reply: FastifyReply): UserResponseDto {
    this.cookie.set(reply, tokens.refreshToken, tokens.expiresAt);
    return { user: UserDto.from(user, tokens.accessToken, tokens.refreshToken) };
  }
}
