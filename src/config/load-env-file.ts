import { existsSync } from 'node:fs';

/**
 * Loads `.env` for processes started outside Nest's ConfigModule (TypeORM
 * CLI, seed script). Variables already set in the environment win.
 */
export function loadEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
