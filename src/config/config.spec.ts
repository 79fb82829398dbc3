import appConfig from './app.config.js';
import authConfig, { DEVELOPMENT_JWT_SECRET } from './auth.config.js';
import { loadDatabaseConfig, parseDatabaseUrl } from './database.config.js';

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  describe('database', () => {
    it.each([
      [undefined, { type: 'better-sqlite3', sqlitePath: 'data/inkwell.sqlite' }],
      ['sqlite::memory:', { type: 'better-sqlite3', sqlitePath: ':memory:' }],
      ['sqlite:/tmp/x.db', { type: 'better-sqlite3', sqlitePath: '/tmp/x.db' }],
      ['mysql://u:p@db:3306/app', { type: 'mysql', url: 'mysql://u:p@db:3306/app' }],
      ['mariadb://u:p@db:3306/app', { type: 'mariadb', url: 'mysql://u:p@db:3306/app' }],
      ['postgres://u@db/app', { type: 'postgres', url: 'postgres://u@db/app' }],
      ['postgresql://u@db/app', { type: 'postgres', url: 'postgresql://u@db/app' }],
    ])('reads DATABASE_URL=%s', (url, expected) => {
      expect(parseDatabaseUrl(url)).toEqual(expected);
    });

    it('names DATABASE_URL when its scheme is unknown', () => {
      expect(() => loadDatabaseConfig({ DATABASE_URL: 'oracle://db' })).toThrow(/DATABASE_URL/);
    });

    it('names DB_MIGRATE_ON_START when it is not a boolean', () => {
      expect(() => loadDatabaseConfig({ DB_MIGRATE_ON_START: 'yes' })).toThrow(
        /DB_MIGRATE_ON_START/,
      );
    });

    it('migrates on start unless told otherwise', () => {
      expect(loadDatabaseConfig({}).migrateOnStart).toBe(true);
      expect(loadDatabaseConfig({ DB_MIGRATE_ON_START: 'false' }).migrateOnStart).toBe(false);
    });
  });

  describe('auth', () => {
    it('requires JWT_SECRET and names it', () => {
      delete process.env.JWT_SECRET;
      expect(() => authConfig()).toThrow(/JWT_SECRET/);
    });

    it('refuses the development secret in production', () => {
      process.env.NODE_ENV = 'production';
      process.env.JWT_SECRET = DEVELOPMENT_JWT_SECRET;
      expect(() => authConfig()).toThrow(/JWT_SECRET: the development default/);
    });

    it('refuses a short secret in production but accepts a strong one', () => {
      process.env.NODE_ENV = 'production';
      process.env.JWT_SECRET = 'short';
      expect(() => authConfig()).toThrow(/at least 32 characters/);
      process.env.JWT_SECRET = 'x'.repeat(48);
      expect(authConfig()).toMatchObject({ jwtSecret: 'x'.repeat(48), jwtExpiresIn: '24h' });
    });

    it('names a malformed JWT_EXPIRES_IN', () => {
      process.env.JWT_SECRET = 'secret';
      process.env.JWT_EXPIRES_IN = 'one day';
      expect(() => authConfig()).toThrow(/JWT_EXPIRES_IN/);
    });
  });

  describe('app', () => {
    it('has defaults for a bare environment', () => {
      for (const key of ['NODE_ENV', 'HOST', 'PORT', 'CORS_ORIGINS', 'TRUST_PROXY'])
        delete process.env[key];
      expect(appConfig()).toMatchObject({
        nodeEnv: 'development',
        host: '0.0.0.0',
        port: 3000,
        corsOrigins: '*',
        bodyLimit: 1024 * 1024,
        trustProxy: false,
      });
    });

    it('reads lists and numbers', () => {
      process.env.PORT = '8080';
      process.env.CORS_ORIGINS = 'https://a.example, https://b.example';
      process.env.TRUST_PROXY = '10.0.0.0/8';
      expect(appConfig()).toMatchObject({
        port: 8080,
        corsOrigins: ['https://a.example', 'https://b.example'],
        trustProxy: '10.0.0.0/8',
      });
    });

    it('names PORT when it is not a port', () => {
      process.env.PORT = 'eighty';
      expect(() => appConfig()).toThrow(/PORT/);
    });
  });
});
