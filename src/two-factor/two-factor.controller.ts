import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RefreshCookie } from '../auth/refresh-cookie.js';
import { SessionsService } from '../auth/sessions.service.js';
import {
  Authenticated,
  CurrentUser,
  Public,
  type AuthUser,
} from '../common/decorators/auth.decorators.js';
import { Client, type ClientInfo } from '../common/decorators/client-info.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { bodyField, StrictRateLimit } from '../rate-limit/strict-rate-limit.decorator.js';
import { UserDto, UserResponseDto } from '../users/dto/user-response.dto.js';
import {
  RecoveryCodesDto,
  SecondFactorDto,
  TotpCodeRequestDto,
  TwoFactorSetupDto,
  TwoFactorVerifyRequestDto,
} from './dto/two-factor.dto.js';
import { TwoFactorService } from './two-factor.service.js';

/** The strict limit counts second-factor guesses per caller (token) and IP. */
const caller = (request: FastifyRequest) => request.headers.authorization;

/**
 * Guesses at a login challenge count per account, not per challenge: a new
 * login must not buy a fresh allowance. The payload is read unverified, only
 * to pick the counter; the route itself verifies the challenge.
 */
function challengedAccount(request: FastifyRequest): unknown {
  const challenge = bodyField('challenge')(request);
  if (typeof challenge !== 'string') return undefined;
  try {
    const payload = JSON.parse(Buffer.from(challenge.split('.')[1] ?? '', 'base64url').toString());
    return String((payload as { sub?: unknown }).sub);
  } catch {
    return challenge;
  }
}

@ApiTags('Two-factor authentication')
@ApiUnprocessableEntityResponse({ description: 'Validation failed', type: ErrorResponseDto })
@Controller('auth/2fa')
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionsService,
    private readonly cookie: RefreshCookie,
  ) {}

  /**
   * Start enrolling an authenticator app: returns the secret and an
   * `otpauth://` URI to show as a QR code. 2FA is on only after `enable`.
   */
  @Authenticated()
  @Post('setup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'SetupTwoFactor' })
  setup(@CurrentUser() user: AuthUser): Promise<TwoFactorSetupDto> {
    return this.twoFactor.setup(user.id);
  }

  /** Confirm the enrolment with a first code; answers the ten recovery codes, shown only this once. */
  @Authenticated()
  @StrictRateLimit(caller)
  @Post('enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'EnableTwoFactor' })
  async enable(
    @CurrentUser() user: AuthUser,
    @Body() body: TotpCodeRequestDto,
    @Client() client: ClientInfo,
  ): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.twoFactor.enable(user.id, body.code, client) };
  }

  /** Turn 2FA off, proven by a current code or a recovery code. */
  @Authenticated()
  @StrictRateLimit(caller)
  @Post('disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'DisableTwoFactor' })
  @ApiNoContentResponse({ description: '2FA is off' })
  async disable(
    @CurrentUser() user: AuthUser,
    @Body() body: SecondFactorDto,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.twoFactor.disable(user.id, body, client);
  }

  /**
   * Finish a login of an account with 2FA: the `challenge` from
   * `POST /api/users/login` plus a code (or a recovery code). Answers like a
   * login: the user with its token and refresh token.
   */
  @Public()
  @StrictRateLimit(challengedAccount)
  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'VerifyTwoFactor' })
  @ApiUnauthorizedResponse({
    description: 'The challenge expired or the code is wrong',
    type: ErrorResponseDto,
  })
  @ApiForbiddenResponse({ description: 'The account is suspended', type: ErrorResponseDto })
  async verify(
    @Body() body: TwoFactorVerifyRequestDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponseDto> {
    const user = await this.twoFactor.completeChallenge(body.challenge, body, client);
    const tokens = await this.sessions.open(user.id, client, 'two-factor');
    this.cookie.set(reply, tokens.refreshToken, tokens.expiresAt);
    return { user: UserDto.from(user, tokens.accessToken, tokens.refreshToken) };
  }
}
