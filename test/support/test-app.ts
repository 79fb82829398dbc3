import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { configureApp, createFastifyAdapter } from '../../src/app.setup.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const REDIS_PREFIX = `inkwell-test:${process.pid}:${randomBytes(4).toString('hex')}:`;

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  /** The database this app runs on, to start a second instance on it (`createTestApp(env, { databaseUrl })`). */
  databaseUrl: string;
  /** Counts the SQL statements run while `work` runs. */
  countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }>;
  close(): Promise<void>;
}

/**
 * Boots the whole application, exactly as `main.ts` does, on a database of
 * its own (see `createTestDatabase`). One per test file; pass `databaseUrl`
 * to start another instance on the first one's database (that instance's
 * `close()` then leaves the database in place).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { databaseUrl?: string } = {},
): Promise<TestApp> {
  const database: TestDatabase = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await createTestDatabase();
  const settings: Record<string, string> = {
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-tests',
    // All test traffic comes from 127.0.0.1: the per-IP global limit is off unless a
    // test sets it, and rate-limit counters in a shared Redis are this file's own.
    RATE_LIMIT_GLOBAL: '0',
    RATE_LIMIT_REDIS_PREFIX: REDIS_PREFIX,
    ...env,
    DATABASE_URL: database.url,
  };
  // Settings for this app only: `close()` puts the environment back for the next app of the file.
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);

  const moduleRef = await Test.createTestingModule({
    imports: [AppModule],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const dataSource = app.get<DataSource>(getDataSourceToken());
  const recorded: string[][] = [];
  const logger = dataSource.logger;
  const originalLogQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, queryRunner) => {
    for (const list of recorded) list.push(query);
    return originalLogQuery(query, parameters, queryRunner);
  };

  return {
    app,
    http: request(app.getHttpServer()),
    dataSource,
    databaseUrl: database.url,
    async countQueries(work) {
      const queries: string[] = [];
      recorded.push(queries);
      try {
        return { result: await work(), queries };
      } finally {
        recorded.splice(recorded.indexOf(queries), 1);
      }
    },
    async close() {
      await app.close();
      await database.drop();
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
