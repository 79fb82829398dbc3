/** Every error body: field name to messages, as RealWorld's GenericErrorModel. */
export class ErrorResponseDto {
  /** @example { "email": ["has already been taken"] } */
  errors: Record<string, string[]>;
}
