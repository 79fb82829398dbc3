import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { configureApp, createFastifyAdapter } from '../../src/app.setup.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { obliterateTestQueues } from './test-queues.js';

/** This test process's own namespace in a shared Redis (rate-limit counters). */
const REDIS_PREFIX = `inkwell-test:${process.pid}:${randomBytes(4).toString('hex')}:`;

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  /** The database this app runs on, to start a second instance on it (`{ database }`). */
  database: TestDatabase;
  /** Counts the SQL statements run while `work` runs. */
  countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Use this database instead of a fresh one, and leave it in place on
   * close: for a second instance beside the first, or for tests that stop
   * one app and start another on the same data.
   */
  database?: TestDatabase;
}

/**
 * Boots the whole application, exactly as `main.ts` does, on a database of
 * its own (see `createTestDatabase`). One per test file, or several.
 *
 * Background jobs are enqueued but not run (`PROCESS_ROLE=api`), so that
 * nothing happens behind a test's back (e.g. in its query counts); job tests
 * pass `PROCESS_ROLE: 'all'` (see `jobRunnerCases`). Jobs are then polled
 * often and retried quickly, and BullMQ (when `REDIS_URL` is set) gets a key
 * prefix of its own, removed on close. All test traffic comes from 127.0.0.1,
 * so the per-IP global rate limit stays off unless a test sets it.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database: TestDatabase = options.database ?? (await createTestDatabase());
  // Config is read from process.env; the next app in the same file starts from the same point.
  const previousEnv = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-tests',
    RATE_LIMIT_GLOBAL: '0',
    RATE_LIMIT_REDIS_PREFIX: REDIS_PREFIX,
    PROCESS_ROLE: 'api',
    JOBS_QUEUE_PREFIX: `inkwell_test_${process.pid}_${randomBytes(4).toString('hex')}`,
    JOBS_POLL_INTERVAL_MS: '50',
    JOBS_BACKOFF_MS: '100',
    JOBS_BACKOFF_MAX_MS: '1000',
    MAIL_FILE_DIR: join(tmpdir(), 'inkwell-test-mail'),
    ...env,
    DATABASE_URL: database.url,
  });
  const { REDIS_URL: redisUrl, JOBS_QUEUE_PREFIX: queuePrefix } = process.env;

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
    database,
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
      if (redisUrl && queuePrefix) await obliterateTestQueues(redisUrl, queuePrefix);
      if (!options.database) await database.drop();
      for (const key of Object.keys(process.env)) {
        if (!(key in previousEnv)) delete process.env[key];
      }
      Object.assign(process.env, previousEnv);
    },
  };
}
