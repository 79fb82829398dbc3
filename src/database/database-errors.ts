import { QueryFailedError } from 'typeorm';

/** True when a query failed on a UNIQUE or PRIMARY KEY constraint, on any supported database. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number } | undefined;
  const code = driverError?.code;
  return (
    code === 'ER_DUP_ENTRY' || // MySQL / MariaDB
    code === '23505' || // PostgreSQL
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
