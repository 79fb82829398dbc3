import type { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation.pipe.js';

const error = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
) => ({ property, constraints, children }) as ValidationError;

describe('toFieldErrors', () => {
  it('drops the request envelope and keeps the field name', () => {
    const errors = [error('user', undefined, [error('email', { isEmail: 'is invalid' })])];
    expect(toFieldErrors(errors)).toEqual({ email: ['is invalid'] });
  });

  it('reports the missing envelope itself', () => {
    expect(
      toFieldErrors([
        error('user', { isDefined: "can't be blank", isObject: 'must be an object' }),
      ]),
    ).toEqual({
      user: ["can't be blank"],
    });
  });

  it('reports the most basic check that failed, whatever the decorator order', () => {
    const constraints = {
      maxLength: 'is too long',
      isString: 'must be a string',
      isNotEmpty: "can't be blank",
    };
    expect(toFieldErrors([error('article', undefined, [error('title', constraints)])])).toEqual({
      title: ["can't be blank"],
    });
  });

  it('folds array positions into their field', () => {
    const errors = [
      error('article', undefined, [
        error('tagList', undefined, [error('2', { isString: 'bad tag' })]),
      ]),
    ];
    expect(toFieldErrors(errors)).toEqual({ tagList: ['bad tag'] });
  });

  it('keeps top-level fields such as query parameters as they are', () => {
    expect(toFieldErrors([error('limit', { max: 'must be at most 100' })])).toEqual({
      limit: ['must be at most 100'],
    });
  });
});
