import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SECURITY_SCHEME } from './common/decorators/auth.decorators.js';

/**
 * Serves Swagger UI at `/docs` and the OpenAPI document at `/docs-json`.
 * Schemas come from the Swagger CLI plugin: `nest build` injects them, and
 * `npm test` runs `scripts/generate-swagger-metadata.mjs` first so that the
 * same metadata exists when the app runs from source.
 */
export async function setupSwagger(app: INestApplication): Promise<void> {
  await loadPluginMetadata();
  const config = new DocumentBuilder()
    .setTitle('Inkwell API')
    .setDescription(
      [
        'The RealWorld ("Conduit") API, plus what a production publishing backend adds beside it.',
        '',
        'Authenticate with the `token` returned by `POST /api/users` or `POST /api/users/login`, sent as',
        '`Authorization: Token <jwt>` (`Bearer <jwt>` is accepted too).',
        '',
        'Every error body has the shape `{"errors": {"<field>": ["<message>"]}}`; validation errors answer 422.',
      ].join('\n'),
    )
    .setVersion('1.0.0')
    .addServer('/')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description:
          'Send `Token <jwt>` (or `Bearer <jwt>`), with the token from login or registration.',
      },
      SECURITY_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    swaggerOptions: { persistAuthorization: true },
  });
}

/** Generated, git-ignored file; a variable specifier keeps the type check from requiring it. */
const PLUGIN_METADATA_MODULE = './metadata.js';

async function loadPluginMetadata(): Promise<void> {
  let metadata: (() => Promise<Record<string, unknown>>) | undefined;
  try {
    ({ default: metadata } = (await import(PLUGIN_METADATA_MODULE)) as {
      default: typeof metadata;
    });
  } catch {
    // Not generated: the build's plugin has already inlined the same metadata.
    return;
  }
  if (metadata) await SwaggerModule.loadPluginMetadata(metadata);
}
