/** Validation messages in the RealWorld style: the field name comes first, in the `errors` key. */
export const BLANK = "can't be blank";
export const INVALID = 'is invalid';
export const TAKEN = 'has already been taken';
export const tooLong = (max: number) => `is too long (maximum is ${max} characters)`;
export const tooShort = (min: number) => `is too short (minimum is ${min} characters)`;
export const MUST_BE_STRING = 'must be a string';
export const MUST_BE_OBJECT = 'must be an object';
