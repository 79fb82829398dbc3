import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import {
  ApiOperation,
  ApiResponse,
  DECORATORS,
  DocumentBuilder,
  SwaggerModule,
} from '@nestjs/swagger';
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

type PluginMetadata = Record<string, { controllers?: ControllerMetadata[] }>;
type ControllerMetadata = [
  Promise<Record<string, { prototype: object }>>,
  Record<string, Record<string, { summary?: string; description?: string; type?: unknown }>>,
];

/**
 * When the app runs from source (tests), the Swagger plugin never ran: load
 * what `scripts/generate-swagger-metadata.mjs` extracted. Models are applied
 * by Swagger itself; handler summaries and response types are applied here,
 * as the plugin writes them into the compiled controllers.
 */
async function loadPluginMetadata(): Promise<void> {
  let metadata: (() => Promise<PluginMetadata>) | undefined;
  try {
    ({ default: metadata } = (await import(PLUGIN_METADATA_MODULE)) as {
      default: typeof metadata;
    });
  } catch {
    // Not generated: the build's plugin has already inlined the same metadata.
    return;
  }
  if (!metadata) return;
  await SwaggerModule.loadPluginMetadata(metadata);
  for (const [file, classes] of (await metadata())['@nestjs/swagger']?.controllers ?? []) {
    const exports = await file;
    for (const [className, handlers] of Object.entries(classes)) {
      const prototype = exports[className].prototype as Record<string, object>;
      for (const [name, { summary, description, type }] of Object.entries(handlers)) {
        const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
        const declared = Reflect.getMetadata(DECORATORS.API_OPERATION, prototype[name]) as object;
        ApiOperation({ ...declared, summary, description })(prototype, name, descriptor);
        const status = defaultStatus(prototype[name]);
        // Like the plugin, leave a success response the handler declares itself alone.
        const declaredResponses = Reflect.getMetadata(DECORATORS.API_RESPONSE, prototype[name]) as
          Record<string, unknown> | undefined;
        if (declaredResponses?.[status]) continue;
        ApiResponse({ status, ...(type ? { type: type as Type } : {}) })(
          prototype,
          name,
          descriptor,
        );
      }
    }
  }
}

/** The status Nest answers with when a handler succeeds: its @HttpCode, else 201 for POST, else 200. */
function defaultStatus(handler: object): number {
  const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
  if (code) return code;
  return Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? 201 : 200;
}
