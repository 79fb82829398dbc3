import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { configureApp, createFastifyAdapter } from './app.setup.js';
import type { AllConfig } from './config/config.type.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(), {
    bufferLogs: false,
  });
  const config = app.get<ConfigService<AllConfig, true>>(ConfigService);
  if (config.getOrThrow('jobs.role', { infer: true }) === 'worker') {
    await app.close();
    throw new Error('PROCESS_ROLE=worker serves no HTTP: start it with `npm run start:worker`');
  }
  await configureApp(app);
  const { host, port, swaggerEnabled } = config.getOrThrow('app', { infer: true });
  await app.listen(port, host);

  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  const logger = new Logger('Inkwell');
  logger.log(`API listening on ${url}/api`);
  if (swaggerEnabled) logger.log(`API docs on ${url}/docs`);
}

await bootstrap();
