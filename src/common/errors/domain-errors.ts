/**
 * Typed errors thrown by services. They carry no HTTP knowledge beyond a
 * status hint; `AllExceptionsFilter` alone turns them into response bodies.
 */
export type FieldErrors = Record<string, string[]>;

export abstract class DomainError extends Error {
  abstract readonly status: number;

  constructor(
    message: string,
    /** RealWorld-style `{ field: [messages] }`, rendered as the `errors` object. */
    readonly errors: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request that is well-formed but breaks a rule (RealWorld's 422). */
export class ValidationFailedError extends DomainError {
  readonly status = 422;

  constructor(errors: FieldErrors) {
    super('Validation failed', errors);
  }

  static field(field: string, message: string): ValidationFailedError {
    return new ValidationFailedError({ [field]: [message] });
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;

  constructor(resource: string) {
    super(`${resource} not found`, { [resource]: ['not found'] });
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;

  constructor(resource: string, reason = 'forbidden') {
    super(`${resource}: ${reason}`, { [resource]: [reason] });
  }
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;

  constructor(field: string, reason: string) {
    super(`${field} ${reason}`, { [field]: [reason] });
  }
}

/** A body or file over a size limit, or an image over the pixel limit. */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;

  constructor(field: string, reason: string) {
    super(`${field} ${reason}`, { [field]: [reason] });
  }
}

/** Content whose actual type (as read from its bytes) is not accepted. */
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;

  constructor(field: string, reason: string) {
    super(`${field} ${reason}`, { [field]: [reason] });
  }
}
