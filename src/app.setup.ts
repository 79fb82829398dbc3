import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { ConfigService } from '@nestjs/config';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter.js';
import { createValidationPipe } from './common/pipes/validation.pipe.js';
import appConfig, { type AppConfig } from './config/app.config.js';
import type { AllConfig } from './config/config.type.js';
import { setupSwagger } from './swagger.js';
import { setupUploads } from './uploads/uploads.setup.js';

export const API_PREFIX = 'api';

/**
 * The Fastify adapter, built before the Nest app exists and so before
 * ConfigService: it reads the same validated `app` config directly.
 */
export function createFastifyAdapter(config: AppConfig = appConfig()): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Idle keep-alive sockets are closed on shutdown; in-flight requests finish first.
    forceCloseConnections: 'idle',
  });
}

/**
 * Everything between "created" and "listening", shared by `main.ts` and the
 * end-to-end tests so that tests exercise the real HTTP stack.
 */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get<ConfigService<AllConfig, true>>(ConfigService);
  const { corsOrigins, swaggerEnabled, bodyLimit } = config.getOrThrow('app', {
    infer: true,
  });

  acceptEmptyJsonBodies(app, bodyLimit);
  closeKeepAliveConnectionsOnShutdown(app);
  await app.register(helmet, {
    // Swagger UI needs its own inline styles; everything else keeps helmet's defaults.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await setupUploads(app);
  await app.register(cookie);
  app.enableCors({
    origin: corsOrigins === '*' ? true : corsOrigins,
    // The refresh cookie needs credentialed requests, which are only safe
    // towards an explicit list of origins, never towards "any origin".
    credentials: corsOrigins !== '*',
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Requested-With'],
    maxAge: 86_400,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  if (swaggerEnabled) await setupSwagger(app);
}

/**
 * Conduit frontends POST favorite/follow with `Content-Type: application/json`
 * and no body. Fastify's stock parser answers that with 400; here an empty
 * body simply means "no body", and anything else goes through the stock
 * (prototype-poisoning-safe) parser.
 */
function acceptEmptyJsonBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    // The adapter types requests for any server kind; this app only runs on node:http.
    void parseJson(request as FastifyRequest, text, done);
  });
}

/**
 * Fastify closes connections that are idle when shutdown starts; a keep-alive
 * connection whose request was still running would then stay open until its
 * keep-alive timeout and hold the process. Once shutdown starts, every
 * response asks the client to close the connection instead.
 */
function closeKeepAliveConnectionsOnShutdown(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('Connection', 'close');
    done(null, payload);
  });
}
