import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldErrors } from '../errors/domain-errors.js';

interface ErrorBody {
  errors: FieldErrors;
}

/** Fastify's own request errors (body parsing, limits), by code. */
const FASTIFY_ERRORS: Record<string, { status: number; field: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    field: 'body',
    message: 'is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    field: 'body',
    message: 'is empty',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    field: 'body',
    message: 'is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    field: 'body',
    message: 'has an unsupported content type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    field: 'body',
    message: 'does not match its Content-Length',
  },
};

/**
 * The single place that shapes error responses. Every error body is the
 * RealWorld envelope `{"errors": {"<field>": ["<message>"]}}`, whatever threw
 * it: a domain error from a service, a Nest HTTP exception, a Fastify parse
 * error or an unexpected crash (logged, answered as a bare 500).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionsFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const reply = context.getResponse<FastifyReply>();
    const request = context.getRequest<FastifyRequest>();
    const { status, body } = this.toResponse(exception);

    if (status >= 500) {
      this.logger.error(
        `${request.method} ${request.url} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    void reply.status(status).send(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      return { status: exception.status, body: { errors: exception.errors } };
    }

    const fastifyCode = this.fastifyErrorCode(exception);
    const known = fastifyCode ? FASTIFY_ERRORS[fastifyCode] : undefined;
    if (known) {
      return {
        status: known.status,
        body: { errors: { [known.field]: [known.message] } },
      };
    }

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        status,
        body: {
          errors: { [this.fieldFor(status)]: [this.messageOf(exception)] },
        },
      };
    }

    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { errors: { server: ['internal error'] } },
    };
  }

  private fastifyErrorCode(exception: unknown): string | undefined {
    const candidates = [exception, (exception as { cause?: unknown } | null)?.cause];
    for (const candidate of candidates) {
      const code = (candidate as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && code.startsWith('FST_')) return code;
    }
    return undefined;
  }

  private fieldFor(status: number): string {
    switch (status) {
      case 401:
        return 'token';
      case 404:
        return 'route';
      case 429:
        return 'rate';
      case 503:
        return 'service';
      default:
        return status >= 500 ? 'server' : 'request';
    }
  }

  private messageOf(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join(', ');
    return typeof message === 'string' ? message : exception.message;
  }
}
