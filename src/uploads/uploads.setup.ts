import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { ConfigService } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AllConfig } from '../config/config.type.js';
import { IMMUTABLE_CACHE_CONTROL } from './storage/cache-control.js';
import { StorageDriver } from './storage/storage-driver.js';
import { IMAGE_KEY } from './uploads.service.js';

/** Where uploaded images are read: `/uploads/<key>`, outside the `/api` prefix. */
export const UPLOADS_ROUTE = '/uploads/';

/**
 * The HTTP side of uploads, registered with the other Fastify plugins:
 * multipart parsing, and reading stored images at `/uploads/<key>` (files
 * from the local driver's directory, or redirects to presigned GETs for a
 * private S3 bucket; a public bucket serves them itself). Only processed
 * images (`images/<uuid>/<width>.<ext>`) are ever served.
 */
export async function setupUploads(app: NestFastifyApplication): Promise<void> {
  const media = app.get<ConfigService<AllConfig, true>>(ConfigService).getOrThrow('media', {
    infer: true,
  });
  await app.register(multipart, { limits: { fileSize: media.maxBytes, files: 1 } });

  if (media.driver === 'local') {
    const root = resolve(media.localDirectory);
    await mkdir(root, { recursive: true });
    await app.register(fastifyStatic, {
      root,
      prefix: UPLOADS_ROUTE,
      decorateReply: false,
      index: false,
      list: false,
      redirect: false,
      dotfiles: 'deny',
      cacheControl: false,
      allowedPath: (pathname) => IMAGE_KEY.test(pathname.replace(/^\//, '')),
      setHeaders: (reply) => {
        reply.header('Cache-Control', IMMUTABLE_CACHE_CONTROL);
        reply.header('X-Content-Type-Options', 'nosniff');
        // Avatars and covers are embedded by frontends on other origins.
        reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
      },
    });
  } else if (!media.s3.publicBaseUrl) {
    const storage = app.get(StorageDriver);
    const maxAge = Math.floor(media.s3.readUrlTtlSeconds / 2);
    app
      .getHttpAdapter()
      .getInstance()
      .get(`${UPLOADS_ROUTE}*`, async (request, reply) => {
        const key = (request.params as { '*': string })['*'];
        if (!IMAGE_KEY.test(key)) return reply.callNotFound();
        // Cached for half the URL's lifetime, so a cached redirect never points at an expired URL.
        return reply
          .header('Cache-Control', `private, max-age=${maxAge}`)
          .redirect(await storage.readUrl(key), 302);
      });
  }
}
