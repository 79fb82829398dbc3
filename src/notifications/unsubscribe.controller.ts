import { Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorators.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { ValidationFailedError } from '../common/errors/domain-errors.js';
import { INVALID } from '../common/validation/messages.js';
import { UnsubscribeQueryDto } from './dto/unsubscribe.dto.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';
import { confirmUnsubscribePage, unsubscribedPage } from './unsubscribe-page.js';

const HTML_PAGE = { content: { 'text/html': { schema: { type: 'string' } } } };

/** Set on success only: errors keep the JSON envelope of every other route. */
function asHtml(reply: FastifyReply, page: string): string {
  void reply.type('text/html; charset=utf-8');
  return page;
}

/** The links in notification e-mails: they work without logging in, the signed token is the proof. */
@ApiTags('Notifications')
@ApiUnprocessableEntityResponse({
  description: 'The token is missing or was not issued by Inkwell',
  type: ErrorResponseDto,
})
@Public()
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly preferences: NotificationPreferencesService,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  /** The page an unsubscribe link opens: it asks for confirmation and changes nothing by itself. */
  @Get()
  @ApiOperation({ operationId: 'ShowUnsubscribe' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A confirmation page', ...HTML_PAGE })
  show(
    @Query() query: UnsubscribeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const request = this.tokens.verify(query.token);
    if (!request) throw ValidationFailedError.field('token', INVALID);
    return asHtml(reply, confirmUnsubscribePage(request.kind, query.token));
  }

  /**
   * One-click unsubscribe (RFC 8058, `List-Unsubscribe-Post`): switches off
   * the kind of e-mail the link came in. Repeating it changes nothing.
   */
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'Unsubscribe' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Unsubscribed', ...HTML_PAGE })
  async unsubscribe(
    @Query() query: UnsubscribeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return asHtml(reply, unsubscribedPage(await this.preferences.unsubscribe(query.token)));
  }
}
