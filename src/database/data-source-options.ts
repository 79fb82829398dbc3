import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config.js';
import { migrations } from './migrations/index.js';

type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * The one place that turns database settings into TypeORM options, shared by
 * the Nest app (`TypeOrmModule.forRootAsync`) and the TypeORM CLI
 * (`src/database/data-source.ts`), so both always see the same database.
 */
export function buildDataSourceOptions(
  config: DatabaseConfig,
  entities: EntityList = [],
): DataSourceOptions {
  const common = {
    entities,
    migrations,
    migrationsTableName: 'migrations',
    // The schema only ever changes through migrations.
    synchronize: false,
    logging: config.logging,
  } as const;

  switch (config.type) {
    case 'better-sqlite3': {
      const database = config.sqlitePath ?? ':memory:';
      if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
      return {
        ...common,
        type: 'better-sqlite3',
        database,
        // WAL lets readers proceed while a write is committing.
        enableWAL: database !== ':memory:',
        prepareDatabase: (db: { pragma(source: string): unknown }) => {
          db.pragma('foreign_keys = ON');
          db.pragma('busy_timeout = 5000');
        },
      };
    }
    case 'mysql':
    case 'mariadb':
      return {
        ...common,
        type: config.type,
        url: config.url,
        charset: 'utf8mb4_unicode_ci',
        // Dates are stored and read as UTC whatever the server's zone is.
        timezone: 'Z',
        // Keep integer ids and counters as numbers.
        supportBigNumbers: true,
        bigNumberStrings: false,
      };
    case 'postgres':
      return {
        ...common,
        type: 'postgres',
        url: config.url,
        // `timestamp` columns carry no zone: pin the session to UTC.
        extra: { options: '-c TimeZone=UTC' },
      };
  }
}
