import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Caps a string by its UTF-8 size, which is what a database column limit counts. */
export function MaxUtf8Bytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxUtf8Bytes',
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && Buffer.byteLength(value, 'utf8') <= max,
        defaultMessage: () => `is too long (maximum is ${max} bytes)`,
      },
    },
    options,
  );
}
