import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/config/database.config.js';

/**
 * A database of its own for one test file, on whatever backend
 * `DATABASE_URL` names: an in-memory SQLite database by default, or a freshly
 * created MariaDB/MySQL or PostgreSQL database that is dropped afterwards.
 * `sharedFile` makes the SQLite database a temporary file, so that several
 * app instances (e.g. one "crashing" and one restarting) can open it.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * The server named by the environment when the test process started; read
 * once, because `createTestApp` then points `DATABASE_URL` at the file's own database.
 */
const SERVER_URL = process.env.DATABASE_URL;

export async function createTestDatabase(
  baseUrl = SERVER_URL,
  { sharedFile = false } = {},
): Promise<TestDatabase> {
  const { type } = parseDatabaseUrl(baseUrl);
  if (type === 'better-sqlite3' || !baseUrl) {
    if (!sharedFile) return { url: 'sqlite::memory:', drop: async () => {} };
    const path = join(tmpdir(), `inkwell_test_${process.pid}_${randomBytes(4).toString('hex')}`);
    return {
      url: `sqlite:${path}/inkwell.sqlite`,
      drop: () => rm(path, { recursive: true, force: true }),
    };
  }

  const name = `inkwell_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(baseUrl);
  const server = new URL(baseUrl);

  if (type === 'mysql' || type === 'mariadb') {
    server.pathname = '/';
    const admin = async (sql: string) => {
      const connection = await mysql.createConnection(
        server.toString().replace(/^mariadb:/, 'mysql:'),
      );
      try {
        await connection.query(sql);
      } finally {
        await connection.end();
      }
    };
    await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () => admin(`DROP DATABASE IF EXISTS \`${name}\``),
    };
  }

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
