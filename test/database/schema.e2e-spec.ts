import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The app runs the migrations at start-up; afterwards TypeORM's schema builder,
 * comparing every registered entity with the live database, must find nothing
 * to change. This is what keeps one set of migrations honest on all backends.
 */
describe('migrations', () => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.dataSource;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('have all run at start-up', async () => {
    const executed = await dataSource.query(
      `SELECT COUNT(*) AS count FROM ${dataSource.driver.escape('migrations')}`,
    );
    expect(Number(executed[0].count)).toBe(dataSource.migrations.length);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('leave nothing for the schema builder to change', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('undo cleanly and apply again with no drift', async () => {
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
    const runner = dataSource.createQueryRunner();
    try {
      expect(await runner.getTables(['users', 'articles', 'comments'])).toEqual([]);
    } finally {
      await runner.release();
    }
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
