import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  Authenticated,
  CurrentUser,
  Public,
  type AuthUser,
} from '../common/decorators/auth.decorators.js';
import { Client, type ClientInfo } from '../common/decorators/client-info.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { bodyField, StrictRateLimit } from '../rate-limit/strict-rate-limit.decorator.js';
import { CredentialsService } from './credentials.service.js';
import {
  ForgotPasswordRequestDto,
  ResetPasswordRequestDto,
  VerifyEmailRequestDto,
} from './dto/credentials.dto.js';

@ApiTags('E-mail verification and password reset')
@ApiUnprocessableEntityResponse({
  description: 'Validation failed, or the token is invalid, expired or used',
  type: ErrorResponseDto,
})
@Controller('auth')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  /** Confirm my e-mail address with the token from the verification e-mail (single use, 24 h). */
  @Public()
  @StrictRateLimit(bodyField('token'))
  @Post('verify-email')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'VerifyEmail' })
  @ApiNoContentResponse({ description: 'The address is verified' })
  async verifyEmail(
    @Body() body: VerifyEmailRequestDto,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.credentials.verifyEmail(body.token, client);
  }

  /** Send the verification e-mail again (earlier links stop working). */
  @Authenticated()
  @StrictRateLimit((request: FastifyRequest) => request.headers.authorization)
  @Post('resend-verification')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ operationId: 'ResendVerification' })
  @ApiAcceptedResponse({ description: 'The e-mail is on its way' })
  async resendVerification(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.credentials.resendVerification(caller.id);
  }

  /**
   * Ask for a password reset link. Always 202, whether or not an account has
   * this address, and in the same time either way.
   */
  @Public()
  @StrictRateLimit(bodyField('email'))
  @Post('forgot-password')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ operationId: 'ForgotPassword' })
  @ApiAcceptedResponse({ description: 'If an account has this address, a link is on its way' })
  async forgotPassword(@Body() body: ForgotPasswordRequestDto): Promise<void> {
    await this.credentials.forgotPassword(body.email);
  }

  /** Set a new password with the token from the reset e-mail (single use, 1 h). Every session ends. */
  @Public()
  @StrictRateLimit(bodyField('token'))
  @Post('reset-password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'ResetPassword' })
  @ApiNoContentResponse({ description: 'The password is changed; log in with it' })
  async resetPassword(
    @Body() body: ResetPasswordRequestDto,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.credentials.resetPassword(body.token, body.password, client);
  }
}
