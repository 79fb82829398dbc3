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

/** True when a query failed because a referenced row does not exist, on any supported database. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return (
    code === 'ER_NO_REFERENCED_ROW_2' || // MySQL / MariaDB
    code === '23503' || // PostgreSQL
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}
