import { registerAs } from '@nestjs/config';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { validateConfig } from './validate-config.js';

export type DatabaseType = 'better-sqlite3' | 'mysql' | 'mariadb' | 'postgres';

export interface DatabaseConfig {
  type: DatabaseType;
  /** Connection URL for MySQL/MariaDB and PostgreSQL. */
  url?: string;
  /** File path (or `:memory:`) for SQLite. */
  sqlitePath?: string;
  migrateOnStart: boolean;
  logging: boolean;
}

export const DEFAULT_SQLITE_PATH = 'data/inkwell.sqlite';

class DatabaseEnvironment {
  @IsOptional()
  @IsString()
  @Matches(/^(sqlite:|mysql:\/\/|mariadb:\/\/|postgres:\/\/|postgresql:\/\/)/, {
    message:
      'DATABASE_URL must start with sqlite:, mysql://, mariadb://, postgres:// or postgresql://',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  DB_MIGRATE_ON_START?: 'true' | 'false';

  @IsOptional()
  @IsIn(['true', 'false'])
  DB_LOGGING?: 'true' | 'false';
}

/** Turns `DATABASE_URL` into the database settings; unset means the embedded SQLite file. */
export function parseDatabaseUrl(
  url: string | undefined,
): Pick<DatabaseConfig, 'type' | 'url' | 'sqlitePath'> {
  if (!url) return { type: 'better-sqlite3', sqlitePath: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) {
    return {
      type: 'better-sqlite3',
      sqlitePath: url.slice('sqlite:'.length) || DEFAULT_SQLITE_PATH,
    };
  }
  if (url.startsWith('postgres')) return { type: 'postgres', url };
  // Both go through mysql2; the scheme tells TypeORM which dialect's quirks to expect.
  if (url.startsWith('mariadb:'))
    return { type: 'mariadb', url: url.replace(/^mariadb:/, 'mysql:') };
  return { type: 'mysql', url };
}

export function loadDatabaseConfig(
  env: Record<string, string | undefined> = process.env,
): DatabaseConfig {
  const validated = validateConfig(env, DatabaseEnvironment);
  return {
    ...parseDatabaseUrl(validated.DATABASE_URL),
    migrateOnStart: validated.DB_MIGRATE_ON_START !== 'false',
    logging: validated.DB_LOGGING === 'true',
  };
}

export default registerAs('database', (): DatabaseConfig => loadDatabaseConfig());
