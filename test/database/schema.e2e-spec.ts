import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../../src/config/database.config.js';
import { buildDataSourceOptions } from '../../src/database/data-source-options.js';
import { entities } from '../../src/database/entities.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadDatabaseConfig({ DATABASE_URL: database.url });
    dataSource = new DataSource(buildDataSourceOptions(config, entities));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('leave nothing for the schema builder to change', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.length).toBeGreaterThan(0);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('undo cleanly and apply again', async () => {
    for (let i = 0; i < applied(); i++) await dataSource.undoLastMigration();
    const tables = await dataSource.createQueryRunner().getTables(['users', 'articles']);
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });

  function applied(): number {
    return dataSource.migrations.length;
  }
});
