import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { configureApp, createFastifyAdapter } from '../../src/app.setup.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

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
  Object.assign(process.env, {
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-tests',
    ...env,
    DATABASE_URL: database.url,
  });

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
    },
  };
}
