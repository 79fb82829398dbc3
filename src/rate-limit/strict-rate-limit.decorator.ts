import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { normalizeIp, Throttle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { hashSecretToken } from '../common/crypto/secret-tokens.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';

export const STRICT_RATE_LIMIT = 'inkwell:strict-rate-limit';
/** The throttler (see `RateLimitModule`) that only routes marked `@StrictRateLimit` go through. */
export const STRICT_THROTTLER = 'auth';

/** Names the account a request is about, from its (not yet validated) body. */
export type AccountOf = (request: FastifyRequest) => unknown;

/**
 * The strict limit for credential-guessing targets (login, registration,
 * refresh, password reset, 2FA), counted per account and client IP: a
 * guesser is stopped, while other people behind the same IP are not.
 */
export function StrictRateLimit(accountOf: AccountOf) {
  return applyDecorators(
    SetMetadata(STRICT_RATE_LIMIT, true),
    Throttle({
      [STRICT_THROTTLER]: {
        getTracker: (request) => {
          const fastifyRequest = request as FastifyRequest;
          return `${normalizeIp(fastifyRequest.ip)}|${accountKey(accountOf(fastifyRequest))}`;
        },
      },
    }),
    ApiTooManyRequestsResponse({
      description: 'Too many attempts for this account from this address; see `Retry-After`',
      type: ErrorResponseDto,
    }),
  );
}

/** Hashed, so that e-mails and tokens never become Redis keys. */
function accountKey(account: unknown): string {
  const text = typeof account === 'string' ? account.trim().toLowerCase() : '';
  return hashSecretToken(text);
}

/** Reads `body.a.b...` without trusting the body's shape. */
export function bodyField(...path: string[]): AccountOf {
  return (request) => {
    let value: unknown = request.body;
    for (const key of path) {
      value =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    return value;
  };
}
