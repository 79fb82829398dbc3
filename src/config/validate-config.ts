import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Validates the environment variables a config namespace reads, so that a
 * missing or malformed variable stops start-up with a message naming it
 * instead of surfacing later as a confusing runtime error.
 */
export function validateConfig<T extends object>(
  env: Record<string, string | undefined>,
  schema: ClassConstructor<T>,
): T {
  const validated = plainToInstance(schema, env, {
    enableImplicitConversion: true,
  });
  const errors = validateSync(validated, { skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors
      .map((error) => {
        const reasons = Object.values(error.constraints ?? {}).join('; ');
        return `  - ${error.property}: ${reasons}`;
      })
      .join('\n');
    throw new Error(`Invalid configuration:\n${details}`);
  }
  return validated;
}
