import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationFailedError, type FieldErrors } from '../errors/domain-errors.js';

/**
 * Flattens class-validator errors into RealWorld's `{ field: [messages] }`.
 * The request envelope (`user`, `article`, `comment`) is dropped from the
 * path, and array positions are folded into their field: a bad
 * `article.tagList[2]` is reported as `tagList`.
 */
export function toFieldErrors(errors: ValidationError[], path: string[] = []): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const here = [...path, error.property];
    if (error.constraints) {
      const named = here.filter((segment) => !/^\d+$/.test(segment));
      const field = (named.length > 1 ? named.slice(1) : named).join('.');
      (result[field] ??= []).push(mostBasicMessage(error.constraints));
    }
    if (error.children?.length) {
      for (const [field, messages] of Object.entries(toFieldErrors(error.children, here))) {
        (result[field] ??= []).push(...messages);
      }
    }
  }
  return result;
}

/**
 * The checks that say most about a bad value, most basic first: "missing"
 * beats "wrong type", which beats any rule about the value's content.
 */
const CONSTRAINT_PRIORITY = ['isDefined', 'isNotEmpty', 'isObject', 'isArray', 'isString', 'isInt'];

/** One message per field, like RealWorld's examples: the most basic check that failed. */
function mostBasicMessage(constraints: Record<string, string>): string {
  const basic = CONSTRAINT_PRIORITY.find((name) => name in constraints);
  return basic ? constraints[basic] : Object.values(constraints)[0];
}

/** Where a string containing U+0000 sits in `value` (field path segments), if anywhere. */
function findNulCharacter(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The DTO validation pipe, which first refuses NUL characters anywhere in the
 * input (body, query, path): PostgreSQL cannot store them and would answer
 * with an error, and no legitimate text contains them.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const path = findNulCharacter(value);
    if (path) {
      const named = path.filter((segment) => !/^\d+$/.test(segment));
      const field = named.at(-1) ?? metadata.data ?? metadata.type;
      throw ValidationFailedError.field(field, 'must not contain NUL characters');
    }
    return super.transform(value, metadata);
  }
}

/** The app-wide pipe: strips unknown fields, converts query strings, answers 422. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    // No implicit conversion: a number where a string belongs is a 422, not "123".
    // Query DTOs convert explicitly with @Type(() => Number).
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
