import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims a string input; other types pass through untouched for the validators to reject. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and lower-cases an e-mail address, so look-ups and uniqueness ignore case on every database. */
export const NormalizeEmail = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/**
 * Like `@IsOptional()`, but only an absent field skips validation: `null` is
 * validated (and rejected) instead of slipping through to a NOT NULL column.
 */
export const IsOptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** The field may be absent or `null` (meaning "clear it"); anything else is validated. */
export const IsNullable = () =>
  ValidateIf((_object, value) => value !== null && value !== undefined);
