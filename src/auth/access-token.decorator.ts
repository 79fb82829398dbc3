import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { extractAccessToken } from './jwt.strategy.js';

/** The raw access token the request was authenticated with. */
export const AccessToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | null =>
    extractAccessToken(context.switchToHttp().getRequest<FastifyRequest>()),
);
